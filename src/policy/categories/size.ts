import { createFinding } from '../finding.js';
import type { PolicyCategory } from '../policy-category.js';
import { formatCount } from '../text.js';

/**
 * `size`: more changed files than `max-files`, or more changed lines (additions + deletions) than
 * `max-lines`. Counts come from the PR's totals, which include files the file list may not hold.
 */
export const sizeCategory: PolicyCategory = {
  id: 'size',
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
};
