// Colours for outlets: each outlet keeps the same colour in every chart (a hash of its name picks
// it), mid-tone colours that read on Discord's dark theme and on its light one, and at most ten
// series in a chart, the rest merged as "other".

/** Mid-tone hues (Tableau 10 without its grey, and two more) with enough contrast on #313338 and on #ffffff. */
export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#17becf', '#bcbd22'] as const;
export const OTHER = 'other';
export const OTHER_COLOUR = '#8a8f98';
/** Text and lines: mid grey, readable on both Discord themes without a background of its own. */
export const INK = '#8b929c';
export const MAX_SERIES = 10;

/** FNV-1a: a small stable hash, the same on every machine and run. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The colour an outlet has whenever it is alone on its hue. */
export function outletColour(outlet: string): string {
  return outlet === OTHER ? OTHER_COLOUR : (PALETTE[hash(outlet) % PALETTE.length] as string);
}

/**
 * Colours for the series of one chart: each outlet its own hashed colour; when two in the same chart
 * hash to one hue, the one listed later takes the next free hue (so within a chart no two look alike).
 */
export function coloursFor(series: string[]): string[] {
  const taken = new Set<number>();
  return series.map((name) => {
    if (name === OTHER) return OTHER_COLOUR;
    let i = hash(name) % PALETTE.length;
    for (let tries = 0; taken.has(i) && tries < PALETTE.length; tries++) i = (i + 1) % PALETTE.length;
    taken.add(i);
    return PALETTE[i] as string;
  });
}

/**
 * The series a chart shows: the `MAX_SERIES` largest by `total`, or the nine largest and "other"
 * when there are more. Returns the names in order and a map from every name to the series it is in.
 */
export function pickSeries(totals: Map<string, number>): { names: string[]; seriesOf: (name: string) => string } {
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  if (ranked.length <= MAX_SERIES) return { names: ranked, seriesOf: (name) => name };
  const kept = new Set(ranked.slice(0, MAX_SERIES - 1));
  return { names: [...kept, OTHER], seriesOf: (name) => (kept.has(name) ? name : OTHER) };
}
