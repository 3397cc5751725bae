// A binary averaged perceptron over string features: small, deterministic, and fast to score.
// Training order is fixed by a seeded shuffle, so the same examples always give the same weights.

export interface Example {
  features: string[];
  label: boolean;
}

/** Feature → weight; a feature not listed weighs 0. `bias` is added to every score. */
export interface PerceptronWeights {
  bias: number;
  weights: Record<string, number>;
}

// A Map looks strings up faster than an object with thousands of keys; made once per model.
const lookups = new WeakMap<PerceptronWeights, Map<string, number>>();

/** Sum of the weights of the features present (each counted once per occurrence). */
export function score(model: PerceptronWeights, features: readonly string[]): number {
  let weights = lookups.get(model);
  if (!weights) {
    weights = new Map(Object.entries(model.weights));
    lookups.set(model, weights);
  }
  let s = model.bias;
  for (const f of features) s += weights.get(f) ?? 0;
  return s;
}

/** mulberry32: a tiny seeded generator, enough for a reproducible shuffle. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Weights whose absolute averaged value is below this are dropped, to keep the shipped file small. */
  prune?: number;
  /** Features in fewer examples than this get no weight: seen once, a feature can only memorise. */
  minCount?: number;
}

/**
 * Averaged perceptron (Collins 2002) with the lazy-averaging trick: each weight keeps the step at which
 * it last changed, so averaging costs nothing per example. Labels are ±1; a score of exactly 0 counts as
 * a mistake, so training starts moving from the all-zero model.
 */
export function trainPerceptron(examples: readonly Example[], options: TrainOptions): PerceptronWeights {
  const random = seededRandom(options.seed);
  const w = new Map<string, number>();
  // Sum of (step × update) per feature: averaged = w − total / steps.
  const stamped = new Map<string, number>();
  let bias = 0;
  let biasStamped = 0;
  let step = 1;
  const counts = new Map<string, number>();
  for (const ex of examples) for (const f of new Set(ex.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const minCount = options.minCount ?? 1;
  const kept = examples.map((ex) => ({ label: ex.label, features: ex.features.filter((f) => (counts.get(f) ?? 0) >= minCount) }));
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const i of order) {
      const ex = kept[i] as Example;
      const y = ex.label ? 1 : -1;
      let s = bias;
      for (const f of ex.features) s += w.get(f) ?? 0;
      if (y * s <= 0) {
        bias += y;
        biasStamped += step * y;
        for (const f of ex.features) {
          w.set(f, (w.get(f) ?? 0) + y);
          stamped.set(f, (stamped.get(f) ?? 0) + step * y);
        }
      }
      step++;
    }
  }
  const prune = options.prune ?? 0;
  const weights: Record<string, number> = {};
  // Sorted keys: the JSON file is the same byte for byte whenever the examples are.
  for (const f of [...w.keys()].sort()) {
    const averaged = (w.get(f) as number) - (stamped.get(f) ?? 0) / step;
    if (Math.abs(averaged) > prune) weights[f] = round(averaged);
  }
  return { bias: round(bias - biasStamped / step), weights };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
