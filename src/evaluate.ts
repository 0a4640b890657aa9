import type { Policy } from './config/policy.js';
import type { GateOptions } from './gate/plan.js';
import { runOffline } from './gate/pipeline.js';
import { firstReads } from './gate/reads.js';
import type { GateResult } from './result.js';
import type { ManifestContent, PrSnapshot } from './snapshot.js';

export type { GateOptions as EvaluateOptions } from './gate/plan.js';

/**
 * The whole gate on a snapshot that holds everything it will get (a saved snapshot, an example,
 * a test's): plan and decide, with nothing more to read (src/gate/pipeline.ts, `runOffline`).
 * `manifests` are the contents saved beside the snapshot, if any.
 */
export function evaluateGate(policy: Policy, snapshot: PrSnapshot, options: GateOptions & { manifests?: ManifestContent[] | null }): GateResult {
  return runOffline(policy, firstReads(snapshot, { manifests: options.manifests ?? null }), options).result;
}
