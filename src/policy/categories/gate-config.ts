import { levelAtLeast } from '../../config/policy.js';
import { evaluatePathCategory } from '../path-category.js';
import { ruleCategory, type RuleCategory } from '../rule-category.js';

/**
 * `gate-config`: the gate's own configuration — the policy file (its path on the base commit),
 * CODEOWNERS in any of GitHub's three places, the workflow that runs the gate, and any
 * `.github/agent-pr-gate*.yml`. An agent must not be able to relax its own gate, so the level is
 * never below `review`, whatever the policy says.
 */

const CODEOWNERS = new Set(['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS']);
const GATE_FILES = /^\.github\/agent-pr-gate[^/]*\.ya?ml$/;

/**
 * The repository-relative path of the gate's workflow. Accepts a plain path or the
 * `GITHUB_WORKFLOW_REF` form `owner/repo/.github/workflows/gate.yml@refs/heads/main`.
 */
export function normalizeWorkflowPath(raw: string | null): string | null {
  if (raw === null) return null;
  let path = raw.trim();
  const at = path.indexOf('@');
  if (at !== -1) path = path.slice(0, at);
  const marker = path.indexOf('.github/workflows/');
  if (marker > 0) path = path.slice(marker);
  path = path.replace(/^\.?\//, '');
  return path === '' ? null : path;
}

function normalizePath(path: string): string {
  return path.trim().replace(/^\.?\//, '');
}

export const gateConfigCategory: RuleCategory<'gate-config'> = ruleCategory({
  id: 'gate-config',
  description: 'this file, CODEOWNERS and the gate workflow; never below review',
  minimum: 'review',
  level: 'review',
  evaluate(context) {
    const rule = context.policy.permissions['gate-config'];
    const level = levelAtLeast(rule.level, 'review') ? rule.level : 'review';
    const policyPath = normalizePath(context.snapshot.base.policy.path);
    const workflowPath = normalizeWorkflowPath(context.workflowPath);
    const isGateFile = (path: string): boolean =>
      path === policyPath || path === workflowPath || CODEOWNERS.has(path) || GATE_FILES.test(path);
    return evaluatePathCategory(context, 'gate-config', { ...rule, level }, isGateFile);
  },
});
