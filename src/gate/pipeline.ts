import type { Policy } from '../config/policy.js';
import type { GateResult } from '../result.js';
import { decide } from './decide.js';
import { plan, type Carried, type GateOptions } from './plan.js';
import { addAnswer, isEmptyRequest, type ReadAnswer, type ReadRequest, type Reads } from './reads.js';

/**
 * The gate pipeline, plan → fetch → decide (docs/architecture.md, "The pipeline"), for every entry
 * point: the action and `check` read through the GitHub adapter; `evaluate --snapshot`, `example`
 * and the tests answer from what a saved snapshot holds. `fetch` is the only I/O.
 */

/** Answers one ReadRequest (src/github/fetch-gate-reads.ts); it returns data, never findings. */
export type GateFetch = (request: ReadRequest, reads: Reads) => Promise<ReadAnswer>;

export interface GateRun {
  result: GateResult;
  /** Everything the run read: the snapshot as built, and the lookups and manifests beside it. */
  reads: Reads;
}

/** A runaway guard: a run needs at most three rounds (file pages, manifests, lookups). */
const MAX_ROUNDS = 6;

export async function runGatePipeline(policy: Policy, first: Reads, fetch: GateFetch, options: GateOptions): Promise<GateRun> {
  let reads = first;
  let carried: Carried | null = null;
  for (let round = 0; ; round += 1) {
    const step = plan(policy, reads, carried, options);
    carried = step.carried;
    if (isEmptyRequest(step.request) || round >= MAX_ROUNDS) break;
    reads = addAnswer(reads, step.request, await fetch(step.request, reads));
  }
  return { result: decide(policy, reads, carried, options), reads };
}

/**
 * The pipeline on a saved snapshot, offline: every request is answered with what the snapshot
 * holds (nothing new), so a saved run replays exactly and one saved without manifests falls back
 * to the patches. Synchronous, for the CLI and the tests.
 */
export function runOffline(policy: Policy, first: Reads, options: GateOptions): GateRun {
  let reads = first;
  let carried: Carried | null = null;
  for (let round = 0; ; round += 1) {
    const step = plan(policy, reads, carried, options);
    carried = step.carried;
    if (isEmptyRequest(step.request) || round >= MAX_ROUNDS) break;
    reads = addAnswer(reads, step.request, {});
  }
  return { result: decide(policy, reads, carried, options), reads };
}
