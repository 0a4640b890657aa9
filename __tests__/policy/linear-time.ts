import { expect } from 'vitest';

/**
 * CPU time of the process in ms: on a busy machine a long run is preempted more often than a
 * short one, which wall time would count as work. (The thread's own counter in
 * /proc/thread-self/schedstat only moves at scheduler ticks: too coarse for runs of a few ms.)
 */
function now(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** The fastest of a few runs, in ms: the least disturbed by the collector and other processes. */
function fastest(run: () => void, runs = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i += 1) {
    const started = now();
    run();
    best = Math.min(best, now() - started);
  }
  return best;
}

/** A scan known to be linear, timed beside the code under test: what 8× the input costs on this machine now. */
function control(input: string): number {
  let sum = 0;
  for (let i = 0; i < input.length; i += 1) sum = (sum + input.charCodeAt(i) * 31) | 0;
  for (let i = 0; i < input.length; i += 16) sum ^= input.slice(i, i + 8).length;
  return sum;
}

const LIMIT = 12;
const ATTEMPTS = 3;

function ratioOf(run: (input: string) => unknown, small: string, large: string): number {
  return fastest(() => run(large)) / Math.max(fastest(() => run(small)), 0.2);
}

/**
 * Times `run` on the input built for n and for 8n: a linear scan takes about 8 times longer, a
 * quadratic one 64. The ratio is scaled by a linear control's own ratio on the same inputs when
 * that is above 8 (caches and a busy machine stretch large inputs for everyone), and the test
 * fails when it passes 12 in each of three attempts: noise can slow one attempt, it cannot make a
 * quadratic scan look linear.
 */
export function expectLinear(name: string, build: (n: number) => string, run: (input: string) => unknown, n = 4000): void {
  const small = build(n);
  const large = build(8 * n);
  // Warm up the JIT on both sizes first: a first run of either would mostly time compilation.
  run(small);
  run(large);
  control(small);
  control(large);
  let ratio = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < ATTEMPTS && ratio >= LIMIT; attempt += 1) {
    const measured = ratioOf(run, small, large);
    const baseline = Math.max(ratioOf(control, small, large), 8);
    ratio = Math.min(ratio, (measured * 8) / baseline);
  }
  expect(ratio, `${name}: ${ratio.toFixed(1)}× the time for 8× the input`).toBeLessThan(LIMIT);
}
