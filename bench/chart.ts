// A hand-written SVG line chart: answer latency (p99) against corpus size, both axes log-scaled,
// ours in solid lines and bare Orama dashed, one colour per question class.

export interface ChartSeries {
  label: string;
  colour: string;
  dashed: boolean;
  /** [articles, ms]; points with no measurement are left out. */
  points: [number, number][];
  /** Points that are lower bounds (the bare query was cut off): drawn as open circles. */
  lowerBounds?: [number, number][];
}

const WIDTH = 760;
const HEIGHT = 460;
const MARGIN = { left: 70, right: 230, top: 40, bottom: 55 };

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function decadesAround(values: number[]): [number, number] {
  const positive = values.filter((v) => v > 0);
  const lo = Math.floor(Math.log10(Math.min(...positive)));
  const hi = Math.ceil(Math.log10(Math.max(...positive)));
  return [lo, hi === lo ? hi + 1 : hi];
}

function tickLabel(value: number, unit: 'ms' | 'articles'): string {
  if (unit === 'articles') return value >= 1000 ? `${value / 1000}k` : String(value);
  if (value >= 1000) return `${value / 1000} s`;
  return `${value} ms`;
}

export function latencyChart(title: string, series: ChartSeries[]): string {
  const all = series.flatMap((s) => [...s.points, ...(s.lowerBounds ?? [])]);
  if (all.length === 0)
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="60"><title>${escapeXml(title)}</title><text x="10" y="30">${escapeXml(title)}: no data</text></svg>\n`;
  const [xLo, xHi] = decadesAround(all.map(([x]) => x));
  const [yLo, yHi] = decadesAround(all.map(([, y]) => Math.max(y, 0.01)));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (v: number): number => MARGIN.left + ((Math.log10(v) - xLo) / (xHi - xLo)) * plotW;
  const y = (v: number): number => MARGIN.top + plotH - ((Math.log10(Math.max(v, 0.01)) - yLo) / (yHi - yLo)) * plotH;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
  );
  // The title element is what screen readers and hover tooltips show for the whole chart.
  out.push(`<title>${escapeXml(title)}</title>`);
  out.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`);
  out.push(`<text x="${MARGIN.left}" y="24" font-size="15" font-weight="bold">${escapeXml(title)}</text>`);
  for (let d = xLo; d <= xHi; d++) {
    const v = 10 ** d;
    out.push(`<line x1="${x(v)}" y1="${MARGIN.top}" x2="${x(v)}" y2="${MARGIN.top + plotH}" stroke="#ddd"/>`);
    out.push(`<text x="${x(v)}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${tickLabel(v, 'articles')}</text>`);
  }
  for (let d = yLo; d <= yHi; d++) {
    const v = 10 ** d;
    out.push(`<line x1="${MARGIN.left}" y1="${y(v)}" x2="${MARGIN.left + plotW}" y2="${y(v)}" stroke="#ddd"/>`);
    out.push(`<text x="${MARGIN.left - 8}" y="${y(v) + 4}" text-anchor="end">${tickLabel(v, 'ms')}</text>`);
  }
  out.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 12}" text-anchor="middle">articles in corpus (log)</text>`);
  out.push(`<text transform="translate(18 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">p99 answer latency (log)</text>`);
  series.forEach((s, i) => {
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    const sorted = [...s.points].sort((a, b) => a[0] - b[0]);
    if (sorted.length > 1) {
      out.push(
        `<polyline fill="none" stroke="${s.colour}" stroke-width="2"${dash} points="${sorted.map(([px, py]) => `${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ')}"/>`,
      );
    }
    for (const [px, py] of sorted) out.push(`<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="3.5" fill="${s.colour}"/>`);
    for (const [px, py] of s.lowerBounds ?? []) {
      out.push(
        `<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="5" fill="white" stroke="${s.colour}" stroke-width="2"><title>cut off: at least ${py.toFixed(0)} ms</title></circle>`,
      );
    }
    const ly = MARGIN.top + 10 + i * 20;
    const lx = MARGIN.left + plotW + 16;
    out.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 28}" y2="${ly}" stroke="${s.colour}" stroke-width="2"${dash}/>`);
    out.push(`<text x="${lx + 34}" y="${ly + 4}">${escapeXml(s.label)}</text>`);
  });
  const noteY = MARGIN.top + 10 + series.length * 20 + 10;
  out.push(`<text x="${MARGIN.left + plotW + 16}" y="${noteY}" fill="#555">open circle: bare query cut</text>`);
  out.push(`<text x="${MARGIN.left + plotW + 16}" y="${noteY + 16}" fill="#555">off, a lower bound</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
