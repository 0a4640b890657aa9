import type { Interval } from './report-types.js';

/**
 * The intervals of report mode (docs/report-mode.md, "Honest numbers"). Pure and deterministic:
 * the same PRs give the same intervals, whatever their order.
 */

/** z for a two-sided 95% interval. */
const Z = 1.959963984540054;
/** Bootstrap resamples for a difference of medians. */
export const BOOTSTRAP_RESAMPLES = 2000;
/** The bootstrap's fixed seed: a report is reproducible run after run. */
export const BOOTSTRAP_SEED = 20260205;

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

/** Wilson score 95% interval of `successes / n`; null when n is 0. */
export function wilson(successes: number, n: number): Interval | null {
  if (n === 0) return null;
  const p = successes / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [round4(Math.max(0, centre - half)), round4(Math.min(1, centre + half))];
}

/**
 * Newcombe's hybrid score interval (his method 10) for p_b − p_a, from the two Wilson intervals:
 * an exact-coverage-minded method that needs no resampling. Null when a side has no outcome.
 */
export function rateDifference(a: { successes: number; n: number }, b: { successes: number; n: number }): { value: number; interval: Interval } | null {
  const ia = wilson(a.successes, a.n);
  const ib = wilson(b.successes, b.n);
  if (!ia || !ib) return null;
  const pa = a.successes / a.n;
  const pb = b.successes / b.n;
  const d = pb - pa;
  const lo = d - Math.sqrt((pb - ib[0]) ** 2 + (ia[1] - pa) ** 2);
  const hi = d + Math.sqrt((ib[1] - pb) ** 2 + (pa - ia[0]) ** 2);
  return { value: round4(d), interval: [round4(lo), round4(hi)] };
}

/** The median of the non-null values, or null when there are none (even count: mean of the middle two). */
export function median(values: ReadonlyArray<number | null>): number | null {
  const sorted = Float64Array.from(values.filter((value): value is number => value !== null)).sort();
  return medianOfSorted(sorted);
}

function medianOfSorted(sorted: Float64Array): number | null {
  if (sorted.length === 0) return null;
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A stable 32-bit hash of a string (FNV-1a), to give each agent its own bootstrap stream. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function resampledMedian(sorted: Float64Array, rand: () => number, scratch: Float64Array): number {
  const n = sorted.length;
  // Resampling indices of the sorted values, then sorting the indices' values: counting sort on
  // the index is linear, and the sorted input makes index order value order.
  const counts = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) counts[Math.floor(rand() * n)]! += 1;
  let k = 0;
  for (let i = 0; i < n; i += 1) for (let c = counts[i]!; c > 0; c -= 1) scratch[k++] = sorted[i]!;
  return medianOfSorted(scratch)!;
}

/**
 * The difference of medians (b − a) with a percentile bootstrap 95% interval: both sides are
 * resampled with replacement BOOTSTRAP_RESAMPLES times from a fixed seed (plus `key`, so each
 * agent has its own stream). The values are sorted first, so the order PRs arrive in (one report
 * or several merged) never changes the result. Null when a side has no value.
 */
export function medianDifference(a: ReadonlyArray<number | null>, b: ReadonlyArray<number | null>, key: string): { value: number; interval: Interval } | null {
  const sa = Float64Array.from(a.filter((v): v is number => v !== null)).sort();
  const sb = Float64Array.from(b.filter((v): v is number => v !== null)).sort();
  if (sa.length === 0 || sb.length === 0) return null;
  const value = medianOfSorted(sb)! - medianOfSorted(sa)!;
  const rand = seeded(BOOTSTRAP_SEED ^ hash32(key));
  const scratchA = new Float64Array(sa.length);
  const scratchB = new Float64Array(sb.length);
  const diffs = new Float64Array(BOOTSTRAP_RESAMPLES);
  for (let r = 0; r < BOOTSTRAP_RESAMPLES; r += 1) diffs[r] = resampledMedian(sb, rand, scratchB) - resampledMedian(sa, rand, scratchA);
  diffs.sort();
  const lo = diffs[Math.floor(0.025 * (BOOTSTRAP_RESAMPLES - 1))]!;
  const hi = diffs[Math.ceil(0.975 * (BOOTSTRAP_RESAMPLES - 1))]!;
  return { value, interval: [lo, hi] };
}

/** Rounds a fraction to 4 decimals; null for 0 of 0. */
export function rate(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return round4(part / whole);
}
