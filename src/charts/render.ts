// Vega-Lite spec → SVG (vega's headless view, no canvas) → PNG (resvg, with the font shipped in
// assets/fonts and no system fonts, so the picture is the same on every machine).

import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { View, logger, parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CHART_FONT } from './specs.js';

export const FONT_FILE = fileURLToPath(new URL('../../assets/fonts/Inter-Regular.ttf', import.meta.url));

/** Vega-Lite's warnings about a spec are not logged (the specs are ours and tested); errors still throw. */
const quiet = logger(0);

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec, { logger: quiet }).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function renderPng(spec: TopLevelSpec): Promise<Buffer> {
  const svg = await renderSvg(spec);
  const resvg = new Resvg(svg, {
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
    fitTo: { mode: 'original' },
  });
  return resvg.render().asPng();
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23), to check what was drawn. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (String.fromCharCode(...png.subarray(12, 16)) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
