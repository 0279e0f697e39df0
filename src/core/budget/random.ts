/** A small seeded random generator, so a simulation gives the same percentiles every run. */

/**
 * Mulberry32: a 32-bit seeded PRNG (public domain, Tommy Ettinger); plenty for Monte Carlo
 * budgets, not for cryptography.
 * @param seed any integer; the same seed gives the same sequence.
 * @returns a function giving uniform numbers in [0, 1).
 * @example
 * const random = seededRandom(42); random(); // same value on every run
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A draw from the triangular distribution on [low, high] with its peak at mode — the usual
 * choice when an expert gives a range and a most likely value.
 * Formula (inverse CDF): u < (m−a)/(b−a) → a + √(u(b−a)(m−a)), else b − √((1−u)(b−a)(b−m)).
 * @param uniform a number in [0, 1).
 * @example
 * triangular(0.5, 0.8, 1, 1.2); // 1
 */
export function triangular(uniform: number, low: number, mode: number, high: number): number {
  const width = high - low;
  if (width <= 0) return mode;
  const split = (mode - low) / width;
  return uniform < split
    ? low + Math.sqrt(uniform * width * (mode - low))
    : high - Math.sqrt((1 - uniform) * width * (high - mode));
}
