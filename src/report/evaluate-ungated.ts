import type { Policy } from '../config/policy.js';
import { evaluateGate } from '../evaluate.js';
import type { PrSnapshot } from '../snapshot.js';
import type { PrGate } from './report-types.js';

/**
 * `report-evaluate: true` (docs/report-mode.md, "Permissions"): a PR the gate never judged, run
 * through the gate's own core with the current policy, on a snapshot that holds its file list.
 * The one place report mode calls the gate's evaluation. Pure.
 */
export function evaluateUngated(policy: Policy, snapshot: PrSnapshot, now: Date): PrGate {
  const result = evaluateGate(policy, snapshot, { now });
  return {
    source: 'evaluated',
    verdict: result.verdict,
    headSha: snapshot.headSha,
    findings: result.findings.map((finding) => ({ category: finding.category, level: finding.level, ...(finding.rule ? { rule: finding.rule } : {}) })),
    overridden: result.reviews?.override !== undefined && result.reviews?.override !== null,
  };
}
