import { levelAtLeast, type Policy } from '../config/policy.js';
import type { Level } from '../config/schema.js';
import type { Finding } from '../result.js';
import type { PrSnapshot } from '../snapshot.js';
import { POLICY_CATEGORIES } from './category-list.js';
import { createFinding } from './finding.js';
import type { ManifestContent, PolicyCategory } from './policy-category.js';
import { createPolicyContext } from './policy-context.js';
import { hideKnownSecrets, redactSecrets, secretTexts } from './secret-scan.js';

/**
 * The permission policy of SPEC §4 on one snapshot: every category in POLICY_CATEGORIES sorts
 * what the PR changed into findings, each with the category's level and reviewers. Findings of
 * `allow` categories are included (informational, already satisfied); `review` and `deny`
 * findings start unsatisfied and the reviews module decides. Pure and deterministic: files are
 * read in path order, and no secret text ever reaches a message or excerpt.
 */
export function evaluatePolicy(
  policy: Policy,
  snapshot: PrSnapshot,
  options: { workflowPath: string | null; manifestContents?: ReadonlyMap<string, ManifestContent> },
): Finding[] {
  const context = createPolicyContext(policy, snapshot, options.workflowPath, options.manifestContents);
  const findings: Finding[] = [];
  for (const category of POLICY_CATEGORIES) {
    try {
      findings.push(...category.evaluate(context));
    } catch (error) {
      findings.push(failedCategory(policy, category, error));
    }
  }
  // Messages are built from added lines (manifest entries, commands): hide any secret in them.
  const secrets: string[] = [];
  for (const file of context.files) {
    const fileSecrets = context.secretsOf(file);
    if (fileSecrets.size > 0) secrets.push(...secretTexts(fileSecrets));
  }
  return findings.map((finding) => ({ ...finding, message: hideKnownSecrets(redactSecrets(finding.message), secrets) }));
}

function categoryLevel(policy: Policy, category: PolicyCategory): Level {
  if (category.id === 'custom') {
    return policy.permissions.custom.some((rule) => rule.level === 'deny') ? 'deny' : 'review';
  }
  return policy.permissions[category.id].level;
}

/** A category that could not be evaluated fails closed: at least `review`, saying why. */
function failedCategory(policy: Policy, category: PolicyCategory, error: unknown): Finding {
  const level = categoryLevel(policy, category);
  const reason = error instanceof Error ? error.message : String(error);
  return createFinding({
    category: category.id,
    level: levelAtLeast(level, 'review') ? level : 'review',
    reviewers: [],
    files: [],
    message: `could not be checked: ${reason.split('\n')[0] ?? ''}`.slice(0, 200),
  });
}
