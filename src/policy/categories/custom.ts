import * as z from 'zod';
import type { CustomRule } from '../../config/policy.js';
import { Glob, LevelSchema, Pattern, Reviewers } from '../../config/schema-parts.js';
import { defineCategory, type PolicyCategory } from '../policy-category.js';

/**
 * `custom`: the user's own named rules; one finding per rule that matched, named by the rule
 * (`rule: name`). Each rule is a user rule, so evaluatePolicy does all the matching.
 */
const CustomRuleSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes')
      .describe('shown in the comment and the report'),
    level: LevelSchema,
    paths: z.array(Glob).optional().describe('globs the rule matches (a rule needs `paths` or `added-lines`)'),
    'added-lines': z.array(Pattern).optional().describe('patterns on added lines the rule matches'),
    reviewers: Reviewers,
  })
  .strict();

const CustomSchema = z.array(CustomRuleSchema);

export const customCategory: PolicyCategory<'custom', CustomRule[], typeof CustomSchema> = defineCategory({
  id: 'custom',
  description: 'your own named rules, each with its level, paths, added-line patterns and reviewers',
  schema: CustomSchema,
  defaults: (): CustomRule[] => [],
  apply: (_base, value) =>
    value.map((rule) => ({
      name: rule.name,
      level: rule.level,
      paths: rule.paths ?? [],
      addedLines: rule['added-lines'] ?? [],
      reviewers: rule.reviewers ?? [],
    })),
  // A custom rule that cannot be evaluated falls back to the strictest level any rule has.
  level: (rules) => (rules.some((rule) => rule.level === 'deny') ? 'deny' : 'review'),
  userRules: (rules) => rules.map((rule) => ({ rule, name: rule.name })),
  evaluate: () => [],
});
