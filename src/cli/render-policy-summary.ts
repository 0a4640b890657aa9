import { BUILTIN_CATEGORIES, type Policy } from '../config/policy.js';
import { plural } from '../policy/text.js';
import type { Level } from '../config/schema.js';

/**
 * A few indented lines that say what a resolved policy does, for `validate`: the categories
 * grouped by level (strictest first), the review rules and the override label. Pure.
 */
export function renderPolicySummary(policy: Policy): string[] {
  const byLevel: Record<Level, string[]> = { deny: [], review: [], allow: [] };
  for (const id of BUILTIN_CATEGORIES) {
    const rule = policy.permissions[id];
    const extras: string[] = [];
    if (rule.paths.length > 0) extras.push(plural(rule.paths.length, 'path'));
    if (rule.addedLines.length > 0) extras.push(plural(rule.addedLines.length, 'line pattern'));
    if (rule.reviewers.length > 0) extras.push(`reviewers ${rule.reviewers.join(', ')}`);
    byLevel[rule.level].push(extras.length > 0 ? `${id} (${extras.join(', ')})` : id);
  }
  const size = policy.permissions.size;
  byLevel[size.level].push(`size (over ${size.maxFiles} files or ${size.maxLines} lines)`);
  for (const rule of policy.permissions.custom) {
    byLevel[rule.level].push(`custom ${rule.name}${rule.reviewers.length > 0 ? ` (reviewers ${rule.reviewers.join(', ')})` : ''}`);
  }

  const reviews = policy.reviews;
  const rules = [
    plural(reviews.requiredApprovals, 'approval'),
    reviews.excludeRequester ? "requester's approval does not count" : "requester's approval counts",
    reviews.approvalsAfterLastPush ? 'only approvals of the head commit' : 'approvals survive new pushes',
  ];
  if (reviews.codeowners) rules.push('code owners must approve review-level files');
  if (reviews.blockOnChangesRequested) rules.push('changes requested block the PR');

  const lines = [
    `  deny:     ${byLevel.deny.join(', ') || '-'}`,
    `  review:   ${byLevel.review.join(', ') || '-'}`,
    `  allow:    ${byLevel.allow.join(', ') || '-'}`,
    `  reviews:  ${rules.join('; ')}`,
    `  override: label \`${policy.overrides.label}\` (admin or maintain permission)`,
  ];
  if (policy.agents.length > 0) lines.push(`  agents:   ${policy.agents.map((agent) => agent.id).join(', ')} (merged with the built-ins by id)`);
  if (policy.bots.length > 0) lines.push(`  bots:     ${policy.bots.join(', ')}`);
  return lines;
}
