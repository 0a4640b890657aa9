/** Times patterns in a worker under a watchdog (see ../linear-time.ts). */
import { Worker } from 'node:worker_threads';
import { inputShapes } from './input-shapes.js';
import type { LinearTimeOptions, LinearTimeResult, PatternSpec } from './types.js';

/**
 * Runs in the worker: plain JavaScript, no imports. Matching is `test` in a loop over every
 * match (as a global search or replace goes through the text), which allocates nothing, so the
 * garbage collector does not blur the timings. Sizes are in characters: `n` and `8n`.
 */
const WORKER_CODE = `
const { parentPort } = require('node:worker_threads');
const build = (shape, chars) => shape.prefix + shape.unit.repeat(Math.max(1, Math.ceil(chars / shape.unit.length))) + shape.tail;
const run = (re, input) => {
  re.lastIndex = 0;
  let last = -1;
  while (re.test(input)) {
    if (re.lastIndex === last) re.lastIndex += 1;
    last = re.lastIndex;
    if (last > input.length) break;
  }
};
const time = (re, input, reps) => {
  const start = performance.now();
  for (let i = 0; i < reps; i++) run(re, input);
  return (performance.now() - start) / reps;
};
parentPort.on('message', ({ id, pattern, shapes, n, maxRatio, screenMs }) => {
  let re;
  try {
    re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '') + 'g');
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
    return;
  }
  let worst = null;
  for (const shape of shapes) {
    run(re, build(shape, 8));
    run(re, build(shape, 8));
    const large = build(shape, 8 * n);
    let bestLarge = time(re, large, 1);
    if (bestLarge < screenMs) continue;
    const small = build(shape, n);
    const repsFor = (input) => Math.max(1, Math.min(50, Math.ceil(0.5 / Math.max(time(re, input, 1), 0.001))));
    const smallReps = repsFor(small);
    const largeReps = repsFor(large);
    let bestSmall = time(re, small, smallReps);
    bestLarge = time(re, large, largeReps);
    // Best of a few: a slow run (a collection, another process) must not fail a linear pattern.
    // Only a large run that stays slow counts: a ratio of two tiny times is noise.
    const slow = () => bestLarge / Math.max(bestSmall, 0.001) > maxRatio && bestLarge >= screenMs;
    // Both sides get at least three runs: a slow small run would hide a quadratic pattern.
    for (let round = 0; round < 3 || (round < 6 && slow()); round++) {
      bestSmall = Math.min(bestSmall, time(re, small, smallReps));
      bestLarge = Math.min(bestLarge, time(re, large, largeReps));
    }
    const ratio = bestLarge / Math.max(bestSmall, 0.001);
    const failed = slow();
    if (!worst || (failed && !worst.failed) || (failed === worst.failed && ratio > worst.ratio)) worst = { shape, small: bestSmall, large: bestLarge, ratio, failed };
    if (failed) break;
  }
  parentPort.postMessage({ id, worst });
});
`;

/** Times every pattern (see the file comment); one result per pattern, in order. */
export async function checkLinearTime(patterns: readonly PatternSpec[], options: LinearTimeOptions = {}): Promise<LinearTimeResult[]> {
  const n = options.n ?? 600;
  const maxRatio = options.maxRatio ?? 12;
  const screenMs = options.screenMs ?? 1;
  const watchdogMs = options.watchdogMs ?? 5000;
  const results: LinearTimeResult[] = [];
  let worker: Worker | null = null;
  try {
    for (const [id, pattern] of patterns.entries()) {
      worker ??= new Worker(WORKER_CODE, { eval: true });
      const current: Worker = worker;
      const shapes = inputShapes(pattern.source, pattern.flags);
      type Answer = { worst: (NonNullable<LinearTimeResult['worst']> & { failed: boolean }) | null; error?: string };
      const answer = await new Promise<Answer | 'timeout'>((resolve) => {
        const timer = setTimeout(() => resolve('timeout'), watchdogMs);
        current.once('message', (message: Answer & { id: number }) => {
          clearTimeout(timer);
          resolve(message);
        });
        current.postMessage({ id, pattern, shapes, n, maxRatio, screenMs });
      });
      if (answer === 'timeout') {
        // The worker is stuck in the pattern: end it, start another for the next pattern.
        await current.terminate();
        worker = null;
        results.push({ pattern, linear: false, worst: null, timedOut: true });
        continue;
      }
      if (answer.error !== undefined) throw new Error(`${pattern.name}: /${pattern.source}/${pattern.flags} does not compile: ${answer.error}`);
      const worst = answer.worst === null ? null : { shape: answer.worst.shape, small: answer.worst.small, large: answer.worst.large, ratio: answer.worst.ratio };
      results.push({ pattern, linear: answer.worst === null || !answer.worst.failed, worst, timedOut: false });
    }
  } finally {
    await worker?.terminate();
  }
  return results;
}

/** One line for a failure message. */
export function describeResult(result: LinearTimeResult): string {
  const { pattern, worst } = result;
  const head = `${pattern.name}: /${pattern.source}/${pattern.flags}`;
  if (result.timedOut) return `${head}: did not finish (exponential?)`;
  if (!worst) return `${head}: linear`;
  const shape = JSON.stringify(worst.shape.prefix + worst.shape.unit.repeat(3) + '…' + worst.shape.tail);
  return `${head}: ${worst.small.toFixed(3)} ms → ${worst.large.toFixed(3)} ms at 8× the input (ratio ${worst.ratio.toFixed(1)}) on ${shape}`;
}

