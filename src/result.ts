import type { CategoryId } from './config/policy.js';
import type { Level } from './config/schema.js';
import type { Gap } from './gate/gaps.js';

/**
 * The plain-data results the pure core produces. `GateResult` is what the renderer and the
 * publishers read; `toReportJson` (src/report-json.ts) turns it into the public report JSON
 * (docs/report-json.md).
 */

export type Verdict = 'pass' | 'needs-review' | 'fail' | 'skipped';

export type SignalKind = 'author' | 'commit-author' | 'body' | 'branch' | 'label' | 'trailer' | 'timeline' | 'assignee';

export interface Signal {
  kind: SignalKind;
  agent: string;
  /** The evidence, shown as `kind:value` (e.g. `author:Copilot`, `branch:copilot/fix-x`). */
  value: string;
}

export interface Detection {
  /** The agent id, or null when this is not an agent PR. */
  agent: string | null;
  /** Display name of the agent ("GitHub Copilot coding agent"). */
  agentName: string | null;
  /** The human who asked the agent, when known. */
  requester: string | null;
  /** How the requester was found ("PR author", "Requested by: line", "assigned the agent"). */
  requesterSource: string | null;
  /** Every signal that matched, strongest first. */
  signals: Signal[];
  /** One sentence on why (not) an agent PR, e.g. why a removed label no longer counts. */
  reason: string;
  /** Set when the PR is gated on the gate's memory rather than on today's signals: why, in one sentence. */
  memory?: string;
}

/** A line-level match: where in the new file, and a short (redacted where needed) excerpt. */
export interface FindingLocation {
  file: string;
  /** Line number in the new version of the file; null for file-level matches. */
  line: number | null;
  excerpt: string;
}

export interface Finding {
  category: CategoryId;
  /** For `custom` findings: the rule's name. */
  rule?: string;
  level: Level;
  files: string[];
  /** One line, e.g. "adds lodash@4.17.21". */
  message: string;
  locations: FindingLocation[];
  /** Who can satisfy it (from the policy); empty = any counted approval. */
  reviewers: string[];
  /** Whether a qualified approval (or an override) covers it; `allow` findings are always satisfied. */
  satisfied: boolean;
}

export interface IgnoredApproval {
  login: string;
  /** Machine-readable reason: requester, author, bot, agent, stale, dismissed, no-write-access, last-pusher, superseded. */
  reason: string;
  /** Human-readable: "requested the change", "approved an older commit (abc1234)". */
  detail: string;
}

export interface Requirement {
  /** "1 approval", "approval from @acme/platform for sensitive-paths", "code owner approval for infra/main.tf". */
  description: string;
  satisfied: boolean;
  /** Logins whose approvals satisfied it. */
  satisfiedBy: string[];
  /** Who could satisfy it (users, @teams, code owners). */
  candidates: string[];
  /** Why it cannot be checked (e.g. a team the token cannot read), when that is the case. */
  problem?: string;
}

export interface Override {
  label: string;
  by: string;
  at: string;
}

/**
 * What an unmet requirement is, for code (`kind`: the verdict's summary words each kind its own
 * way), and one line for people (`text`, as in the report JSON). Made in src/reviews/evaluate-reviews.ts.
 */
export type MissingKind = 'approvals' | 'reviewers' | 'codeowners' | 'changes-requested' | 'incomplete';

export interface MissingItem {
  kind: MissingKind;
  text: string;
}

export interface ReviewStatus {
  required: number;
  counted: string[];
  ignored: IgnoredApproval[];
  /** Humans whose latest review requests changes (blocking when block-on-changes-requested). */
  changesRequestedBy: string[];
  requirements: Requirement[];
  satisfied: boolean;
  /** One item per unmet requirement; the report JSON prints their `text`. */
  missing: MissingItem[];
  override: Override | null;
  /** Other notes for the comment: an override label applied by someone without permission, CODEOWNERS errors, … */
  notes: string[];
}

export interface Metrics {
  commits: { agent: number; human: number };
  interventions: { humanCommits: number; changeRequests: number; reviewComments: number; comments: number; total: number };
  reworkCycles: number;
  forcePushes: number;
  timeToFirstHumanReview: number | null;
  endToEnd: number;
  reworkTime: number | null;
  tier: 'small' | 'medium' | 'large';
  size: { files: number; additions: number; deletions: number };
}

export interface GateResult {
  verdict: Verdict;
  /** One line for the commit status and the comment's first sentence. */
  summary: string;
  pr: {
    number: number;
    headSha: string;
    url: string;
    title: string;
    repo: { owner: string; name: string };
    state: 'open' | 'closed' | 'merged';
  };
  detection: Detection;
  findings: Finding[];
  reviews: ReviewStatus | null;
  metrics: Metrics | null;
  /** What the gate could not see (src/gate/gaps.ts); the report JSON prints their `text`. */
  incomplete: Gap[];
  /** Evaluation time, ISO 8601. */
  evaluatedAt: string;
  /** The policy's override label, so the comment can say how a maintainer waives a block. */
  overrideLabel?: string;
}
