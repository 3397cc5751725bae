// Developer tool: asks the real bot (against the local fake Discord, on the shipped corpus) a set of
// questions and writes the replies as ../shared/tools/discord-render expects them, so answers can be
// looked at the way a reader sees them:
//   node --import tsx scripts/collect-replies.ts OUT_DIR && OUT=OUT_DIR node ../shared/tools/discord-render/render.mjs
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Json, startHarness } from '../tests/support/bot-harness.js';

const out = process.argv[2];
if (!out) {
  console.error('usage: node --import tsx scripts/collect-replies.ts OUT_DIR');
  process.exit(2);
}

const asks: [slug: string, command: string, options: Record<string, string>][] = [
  ['01-ask-kallas', 'ask', { question: 'what did Kallas say?' }],
  ['02-ask-zelenskyy', 'ask', { question: 'what did Zelenskyy say?' }],
  ['03-said-zelenskyy-nato', 'said', { person: 'Zelenskyy', topic: 'NATO' }],
  ['04-whosaid-troops', 'whosaid', { phrase: 'real troops' }],
  ['05-compare-zelenskyy', 'compare', { person: 'Zelenskyy' }],
  ['06-sources', 'sources', {}],
  ['07-ask-typo', 'ask', { question: 'what did Merc say?' }],
  ['08-timeline', 'timeline', { person: 'Zelenskyy' }],
];

const h = await startHarness({ token: 'collect-replies-token' });
try {
  const replies: Json[] = [];
  for (const [slug, command, options] of asks) {
    const message = await h.reply(h.fake.slashCommand(command, options));
    const label = `/${command} ${Object.entries(options)
      .map(([k, v]) => `${k}:${v}`)
      .join(' ')}`.trim();
    replies.push({ slug, label, command: `/${command}`, options, as: 'member', messages: [message] });
  }
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'replies.json'), JSON.stringify({ botUser: { username: 'whosaid' }, replies }, null, 2));
  console.log(`${replies.length} replies written to ${path.join(out, 'replies.json')}`);
} finally {
  await h.close();
}
