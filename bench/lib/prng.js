// Seeded randomness for the benchmark generator. Everything the generator
// draws comes from here so that a given (size, seed) always yields the same
// profile bytes, which keeps benchmark numbers comparable between runs.

/** Returns a mulberry32 PRNG: a function yielding floats in [0, 1) from a 32-bit seed. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Wraps a [0,1) source with the handful of distributions the generator needs. */
export function makeRandom(seed) {
  const next = mulberry32(seed);
  const rnd = {
    next,
    /** Integer in [lo, hi] inclusive. */
    int(lo, hi) {
      return lo + Math.floor(next() * (hi - lo + 1));
    },
    /** True with probability p. */
    chance(p) {
      return next() < p;
    },
    /** Uniformly chosen element. */
    pick(arr) {
      return arr[Math.floor(next() * arr.length)];
    },
    /**
     * Index in [0, n) with P(i) ∝ 1/(i+1)^s, drawn by inverting the
     * continuous approximation so it costs O(1) rather than a table per n.
     */
    zipf(n, s = 1.1) {
      if (n <= 1) return 0;
      const u = next();
      let x;
      if (Math.abs(s - 1) < 1e-9) {
        x = Math.exp(u * Math.log(n + 1)) - 1;
      } else {
        const hi = Math.pow(n + 1, 1 - s);
        x = Math.pow(1 + u * (hi - 1), 1 / (1 - s)) - 1;
      }
      return Math.min(n - 1, Math.floor(x));
    },
    /** Pareto-distributed value >= 1 with tail index alpha (smaller = heavier tail). */
    pareto(alpha) {
      return Math.pow(1 - next(), -1 / alpha);
    },
  };
  return rnd;
}

/** Builds a sampler over explicit weights (cumulative table + binary search). */
export function weightedSampler(weights) {
  const cum = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i];
    cum[i] = total;
  }
  return function sample(u) {
    const target = u * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
