import type { PolicyCategory } from '../policy-category.js';
import { evaluateUserRule } from '../user-rule.js';

/** `sensitive-paths`: the user's own globs and added-line patterns; nothing built in. */
export const sensitivePathsCategory: PolicyCategory = {
  id: 'sensitive-paths',
  evaluate(context) {
    const finding = evaluateUserRule(context, 'sensitive-paths', context.policy.permissions['sensitive-paths']);
    return finding ? [finding] : [];
  },
};
