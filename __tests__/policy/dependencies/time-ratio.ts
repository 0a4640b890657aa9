/** Timing for the linear-time tests (docs/dependencies.md). */

function measure(run: (text: string) => void, small: string, large: string): number {
  run(small);
  run(large);
  let calls = 0;
  for (let started = performance.now(); performance.now() - started < 3 && calls < 80_000; calls += 1) run(small);
  calls = Math.max(8, Math.ceil(calls / 8) * 8);
  const perCall = (text: string, count: number): number => {
    let fastest = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 11; round += 1) {
      const started = performance.now();
      for (let call = 0; call < count; call += 1) run(text);
      fastest = Math.min(fastest, performance.now() - started);
    }
    return fastest / count;
  };
  return perCall(large, calls / 8) / perCall(small, calls);
}

/**
 * How much longer one `run(large)` takes than one `run(small)`. Each is the best of 11 short
 * rounds (about 3 ms) of about the same wall time (8 times fewer calls on the 8 times larger
 * input), so a loaded machine preempts both alike and the quickest rounds are the undisturbed
 * ones. Measured up to 3 times, keeping the lowest: noise only ever raises a ratio, while a
 * quadratic pattern gives about 64 every time.
 */
export function timeRatio(run: (text: string) => void, small: string, large: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && best >= 8; attempt += 1) best = Math.min(best, measure(run, small, large));
  return best;
}
