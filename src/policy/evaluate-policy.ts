import { levelAtLeast, type Policy } from '../config/policy.js';
import type { Level } from '../config/schema.js';
import type { Finding } from '../result.js';
import type { ManifestContent, PrSnapshot } from '../snapshot.js';
import { POLICY_CATEGORIES, type CategoryId } from './category-list.js';
import { createFinding } from './finding.js';
import type { CategoryDefinition, ChangedFile } from './policy-category.js';
import { evaluateUserRule } from './user-rule.js';
import { createPolicyContext } from './policy-context.js';
import { hideKnownSecrets, redactSecrets, secretTexts } from './secret-scan.js';

/**
 * The permission policy (docs/policy-reference.md) on one snapshot: every category of the list
 * sorts what the PR changed into findings, each with the category's level and reviewers: first
 * its built-in findings, then its user rules (the `paths` and `added-lines` of its rule, applied
 * here for every category alike). Findings of `allow` categories are included (informational,
 * already satisfied); `review` and `deny` findings start unsatisfied and the reviews module
 * decides. Pure and deterministic: files are read in path order, and no secret text ever reaches
 * a message or excerpt. `categories` is the built-in list unless a test registers its own.
 */
export function evaluatePolicy(
  policy: Policy,
  snapshot: PrSnapshot,
  options: {
    workflowPath: string | null;
    manifestContents?: ReadonlyMap<string, ManifestContent> | undefined;
    categories?: readonly CategoryDefinition[] | undefined;
  },
): Finding[] {
  const context = createPolicyContext(policy, snapshot, options.workflowPath, options.manifestContents);
  const findings: Finding[] = [];
  for (const category of options.categories ?? POLICY_CATEGORIES) {
    // The one place a category gets its own rule back (see CategoryDefinition).
    const rule = (policy.permissions as Record<string, unknown>)[category.id] as never;
    // A category registered beside the built-in list (a test's) has an id outside CategoryId.
    const id = category.id as CategoryId;
    try {
      findings.push(...category.evaluate(context));
      for (const user of category.userRules(rule)) {
        const finding = evaluateUserRule(context, id, user.rule, user.name);
        if (finding) findings.push(finding);
      }
    } catch (error) {
      findings.push(failedCategory(id, category.level(rule), error));
    }
  }
  // Messages are built from added lines (manifest entries, commands): hide any secret in them.
  const secrets: string[] = [];
  for (let f = 0; f < context.files.length; f += 1) {
    const fileSecrets = context.secretsOf(context.files[f] as ChangedFile);
    if (fileSecrets.size > 0) secrets.push(...secretTexts(fileSecrets));
  }
  return findings.map((finding) => ({ ...finding, message: hideKnownSecrets(redactSecrets(finding.message), secrets) }));
}

/** A category that could not be evaluated fails closed: at least `review`, saying why. */
function failedCategory(category: CategoryId, level: Level, error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return createFinding({
    category,
    level: levelAtLeast(level, 'review') ? level : 'review',
    reviewers: [],
    files: [],
    message: `could not be checked: ${reason.split('\n')[0] ?? ''}`.slice(0, 200),
  });
}
