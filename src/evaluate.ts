import type { Policy } from './config/policy.js';
import { detectAgent } from './detect/detect-agent.js';
import { computeMetrics } from './metrics/compute-metrics.js';
import { evaluatePolicy } from './policy/evaluate-policy.js';
import { detectionLookups } from './detect/detection-lookups.js';
import type { ManifestContent } from './policy/policy-category.js';
import type { Finding, GateResult } from './result.js';
import { evaluateReviews } from './reviews/evaluate-reviews.js';
import { findIncomplete } from './reviews/incomplete.js';
import { planLookups } from './reviews/plan-lookups.js';
import type { PrSnapshot } from './snapshot.js';
import { decideVerdict } from './verdict.js';

export interface EvaluateOptions {
  /** Evaluation time (metrics of open PRs run to now). */
  now: Date;
  /** The workflow file that runs the gate (from GITHUB_WORKFLOW_REF), part of `gate-config`. */
  workflowPath?: string | null;
  /**
   * The permission findings of this snapshot when the caller already has them (from
   * `planGateLookups`). They do not depend on lookups, so evaluating them twice is waste.
   */
  findings?: Finding[] | null;
  /** Whole dependency manifests at base and head, by path (docs/dependencies.md); hunks only without. */
  manifestContents?: ReadonlyMap<string, ManifestContent>;
}

export interface GateLookupPlan {
  /** Logins whose repository permission a rule needs. */
  permissions: string[];
  /** `org/team`s whose members a rule needs. */
  teams: string[];
  /** The permission findings, to pass back to `evaluateGate`; null when this is not an agent PR. */
  findings: Finding[] | null;
}

/**
 * What must be looked up through the API before `evaluateGate` can decide: permissions of
 * whoever removed an agent label or applied the override label, and members of reviewer teams.
 * Only what a rule needs; nothing for a non-agent PR.
 */
export function planGateLookups(policy: Policy, snapshot: PrSnapshot, options: Pick<EvaluateOptions, 'workflowPath' | 'manifestContents'>): GateLookupPlan {
  const permissions = new Set(detectionLookups(policy, snapshot));
  // Before lookups, a removed agent label still counts (fail closed), so this is a superset of
  // the final detection: an agent PR here may turn out not to be one once permissions are known.
  if (detectAgent(policy, snapshot).agent === null) return { permissions: [...permissions], teams: [], findings: null };
  const findings = evaluatePolicy(policy, snapshot, { workflowPath: options.workflowPath ?? null, manifestContents: options.manifestContents });
  const plan = planLookups(policy, snapshot, findings);
  for (const login of plan.permissions) permissions.add(login);
  return { permissions: [...permissions], teams: plan.teams, findings };
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
  const rawFindings = options.findings ?? evaluatePolicy(policy, snapshot, { workflowPath: options.workflowPath ?? null, manifestContents: options.manifestContents });
  const { reviews, findings } = evaluateReviews(policy, snapshot, detection, rawFindings);
  const metrics = computeMetrics(policy, snapshot, detection, options.now);
  const decision = decideVerdict({ detection, findings, reviews, incomplete });
  return { ...decision, pr, detection, findings, reviews, metrics, incomplete, evaluatedAt, overrideLabel: policy.overrides.label };
}
