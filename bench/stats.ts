// Small numeric helpers for the benchmark: nearest-rank percentiles and rounding for the table.

/** Nearest-rank percentile of unsorted samples; NaN when there are none. With fewer than 100 samples, p99 is the maximum. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarise(samples: readonly number[]): LatencySummary {
  return { n: samples.length, p50: percentile(samples, 50), p99: percentile(samples, 99), max: percentile(samples, 100) };
}

/** Milliseconds for humans: 0.42 ms, 12.3 ms, 4.1 s. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return 'n/a';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(0)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || Number.isNaN(bytes)) return 'n/a';
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  return `${(bytes / 1e6).toFixed(0)} MB`;
}

/** "0.12x" (ours / bare): below 1 means we are faster. */
export function formatRatio(ours: number | null | undefined, bare: number | null | undefined, bareIsLowerBound = false): string {
  if (ours === null || ours === undefined || bare === null || bare === undefined || Number.isNaN(ours) || Number.isNaN(bare) || bare <= 0) return 'n/a';
  const ratio = ours / bare;
  const text = ratio >= 10 ? ratio.toFixed(0) : ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(1);
  return `${bareIsLowerBound ? '<' : ''}${text}x`;
}
