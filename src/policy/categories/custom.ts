import type { Finding } from '../../result.js';
import type { PolicyCategory } from '../policy-category.js';
import { evaluateUserRule } from '../user-rule.js';

/** `custom`: one finding per rule of `permissions.custom` that matched, named by the rule (`rule: name`). */
export const customCategory: PolicyCategory = {
  id: 'custom',
  evaluate(context) {
    const findings: Finding[] = [];
    for (const rule of context.policy.permissions.custom) {
      const finding = evaluateUserRule(context, 'custom', rule, rule.name);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
