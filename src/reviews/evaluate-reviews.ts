import type { Policy } from '../config/policy.js';
import { resolveAgents } from '../detect/agents.js';
import type { Gap } from '../gate/gaps.js';
import { plural } from '../policy/text.js';
import type { Detection, Finding, MissingKind, MissingItem, Requirement, ReviewStatus } from '../result.js';
import type { PrSnapshot } from '../snapshot.js';
import { findCodeownerGroups } from './codeowner-groups.js';
import { countApprovals } from './count-approvals.js';
import { displayCandidate, matchCandidates, type CandidateMatch } from './match-candidates.js';
import { evaluateOverride, hasAnythingToOverride } from './override.js';

/**
 * The human-review rules (docs/architecture.md, "Review rules") on one snapshot: counted approvals, the requirements they must
 * meet (required approvals, each review-level finding's reviewers, code owners, no blocking change
 * requests) and the override label. Returns the review status and the findings with `satisfied`
 * set. Pure: team memberships and permissions come from `snapshot.lookups` (see `planLookups`),
 * and what the gate could not see comes in as `gaps` (src/gate/gaps.ts).
 */

const FILES_SHOWN = 3;

interface PendingRequirement {
  requirement: Requirement;
  missing: MissingItem;
  blocksOverride: boolean;
}

/** The one place `missing` items are made: what code decides on (`kind`) and what people read. */
function missingItem(kind: MissingKind, text: string): MissingItem {
  return { kind, text };
}

export function findingLabel(finding: Finding): string {
  return finding.rule ?? finding.category;
}

function listFiles(files: readonly string[]): string {
  if (files.length <= FILES_SHOWN) return files.join(', ');
  return `${files.slice(0, FILES_SHOWN).join(', ')} and ${files.length - FILES_SHOWN} more`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Why an unmet requirement cannot be checked; team lookups that were not needed stay silent. */
function problemOf(match: CandidateMatch, approvers: readonly string[]): string | undefined {
  if (match.satisfiedBy.length > 0) return undefined;
  const problems = [...match.problems, ...(approvers.length > 0 ? match.unfetched : [])];
  return problems.length > 0 ? problems.join('; ') : undefined;
}

function candidateRequirement(description: string, candidates: readonly string[], match: CandidateMatch, approvers: readonly string[]): Requirement {
  const requirement: Requirement = {
    description,
    satisfied: match.satisfiedBy.length > 0,
    satisfiedBy: match.satisfiedBy,
    candidates: candidates.map(displayCandidate),
  };
  const problem = problemOf(match, approvers);
  if (problem !== undefined) requirement.problem = problem;
  return requirement;
}

export function evaluateReviews(
  policy: Policy,
  snapshot: PrSnapshot,
  detection: Detection,
  findings: Finding[],
  gaps: readonly Gap[],
): { reviews: ReviewStatus; findings: Finding[] } {
  const agents = resolveAgents(policy);
  const tally = countApprovals(policy, snapshot, detection.requester, agents);
  const approvers = tally.counted.map((approval) => approval.login);
  const required = policy.reviews.requiredApprovals;
  const pending: PendingRequirement[] = [];
  const notes: string[] = [];
  const add = (requirement: Requirement, missing: MissingItem, blocksOverride = false): void => {
    pending.push({ requirement, missing, blocksOverride });
  };

  if (required > 0) {
    const count = approvers.length;
    add(
      { description: plural(required, 'approval'), satisfied: count >= required, satisfiedBy: [...approvers], candidates: [] },
      missingItem('approvals', `${plural(required - count, 'more approval')} (${count} of ${required})`),
    );
  }

  const reviewFindings = findings.filter((finding) => finding.level === 'review');
  const byReviewers = new Map<string, { reviewers: string[]; labels: string[] }>();
  const unnamed: string[] = [];
  for (const finding of reviewFindings) {
    if (finding.reviewers.length === 0) {
      unnamed.push(findingLabel(finding));
      continue;
    }
    const key = finding.reviewers.map((reviewer) => reviewer.replace(/^@/, '').toLowerCase()).sort().join(' ');
    const group = byReviewers.get(key);
    if (group) group.labels.push(findingLabel(finding));
    else byReviewers.set(key, { reviewers: [...finding.reviewers], labels: [findingLabel(finding)] });
  }
  for (const { reviewers, labels } of byReviewers.values()) {
    const match = matchCandidates(reviewers, approvers, snapshot.lookups);
    const description = `approval from ${reviewers.map(displayCandidate).join(' or ')} for ${unique(labels).join(', ')}`;
    add(candidateRequirement(description, reviewers, match, approvers), missingItem('reviewers', description));
  }
  // A review-level finding needs a counted approval even when no approvals are required.
  if (unnamed.length > 0 && required === 0) {
    const description = `1 approval for ${unique(unnamed).join(', ')}`;
    add({ description, satisfied: approvers.length > 0, satisfiedBy: [...approvers], candidates: [] }, missingItem('approvals', description));
  }

  // Fail closed: what the gate could not see (a capped file list, a missing patch) needs a human
  // who can. It never passes on the gate's word alone; a counted approval of the head commit (a
  // reviewer sees the whole diff on GitHub) or an override takes responsibility for it.
  if (gaps.length > 0) {
    const more = gaps.length > 1 ? ` (+${gaps.length - 1} more)` : '';
    add(
      { description: 'an approval covering what the gate could not check', satisfied: approvers.length > 0, satisfiedBy: [...approvers], candidates: [] },
      missingItem('incomplete', `could not check everything: ${gaps[0]?.text ?? ''}${more}`),
    );
  }

  if (policy.reviews.codeowners) {
    const { groups, notes: codeownerNotes } = findCodeownerGroups(snapshot, findings);
    notes.push(...codeownerNotes);
    for (const { owners, files } of groups) {
      const match = matchCandidates(owners, approvers, snapshot.lookups);
      const description = `code owner approval for ${listFiles(files)} (${owners.join(' or ')})`;
      add(candidateRequirement(description, owners, match, approvers), missingItem('codeowners', description));
    }
  }

  if (policy.reviews.blockOnChangesRequested && tally.changesRequestedBy.length > 0) {
    const people = tally.changesRequestedBy.join(', ');
    add(
      { description: `changes requested by ${people} resolved`, satisfied: false, satisfiedBy: [], candidates: [...tally.changesRequestedBy] },
      missingItem('changes-requested', `changes requested by ${people}: needs their approval or a dismissal`),
      true,
    );
  }

  let override: ReviewStatus['override'] = null;
  if (hasAnythingToOverride(policy, findings)) {
    const result = evaluateOverride(policy, snapshot, agents, detection.requester);
    override = result.override;
    notes.push(...result.notes);
  }

  const missing = pending
    .filter(({ requirement, blocksOverride }) => !requirement.satisfied && (override === null || blocksOverride))
    .map(({ missing: line }) => line);

  const satisfiedFindings = findings.map((finding): Finding => {
    if (finding.level === 'allow') return { ...finding, satisfied: true };
    if (override) return { ...finding, satisfied: true };
    if (finding.level === 'deny') return { ...finding, satisfied: false };
    const satisfied =
      finding.reviewers.length === 0
        ? approvers.length > 0
        : matchCandidates(finding.reviewers, approvers, snapshot.lookups).satisfiedBy.length > 0;
    return { ...finding, satisfied };
  });

  const reviews: ReviewStatus = {
    required,
    counted: approvers,
    ignored: tally.ignored,
    changesRequestedBy: tally.changesRequestedBy,
    requirements: pending.map(({ requirement }) => requirement),
    satisfied: missing.length === 0,
    missing,
    override,
    notes,
  };
  return { reviews, findings: satisfiedFindings };
}
