import type { Policy } from '../config/policy.js';
import { detectAgent } from '../detect/detect-agent.js';
import { computeMetrics } from '../metrics/compute-metrics.js';
import type { PrSnapshot } from '../snapshot.js';
import type { ReportPrInput } from './aggregate-report.js';
import type { RevertInfo } from './reverts.js';

/**
 * One PR of the window through the same core as gate mode: `detectAgent`, then `computeMetrics`.
 * Null when it is not an agent PR. Pure: `now` is the evaluation time.
 */
export function evaluateReportPr(policy: Policy, snapshot: PrSnapshot, revertedBy: RevertInfo | null, now: Date): ReportPrInput | null {
  const detection = detectAgent(policy, snapshot);
  if (detection.agent === null) return null;
  const metrics = computeMetrics(policy, snapshot, detection, now);
  const merged = snapshot.state === 'merged';
  return {
    number: snapshot.number,
    url: snapshot.url,
    title: snapshot.title,
    agent: detection.agent,
    state: snapshot.state,
    metrics,
    reverted: merged && revertedBy !== null,
    revertedBy: merged ? revertedBy : null,
    closedAfterChangesRequested: snapshot.state === 'closed' && metrics.interventions.changeRequests > 0,
  };
}
