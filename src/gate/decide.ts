import type { Policy } from '../config/policy.js';
import { detectGated } from '../detect/gate-memory.js';
import { detectionLookups } from '../detect/detection-lookups.js';
import { computeMetrics } from '../metrics/compute-metrics.js';
import { evaluatePolicy } from '../policy/evaluate-policy.js';
import type { GateResult } from '../result.js';
import { evaluateReviews } from '../reviews/evaluate-reviews.js';
import { decideVerdict } from '../verdict.js';
import { findIncomplete } from './gaps.js';
import { manifestMap, manifestsOf, type Carried, type GateOptions } from './plan.js';
import { gateView, type Reads } from './reads.js';

/**
 * Stage 3 of the gate pipeline (docs/architecture.md, "The pipeline"): detection, permission
 * findings, review rules, metrics and the verdict, from what `plan` carried and what was read.
 * Pure, and the snapshot is only read: the lookups and `headSeenAt` reach the core through a new
 * view of it (`gateView`).
 */
export function decide(policy: Policy, reads: Reads, carried: Carried, options: GateOptions): GateResult {
  const snapshot = gateView(reads, options.headSeenAt);
  // The first round's detection counted every removed agent label; with the remover's permission
  // looked up, a removal by a maintainer no longer counts.
  const detection =
    carried.detection.agent !== null && detectionLookups(policy, snapshot).length > 0 ? detectGated(policy, snapshot) : carried.detection;
  const pr = {
    number: snapshot.number,
    headSha: snapshot.headSha,
    url: snapshot.url,
    title: snapshot.title,
    repo: snapshot.repo,
    state: snapshot.state,
  };
  const evaluatedAt = options.now.toISOString();
  if (detection.agent === null) {
    const decision = decideVerdict({ detection, findings: [], reviews: null, incomplete: [] });
    return { ...decision, pr, detection, findings: [], reviews: null, metrics: null, incomplete: [], evaluatedAt };
  }
  const incomplete = findIncomplete(snapshot, reads.manifests, manifestsOf(snapshot).length);
  const rawFindings =
    carried.findings ??
    evaluatePolicy(policy, snapshot, {
      workflowPath: options.workflowPath ?? null,
      manifestContents: manifestMap(reads.manifests),
      categories: options.categories,
    });
  const { reviews, findings } = evaluateReviews(policy, snapshot, detection, rawFindings, incomplete);
  const metrics = computeMetrics(policy, snapshot, detection, options.now);
  const decision = decideVerdict({ detection, findings, reviews, incomplete });
  return { ...decision, pr, detection, findings, reviews, metrics, incomplete, evaluatedAt, overrideLabel: policy.overrides.label };
}
