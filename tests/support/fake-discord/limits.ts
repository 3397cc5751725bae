// Discord's documented message limits, checked independently of the bot's own renderer so a renderer
// bug shows up as a rejected request (as on real Discord) and as a failed assertion.

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

interface EmbedLike {
  title?: string;
  description?: string;
  url?: string;
  fields?: { name?: string; value?: string }[];
  footer?: { text?: string };
  author?: { name?: string };
}

interface ComponentLike {
  type?: number;
  custom_id?: string;
  label?: string;
  components?: ComponentLike[];
}

/** Returns every way a message body breaks Discord's limits (empty when it fits). */
export function messageLimitProblems(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const content = typeof body.content === 'string' ? body.content : '';
  if (content.length > LIMITS.content) problems.push(`content is ${content.length} chars`);
  const embeds = Array.isArray(body.embeds) ? (body.embeds as EmbedLike[]) : [];
  if (embeds.length > LIMITS.embeds) problems.push(`${embeds.length} embeds`);
  let total = 0;
  embeds.forEach((embed, i) => {
    const check = (what: string, text: string | undefined, max: number) => {
      const length = text?.length ?? 0;
      total += length;
      if (length > max) problems.push(`embed ${i} ${what} is ${length} chars (max ${max})`);
    };
    check('title', embed.title, LIMITS.embedTitle);
    check('description', embed.description, LIMITS.embedDescription);
    check('footer', embed.footer?.text, LIMITS.footer);
    check('author', embed.author?.name, LIMITS.author);
    const fields = embed.fields ?? [];
    if (fields.length > LIMITS.fields) problems.push(`embed ${i} has ${fields.length} fields`);
    fields.forEach((field, j) => {
      check(`field ${j} name`, field.name, LIMITS.fieldName);
      check(`field ${j} value`, field.value, LIMITS.fieldValue);
      if (!field.name || !field.value) problems.push(`embed ${i} field ${j} is empty`);
    });
  });
  if (total > LIMITS.embedTotal) problems.push(`embeds total ${total} chars (max ${LIMITS.embedTotal})`);
  const rows = Array.isArray(body.components) ? (body.components as ComponentLike[]) : [];
  if (rows.length > LIMITS.actionRows) problems.push(`${rows.length} action rows`);
  for (const row of rows) {
    const buttons = row.components ?? [];
    if (buttons.length > LIMITS.buttonsPerRow) problems.push(`row with ${buttons.length} buttons`);
    for (const button of buttons) {
      if ((button.custom_id?.length ?? 0) > LIMITS.customId) problems.push(`custom_id ${button.custom_id}`);
      if ((button.label?.length ?? 0) > LIMITS.buttonLabel) problems.push(`button label ${button.label}`);
    }
  }
  return problems;
}

/** A body that carries visible text must switch mention parsing off entirely. */
export function mentionProblems(body: Record<string, unknown>): string[] {
  const allowed = body.allowed_mentions as { parse?: unknown[]; users?: unknown[]; roles?: unknown[]; replied_user?: boolean } | undefined;
  if (!allowed) return ['no allowed_mentions'];
  const problems: string[] = [];
  if (!Array.isArray(allowed.parse) || allowed.parse.length > 0) problems.push(`allowed_mentions.parse=${JSON.stringify(allowed.parse)}`);
  if ((allowed.users?.length ?? 0) > 0) problems.push('allowed_mentions.users is not empty');
  if ((allowed.roles?.length ?? 0) > 0) problems.push('allowed_mentions.roles is not empty');
  if (allowed.replied_user === true) problems.push('allowed_mentions.replied_user is true');
  return problems;
}

export function hasVisibleText(body: Record<string, unknown>): boolean {
  return (typeof body.content === 'string' && body.content !== '') || (Array.isArray(body.embeds) && body.embeds.length > 0);
}
