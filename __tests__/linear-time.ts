/**
 * The linear-time check behind __tests__/linear-time.test.ts, for any list of patterns (another
 * test passes e.g. generated secret rules to `checkLinearTime`). docs/security.md promises that a
 * crafted diff cannot stall the job: every pattern the gate runs must take time proportional to
 * its input. For each pattern, inputs are built from the pattern's own pieces (its literal
 * characters and a character of each class, one repeated, or a run of neighbours repeated, after
 * the pieces that lead to it) and end in a character that makes the match fail, which is what
 * makes a backtracking engine retry. Each input is timed once at 8n; when that is slow, at n and
 * 8n (best of a few runs, so noise does not decide), and a ratio above the limit (linear is ~8,
 * quadratic ~64) with the 8n run still slow fails. Patterns run in a worker under a watchdog, so
 * an exponential one is a failure rather than a hung test run.
 */
export { checkLinearTime, describeResult } from './linear-time/check-linear-time.js';
export { collectSourcePatterns } from './linear-time/collect-patterns.js';
export { inputShapes, patternPieces } from './linear-time/input-shapes.js';
export type { InputShape, LinearTimeOptions, LinearTimeResult, PatternSpec } from './linear-time/types.js';
