import { isCiConfigPath } from '../file-kinds.js';
import { createFinding, describeFileChanges, filesMatching, findingPaths } from '../finding.js';
import type { PolicyCategory } from '../policy-category.js';
import { evaluateUserRule } from '../user-rule.js';

/**
 * `workflows`: GitHub Actions workflows and actions (`.github/workflows/**`, `.github/actions/**`,
 * `action.yml` anywhere) and other CI configs (GitLab, CircleCI, Azure Pipelines, Jenkins,
 * Buildkite, Travis, Bitbucket, Dependabot, …). A file renamed away from a CI path counts too.
 */
export const workflowsCategory: PolicyCategory = {
  id: 'workflows',
  evaluate(context) {
    const rule = context.policy.permissions.workflows;
    const findings = [];
    const files = filesMatching(context.files, isCiConfigPath);
    if (files.length > 0) {
      findings.push(
        createFinding({
          category: 'workflows',
          level: rule.level,
          reviewers: rule.reviewers,
          files: findingPaths(files, isCiConfigPath),
          message: describeFileChanges(files),
        }),
      );
    }
    const extra = evaluateUserRule(context, 'workflows', rule);
    if (extra) findings.push(extra);
    return findings;
  },
};
