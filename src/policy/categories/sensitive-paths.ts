import * as z from 'zod';
import { Glob, LevelSchema, Pattern, Reviewers } from '../../config/schema-parts.js';
import type { CategoryRule } from '../../config/policy.js';
import type { PolicyCategory } from '../policy-category.js';
import { ruleCategory } from '../rule-category.js';

/**
 * `sensitive-paths`: the user's own globs and added-line patterns; nothing built in (the user rule
 * is all there is, and evaluatePolicy applies it as for every category).
 */
const SensitivePathsSchema = z
  .object({
    level: LevelSchema.optional(),
    paths: z.array(Glob).optional().describe('globs of the sensitive files'),
    'added-lines': z.array(Pattern).optional().describe('patterns on added lines that make a change sensitive'),
    reviewers: Reviewers,
  })
  .strict();

export const sensitivePathsCategory: PolicyCategory<'sensitive-paths', CategoryRule, typeof SensitivePathsSchema> = ruleCategory({
  id: 'sensitive-paths',
  description: 'your own paths and added-line patterns that need review (e.g. `infra/**`)',
  schema: SensitivePathsSchema,
  evaluate: () => [],
});
