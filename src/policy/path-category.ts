import type { CategoryId } from '../config/policy.js';
import type { Finding } from '../result.js';
import { createFinding, describeFileChanges, filesMatching, findingPaths } from './finding.js';
import type { PolicyContext } from './policy-category.js';
import type { UserRule } from './user-rule.js';

/**
 * A category defined by its paths (`workflows`, `gate-config`): one finding for the changed files
 * on those paths (a file renamed away from one counts too). The user's own `paths` and
 * `added-lines` of the category are evaluated apart, for every category alike (evaluatePolicy).
 */
export function evaluatePathCategory(
  context: PolicyContext,
  category: CategoryId,
  rule: UserRule,
  isCategoryPath: (path: string) => boolean,
): Finding[] {
  const findings: Finding[] = [];
  const files = filesMatching(context.files, isCategoryPath);
  if (files.length > 0) {
    findings.push(
      createFinding({
        category,
        level: rule.level,
        reviewers: rule.reviewers,
        files: findingPaths(files, isCategoryPath),
        message: describeFileChanges(files),
      }),
    );
  }
  return findings;
}
