import type { Policy } from './config/policy.js';
import { detectAgent } from './detect/detect-agent.js';
import { computeMetrics } from './metrics/compute-metrics.js';
import { evaluatePolicy } from './policy/evaluate-policy.js';
import type { GateResult } from './result.js';
import { evaluateReviews } from './reviews/evaluate-reviews.js';
import { findIncomplete } from './reviews/incomplete.js';
import type { PrSnapshot } from './snapshot.js';
import { decideVerdict } from './verdict.js';

export interface EvaluateOptions {
  /** Evaluation time (metrics of open PRs run to now). */
  now: Date;
  /** The workflow file that runs the gate (from GITHUB_WORKFLOW_REF), part of `gate-config`. */
  workflowPath?: string | null;
}

/**
 * The whole gate on plain data: detection, permission policy, review rules, metrics and the
 * verdict. Pure: the action, the CLI and `npm start` all call this one function.
 */
export function evaluateGate(policy: Policy, snapshot: PrSnapshot, options: EvaluateOptions): GateResult {
  const detection = detectAgent(policy, snapshot);
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
  const incomplete = findIncomplete(snapshot);
  const rawFindings = evaluatePolicy(policy, snapshot, { workflowPath: options.workflowPath ?? null });
  const { reviews, findings } = evaluateReviews(policy, snapshot, detection, rawFindings);
  const metrics = computeMetrics(policy, snapshot, detection, options.now);
  const decision = decideVerdict({ detection, findings, reviews, incomplete });
  return { ...decision, pr, detection, findings, reviews, metrics, incomplete, evaluatedAt };
}
