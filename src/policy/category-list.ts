import { customCategory } from './categories/custom.js';
import { dependenciesCategory } from './categories/dependencies.js';
import { gateConfigCategory } from './categories/gate-config.js';
import { networkCategory } from './categories/network.js';
import { secretsCategory } from './categories/secrets.js';
import { sensitivePathsCategory } from './categories/sensitive-paths.js';
import { sizeCategory } from './categories/size.js';
import { testsWeakenedCategory } from './categories/tests-weakened.js';
import { workflowsCategory } from './categories/workflows.js';
import type { BuiltinCategory } from '../config/policy.js';
import type { CategoryDefinition, RulesOf } from './policy-category.js';

/**
 * Every permission category, in the order findings are reported: the one list the policy's type
 * (`CategoryId`, `Policy['permissions']`), its schema (src/config/schema.ts), `emptyPolicy()`, the
 * JSON Schema and the policy reference are derived from. Adding one: a file and a line
 * (docs/architecture.md, "Adding a category").
 */
export const POLICY_CATEGORIES = [
  dependenciesCategory,
  networkCategory,
  workflowsCategory,
  secretsCategory,
  testsWeakenedCategory,
  gateConfigCategory,
  sensitivePathsCategory,
  sizeCategory,
  customCategory,
] as const satisfies readonly CategoryDefinition[];

export type CategoryId = (typeof POLICY_CATEGORIES)[number]['id'];

/** `Policy['permissions']`: each category's id to its resolved rule. */
export type PermissionRules = RulesOf<typeof POLICY_CATEGORIES>;

function isRuleCategory(id: CategoryId): id is BuiltinCategory {
  const rule = POLICY_CATEGORIES.find((category) => category.id === id)?.defaults();
  return typeof rule === 'object' && rule !== null && !Array.isArray(rule) && 'addedLines' in rule;
}

/** The ids of the categories with the usual rule (level, reviewers, paths, added-lines), in list order. */
export const BUILTIN_CATEGORIES: readonly BuiltinCategory[] = POLICY_CATEGORIES.map((category) => category.id).filter(isRuleCategory);
