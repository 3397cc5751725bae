// Fetching pages and feeds without becoming a hazard: a User-Agent that names whosaid, at most two
// requests at once and one a second per host, a 15 s timeout, an 8 MB cap, at most 5 redirects (each
// checked again), robots.txt honoured, http(s) only, and never an address inside the bot's own network:
// the check runs after DNS resolution, and the connection goes to the very address that was checked.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import robotsParserModule from 'robots-parser';

interface RobotRules {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
// robots-parser is CommonJS and its typings declare an ESM default that TypeScript cannot call under
// NodeNext; at run time the default import is the parser function itself.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => RobotRules;

export const USER_AGENT = 'whosaid/0.1 (news quote bot; +https://github.com/whosaid/whosaid)';
/** The token robots.txt rules name for us (`User-agent: whosaid`). */
export const ROBOTS_AGENT = 'whosaid';
export const MAX_FETCH_BYTES = 8 * 1024 * 1024;

export interface FetchSettings {
  /** Lets requests reach loopback and private addresses (the tests' local server). Off in production. */
  allowPrivate: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Least time between two requests to the same host. */
  perHostMs?: number;
  maxConcurrent?: number;
}

export interface FetchResult {
  /** Where the body came from, after redirects. */
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request whosaid will not make, or one that failed; the message is one line for the user. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** Only ordinary public unicast addresses; IPv4-mapped IPv6 is judged as the IPv4 it carries. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

/** http(s) URLs only, without credentials. */
export function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError(`not a URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchError(`only http and https links are fetched, not ${url.protocol.replace(/:$/, '')}`);
  if (url.username || url.password) throw new FetchError('links with a user name or password are not fetched');
  url.hash = '';
  return url;
}

class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}
  async take(): Promise<() => void> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    return () => {
      this.active -= 1;
      this.waiting.shift()?.();
    };
  }
}

export class Fetcher {
  private readonly slots: Slots;
  private readonly nextAt = new Map<string, number>();
  private readonly robots = new Map<string, { rules: Promise<RobotRules | null>; until: number }>();
  private readonly settings: Required<FetchSettings>;

  constructor(settings: FetchSettings) {
    this.settings = { timeoutMs: 15_000, maxBytes: MAX_FETCH_BYTES, maxRedirects: 5, perHostMs: 1000, maxConcurrent: 2, ...settings };
    this.slots = new Slots(this.settings.maxConcurrent);
  }

  /**
   * GETs a URL, following redirects, each hop checked and allowed by robots.txt (`robots: false` for a
   * file a person handed us, such as a Discord attachment: that is not crawling). Non-2xx/304 statuses throw.
   */
  async get(raw: string, headers: Record<string, string> = {}, options: { robots?: boolean } = {}): Promise<FetchResult> {
    let url = checkUrl(raw);
    for (let hop = 0; ; hop++) {
      if (options.robots !== false && !(await this.allowedByRobots(url)))
        throw new FetchError(`robots.txt of ${url.host} does not allow whosaid to fetch ${url.pathname}`);
      const res = await this.request(url, headers);
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        const location = res.headers.location;
        if (!location) throw new FetchError(`${url.host} answered ${res.status} without a Location`, res.status);
        if (hop >= this.settings.maxRedirects) throw new FetchError(`more than ${this.settings.maxRedirects} redirects`, res.status);
        url = checkUrl(new URL(location, url).href);
        continue;
      }
      if (res.status !== 304 && (res.status < 200 || res.status >= 300)) throw new FetchError(`${url.host} answered ${res.status}`, res.status);
      return res;
    }
  }

  private async allowedByRobots(url: URL): Promise<boolean> {
    const origin = url.origin;
    let entry = this.robots.get(origin);
    if (!entry || entry.until < Date.now()) {
      // One robots.txt request per origin an hour, shared by the requests waiting for it.
      entry = { rules: this.readRobots(origin), until: Date.now() + 60 * 60_000 };
      this.robots.set(origin, entry);
    }
    return (await entry.rules)?.isAllowed(url.href, ROBOTS_AGENT) ?? true;
  }

  private async readRobots(origin: string): Promise<RobotRules | null> {
    try {
      const res = await this.request(new URL('/robots.txt', origin), {});
      // A missing or failing robots.txt sets no rules (as crawlers read it); its redirects are not followed.
      return res.status >= 200 && res.status < 300 ? robotsParser(`${origin}/robots.txt`, res.body.toString('utf8')) : null;
    } catch (err) {
      if (err instanceof FetchError && /refused/.test(err.message)) throw err;
      return null;
    }
  }

  /** Waits for a slot and for the host's turn, then makes one request (no redirects). */
  private async request(url: URL, headers: Record<string, string>): Promise<FetchResult> {
    const release = await this.slots.take();
    try {
      const host = url.hostname;
      const now = Date.now();
      const at = Math.max(now, this.nextAt.get(host) ?? 0);
      this.nextAt.set(host, at + this.settings.perHostMs);
      if (at > now) await new Promise((r) => setTimeout(r, at - now));
      return await this.once(url, headers);
    } finally {
      release();
    }
  }

  private once(url: URL, headers: Record<string, string>): Promise<FetchResult> {
    const { allowPrivate, timeoutMs, maxBytes } = this.settings;
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(literal) && !allowPrivate && !isPublicAddress(literal)) {
      return Promise.reject(new FetchError(`refused: ${url.host} is a private, loopback or link-local address`));
    }
    // Resolves, refuses any non-public answer, and hands the socket exactly the addresses checked.
    const lookup: LookupFunction = (hostname, options, callback) => {
      dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
        if (err) return callback(err, '', 0);
        const bad = addresses.find((a) => !isPublicAddress(a.address));
        if (bad && !allowPrivate)
          return callback(new FetchError(`refused: ${hostname} resolves to a private, loopback or link-local address (${bad.address})`), '', 0);
        if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        const first = addresses[0];
        if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
        return callback(null, first.address, first.family);
      });
    };
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<FetchResult>((resolve, reject) => {
      let settled = false;
      const fail = (err: Error): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        reject(err instanceof FetchError ? err : new FetchError(`${url.host}: ${err.message}`));
      };
      const req = client.get(
        url,
        { headers: { 'user-agent': USER_AGENT, accept: '*/*', 'accept-encoding': 'identity', ...headers }, lookup, agent: false },
        (res) => {
          const declared = Number(res.headers['content-length']);
          if (declared > maxBytes)
            return fail(new FetchError(`too large: ${url.host} announced ${(declared / 1048576).toFixed(1)} MB; the limit is ${maxBytes / 1048576} MB`));
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) return fail(new FetchError(`too large: more than ${maxBytes / 1048576} MB from ${url.host}`));
            chunks.push(chunk);
          });
          res.on('end', () => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve({ url: url.href, status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
          });
          res.on('error', fail);
          res.on('aborted', () => fail(new FetchError(`${url.host} closed the connection before the end`)));
        },
      );
      const timer = setTimeout(() => fail(new FetchError(`timed out after ${timeoutMs / 1000} s fetching ${url.host}`)), timeoutMs);
      req.on('error', fail);
    });
  }
}

/** Decodes a fetched body by its declared charset (HTTP header, then <meta>), UTF-8 otherwise. */
export function decodeBody(body: Buffer, contentType: string | undefined): string {
  const declared =
    contentType?.match(/charset="?([\w-]+)/i)?.[1] ??
    body
      .subarray(0, 2048)
      .toString('latin1')
      .match(/<meta[^>]+charset="?([\w-]+)/i)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
