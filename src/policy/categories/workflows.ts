import { isCiConfigPath } from '../file-kinds.js';
import { evaluatePathCategory } from '../path-category.js';
import { ruleCategory, type RuleCategory } from '../rule-category.js';

/**
 * `workflows`: GitHub Actions workflows and actions (`.github/workflows/**`, `.github/actions/**`,
 * `action.yml` anywhere) and other CI configs (GitLab, CircleCI, Azure Pipelines, Jenkins,
 * Buildkite, Travis, Bitbucket, Dependabot, …). A file renamed away from a CI path counts too.
 */
export const workflowsCategory: RuleCategory<'workflows'> = ruleCategory({
  id: 'workflows',
  description: '`.github/workflows/**`, `.github/actions/**`, `action.yml` and other CI configuration',
  evaluate(context) {
    return evaluatePathCategory(context, 'workflows', context.policy.permissions.workflows, isCiConfigPath);
  },
});
