// One share of a build's fresh files: each read, cleaned and attributed. Build threads run this (see
// build-pool.ts); what it returns is plain data, so it crosses to the building thread as it is.

import type { ArticleAttribution } from '../attribution/index.js';
import { extractionOf } from '../attribution/index.js';
import { problemReason, readArticleFile, yearless } from '../corpus/article-file.js';
import type { FreshFile, FreshRead } from '../corpus/load.js';
import { contentKey } from '../corpus/load.js';
import { mapLimited } from '../corpus/folder.js';

export interface ReadExtracted {
  read: FreshRead;
  /** The article's extraction; null when the file gave no article. */
  extraction: ArticleAttribution | null;
}

/** Reads `files` under `root` as a load would (a file that fails is a problem), then attributes each article. */
export async function readAndExtract(root: string, files: FreshFile[]): Promise<ReadExtracted[]> {
  const reads = await mapLimited(files, 16, async ({ name, listed }): Promise<FreshRead> => {
    try {
      const read = await readArticleFile(root, name, listed, {});
      if (!read) return null;
      return { article: read.article, stamp: read.stamp, yearless: yearless.get(read.article) ?? null, contentKey: contentKey(read.article) };
    } catch (err) {
      return { problem: problemReason(err) };
    }
  });
  return reads.map((read) => ({ read, extraction: read && 'article' in read ? extractionOf(read.article) : null }));
}
