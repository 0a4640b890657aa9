import { isCiConfigPath } from '../file-kinds.js';
import { evaluatePathCategory } from '../path-category.js';
import type { PolicyCategory } from '../policy-category.js';

/**
 * `workflows`: GitHub Actions workflows and actions (`.github/workflows/**`, `.github/actions/**`,
 * `action.yml` anywhere) and other CI configs (GitLab, CircleCI, Azure Pipelines, Jenkins,
 * Buildkite, Travis, Bitbucket, Dependabot, …). A file renamed away from a CI path counts too.
 */
export const workflowsCategory: PolicyCategory = {
  id: 'workflows',
  evaluate(context) {
    return evaluatePathCategory(context, 'workflows', context.policy.permissions.workflows, isCiConfigPath);
  },
};
