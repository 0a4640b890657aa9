/**
 * Adding a category is one file and one line in the list (docs/architecture.md, "Adding a
 * category"): a throwaway category registered beside the built-in ones, and nowhere else, is
 * validated in the policy file, appears in the JSON Schema, in the comment and in the report JSON,
 * and has its user rule (`paths`, `added-lines`) applied like every other category's.
 */
import { describe, expect, it } from 'vitest';
import { policyJsonSchema } from '../../src/config/json-schema.js';
import { applyPolicyFile, emptyPolicy, type CategoryRule } from '../../src/config/policy.js';
import { policyFileSchema, type PolicyFile } from '../../src/config/schema.js';
import { evaluateGate } from '../../src/evaluate.js';
import { POLICY_CATEGORIES } from '../../src/policy/category-list.js';
import { createFinding } from '../../src/policy/finding.js';
import { ruleCategory } from '../../src/policy/rule-category.js';
import { renderComment } from '../../src/render/render-comment.js';
import { toReportJson } from '../../src/report-json.js';
import type { CategoryId } from '../../src/config/policy.js';
import { addedPatch, at, copilotSnapshot, file } from '../factories.js';

/** The throwaway category: a LICENSE file changed. Its own file would hold exactly this. */
const licensesCategory = ruleCategory({
  id: 'licenses',
  description: 'license files and SPDX headers',
  evaluate(context) {
    const rule = (context.policy.permissions as unknown as Record<string, CategoryRule>).licenses;
    const files = context.files.filter((changed) => /(^|\/)LICENSE(\.\w+)?$/.test(changed.path)).map((changed) => changed.path);
    if (!rule || files.length === 0) return [];
    return [createFinding({ category: 'licenses' as CategoryId, level: rule.level, reviewers: rule.reviewers, files, message: `edits ${files.join(', ')}` })];
  },
});

/** The one line: the list, with the new category in it. */
const CATEGORIES = [...POLICY_CATEGORIES, licensesCategory];

describe('a category registered through the list alone', () => {
  it('is validated in the policy file: a level or a rule object, nothing else', () => {
    const schema = policyFileSchema(CATEGORIES);
    expect(schema.safeParse({ permissions: { licenses: 'deny' } }).success).toBe(true);
    expect(schema.safeParse({ permissions: { licenses: { level: 'review', paths: ['NOTICE'], reviewers: ['@acme/legal'] } } }).success).toBe(true);
    expect(schema.safeParse({ permissions: { licenses: 'maybe' } }).success).toBe(false);
    expect(schema.safeParse({ permissions: { licenses: { level: 'review', owners: [] } } }).success).toBe(false);
    // The built-in schema does not know it: the list is what makes it a key.
    expect(policyFileSchema(POLICY_CATEGORIES).safeParse({ permissions: { licenses: 'deny' } }).success).toBe(false);
  });

  it('is in the JSON Schema, with its description', () => {
    const document = policyJsonSchema(CATEGORIES) as { properties: { permissions: { properties: Record<string, { description?: string }> } } };
    expect(document.properties.permissions.properties.licenses?.description).toBe('license files and SPDX headers');
  });

  it('has its default in the empty policy, and a file’s value applied over it', () => {
    const file = policyFileSchema(CATEGORIES).parse({ permissions: { licenses: { level: 'deny', 'added-lines': ['SPDX-License-Identifier: GPL'] } } }) as PolicyFile;
    const policy = applyPolicyFile(emptyPolicy(CATEGORIES), file, CATEGORIES);
    expect((policy.permissions as unknown as Record<string, CategoryRule>).licenses).toEqual({
      level: 'deny',
      paths: [],
      addedLines: ['SPDX-License-Identifier: GPL'],
      reviewers: [],
    });
  });

  it('shows in the comment and in the report JSON, its built-in and its user-rule findings alike', () => {
    const policyFile = policyFileSchema(CATEGORIES).parse({ permissions: { licenses: { level: 'deny', 'added-lines': ['SPDX-License-Identifier: GPL'] } } }) as PolicyFile;
    const policy = applyPolicyFile(emptyPolicy(CATEGORIES), policyFile, CATEGORIES);
    const snapshot = copilotSnapshot({
      files: [file('LICENSE', addedPatch(['MIT License'])), file('src/a.ts', addedPatch(['// SPDX-License-Identifier: GPL-3.0']))],
    });
    const result = evaluateGate(policy, snapshot, { now: new Date(at(60)), categories: CATEGORIES });
    expect(result.verdict).toBe('fail');
    const report = toReportJson(result);
    expect(report.findings.map((finding) => [finding.category, finding.message])).toEqual([
      ['licenses', 'edits LICENSE'],
      ['licenses', 'adds 1 line matching `SPDX-License-Identifier: GPL` in src/a.ts'],
    ]);
    const comment = renderComment(result);
    expect(comment).toContain('| licenses | deny | edits LICENSE');
    // Without the category in the list, the same PR has nothing of it.
    const without = evaluateGate(applyPolicyFile(emptyPolicy(), {}), snapshot, { now: new Date(at(60)) });
    expect(toReportJson(without).findings.map((finding) => finding.category)).not.toContain('licenses');
  });
});
