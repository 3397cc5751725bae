// multipart/form-data as discord.js sends it for messages with files: a `payload_json` part (the
// message) and `files[n]` parts (the bytes). Only what the fake needs: no nested multiparts.

export interface UploadedFile {
  /** The form field, e.g. files[0]: its index matches `attachments[].id` in the payload. */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export function parseMultipart(body: Buffer, contentType: string): { payload: unknown; files: UploadedFile[] } {
  const boundary = contentType.match(/boundary=(?:"([^"]+)"|([^;]+))/i);
  if (!boundary) throw new Error('multipart body without a boundary');
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let payload: unknown = null;
  const files: UploadedFile[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    // Each part: CRLF, headers, blank line, content, CRLF before the next delimiter.
    const part = body.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const name = headers.match(/name="([^"]*)"/i)?.[1] ?? '';
    const filename = headers.match(/filename="([^"]*)"/i)?.[1];
    if (name === 'payload_json') payload = JSON.parse(content.toString('utf8'));
    else if (filename !== undefined)
      files.push({
        field: name,
        filename,
        contentType: headers.match(/content-type:\s*([^\r\n]+)/i)?.[1] ?? 'application/octet-stream',
        data: Buffer.from(content),
      });
    start = next;
  }
  return { payload, files };
}
