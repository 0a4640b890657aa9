import * as z from 'zod';
import type { SizeRule } from '../../config/policy.js';
import { LevelSchema, PositiveInt, Reviewers } from '../../config/schema-parts.js';
import { createFinding } from '../finding.js';
import { defineCategory, type PolicyCategory } from '../policy-category.js';
import { formatCount } from '../text.js';

/**
 * `size`: more changed files than `max-files`, or more changed lines (additions + deletions) than
 * `max-lines`. Counts come from the PR's totals, which include files the file list may not hold.
 */
const SizeSchema = z
  .object({
    level: LevelSchema.optional(),
    'max-files': PositiveInt.optional().describe('more changed files than this is a finding'),
    'max-lines': PositiveInt.optional().describe('more changed lines (additions + deletions) than this is a finding'),
    reviewers: Reviewers,
  })
  .strict();

export const sizeCategory: PolicyCategory<'size', SizeRule, typeof SizeSchema> = defineCategory({
  id: 'size',
  description: 'the PR changes more files or lines than allowed',
  schema: SizeSchema,
  defaults: (): SizeRule => ({ level: 'allow', maxFiles: 100, maxLines: 5000, reviewers: [] }),
  apply(base, value) {
    const rule: SizeRule = { ...base, reviewers: [...base.reviewers] };
    if (value.level !== undefined) rule.level = value.level;
    if (value['max-files'] !== undefined) rule.maxFiles = value['max-files'];
    if (value['max-lines'] !== undefined) rule.maxLines = value['max-lines'];
    if (value.reviewers) rule.reviewers = [...value.reviewers];
    return rule;
  },
  level: (rule) => rule.level,
  userRules: () => [],
  evaluate(context) {
    const rule = context.policy.permissions.size;
    const { totals } = context.snapshot;
    const files = Math.max(totals.files, context.files.length);
    const lines = totals.additions + totals.deletions;
    const parts: string[] = [];
    if (files > rule.maxFiles) parts.push(`${formatCount(files)} files (limit ${formatCount(rule.maxFiles)})`);
    if (lines > rule.maxLines) parts.push(`${formatCount(lines)} lines (limit ${formatCount(rule.maxLines)})`);
    if (parts.length === 0) return [];
    return [createFinding({ category: 'size', level: rule.level, reviewers: rule.reviewers, files: [], message: `changes ${parts.join(' and ')}` })];
  },
});
