/** A small seeded random generator, so a simulation gives the same percentiles every run. */

const MULBERRY_INCREMENT = 0x6d2b79f5;
const TWO_TO_32 = 4294967296;

/**
 * Mulberry32: a 32-bit seeded PRNG (public domain, Tommy Ettinger); plenty for Monte Carlo
 * budgets, not for cryptography. Its state is a counter (seed + n × 0x6d2b79f5 mod 2³²) hashed
 * into each output, so the stream can start at any position without drawing the ones before.
 * @param seed any integer; the same seed gives the same sequence.
 * @param skip how many draws of the seed's stream to skip (a whole number ≥ 0, default 0):
 *   seededRandom(seed, 5) continues where five calls of seededRandom(seed) left off.
 * @returns a function giving uniform numbers in [0, 1).
 * @example
 * const random = seededRandom(42); random(); // same value on every run
 */
export function seededRandom(seed: number, skip = 0): () => number {
  // skip mod 2^32 is exact below 2^53; Math.imul keeps the low 32 bits of skip × increment.
  let state = ((seed >>> 0) + Math.imul(skip % TWO_TO_32, MULBERRY_INCREMENT)) >>> 0;
  return () => {
    state = (state + MULBERRY_INCREMENT) >>> 0;
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
