import type * as z from 'zod';
import type { CategoryRule } from '../config/policy.js';
import { CategorySchema, type Level } from '../config/schema-parts.js';
import type { Finding } from '../result.js';
import { defineCategory, type PolicyCategory, type PolicyContext } from './policy-category.js';

/**
 * The usual category (docs/architecture.md, "Adding a category"): its rule is a level, reviewers
 * and the user's own `paths` and `added-lines`, written as a bare level or an object. Most
 * categories are one of these with their own `evaluate`.
 */

type RuleValue = Level | { level?: Level | undefined; paths?: string[] | undefined; 'added-lines'?: string[] | undefined; reviewers?: string[] | undefined };

const RANK: Record<Level, number> = { allow: 0, review: 1, deny: 2 };

function atLeast(level: Level, minimum: Level): Level {
  return RANK[level] < RANK[minimum] ? minimum : level;
}

/** A file's value over a rule; a level below `minimum` is raised to it. */
export function applyRuleValue(base: CategoryRule, value: RuleValue, minimum: Level = 'allow'): CategoryRule {
  const rule: CategoryRule = { ...base, paths: [...base.paths], addedLines: [...base.addedLines], reviewers: [...base.reviewers] };
  if (typeof value === 'string') {
    rule.level = value;
  } else {
    if (value.level !== undefined) rule.level = value.level;
    if (value.paths) rule.paths = [...value.paths];
    if (value['added-lines']) rule.addedLines = [...value['added-lines']];
    if (value.reviewers) rule.reviewers = [...value.reviewers];
  }
  rule.level = atLeast(rule.level, minimum);
  return rule;
}

/** A usual category, typed by its id (the type its file annotates its export with). */
export type RuleCategory<Id extends string> = PolicyCategory<Id, CategoryRule, typeof CategorySchema>;

export interface RuleCategorySpec<Id extends string, Schema extends z.ZodType> {
  id: Id;
  description: string;
  /** The level in the empty policy (`extends: none`); `allow` when absent. */
  level?: Level;
  /** The lowest level the policy may set (gate-config: `review`). */
  minimum?: Level;
  /** The schema of `permissions.<id>`; the bare-level-or-object CategorySchema when absent. */
  schema?: Schema;
  evaluate(context: PolicyContext): Finding[];
}

export function ruleCategory<const Id extends string, Schema extends z.ZodType<RuleValue> = typeof CategorySchema>(
  spec: RuleCategorySpec<Id, Schema>,
): PolicyCategory<Id, CategoryRule, Schema> {
  const minimum = spec.minimum ?? 'allow';
  return defineCategory<Id, CategoryRule, Schema>({
    id: spec.id,
    description: spec.description,
    schema: (spec.schema ?? CategorySchema) as Schema,
    defaults: () => ({ level: spec.level ?? 'allow', paths: [], addedLines: [], reviewers: [] }),
    apply: (base, value) => applyRuleValue(base, value, minimum),
    level: (rule) => atLeast(rule.level, minimum),
    userRules: (rule) => [{ rule: { ...rule, level: atLeast(rule.level, minimum) } }],
    evaluate: spec.evaluate,
  });
}
