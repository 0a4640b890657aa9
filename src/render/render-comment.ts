import type { Finding, FindingLocation, GateResult, IgnoredApproval, Metrics, Requirement, ReviewStatus, Verdict } from '../result.js';
import { encodePath, escapeMarkdown, escapeMessage, inlineCode, markdownLink, truncateMiddle } from './escape.js';
import { formatDuration } from './format-duration.js';
import { COMMENT_MARKER } from './marker.js';

export { COMMENT_MARKER } from './marker.js';
export { formatDuration } from './format-duration.js';

/** GitHub rejects comment bodies longer than this (characters). */
export const MAX_COMMENT_LENGTH = 65536;

/**
 * What the renderer aims at. JavaScript counts UTF-16 units, which are never fewer than the
 * characters GitHub counts, and the margin leaves room for the truncation notes.
 */
const TARGET_LENGTH = 60_000;

/** Findings shown in the open table; the rest collapse into `<details>`. */
const OPEN_FINDINGS = 10;
/** Offending lines shown without collapsing. */
const OPEN_LOCATIONS = 5;

const VERDICT_HEADINGS: Record<Verdict, string> = {
  pass: '✅ Pass',
  'needs-review': '🟡 Needs review',
  fail: '❌ Fail',
  skipped: '⏭️ Skipped',
};

/**
 * The sticky PR comment, and the job summary (the same markdown). Pure: everything comes from the
 * result, including the evaluation time. Everything that comes from the PR is escaped
 * (src/render/escape.ts); the result is always shorter than MAX_COMMENT_LENGTH: long lists are cut
 * with a note saying how many entries are not shown (the `report` output still holds them all).
 */
export function renderComment(result: GateResult): string {
  const links = linkBuilder(result);
  const heading = `### ${VERDICT_HEADINGS[result.verdict]} — ${escapeMessage(headline(result), 600)}`;
  const sections: Section[] =
    result.verdict === 'skipped'
      ? [fixed(heading), fixed(renderFooter(result, links))]
      : [
          fixed(heading),
          fixed(renderNextStep(result)),
          fixed(renderAgent(result)),
          renderFindings(result.findings, result.reviews, links),
          renderLocations(result.findings, links),
          ...renderReviews(result.reviews),
          renderIncomplete(result.incomplete),
          fixed(result.metrics ? renderMetrics(result.metrics, result.pr.state) : ''),
          fixed(renderFooter(result, links)),
        ];
  return finish(layout(sections));
}

function headline(result: GateResult): string {
  if (result.verdict !== 'skipped') return result.summary;
  const reason = result.detection.reason.trim().replace(/[.\s]+$/, '');
  return reason ? `this PR is no longer gated: ${reason}.` : 'this PR is no longer gated.';
}

// ---------------------------------------------------------------------------------------------
// Sections

const MAX_NEXT_STEPS = 3;

/** One line under the verdict: what a maintainer does to unblock the PR. */
function renderNextStep(result: GateResult): string {
  const override = result.overrideLabel
    ? `an admin or maintainer (not the author or requester) can waive it with the ${inlineCode(result.overrideLabel, { maxLength: 60 })} label, applied after the latest push`
    : '';
  if (result.verdict === 'fail') {
    const denied = uniqueStrings(
      result.findings.filter((f) => f.level === 'deny' && !f.satisfied).map((f) => (f.rule ? `${f.category}: ${f.rule}` : f.category)),
    );
    const what = denied.length > 0 ? ` (${denied.map((d) => escapeMarkdown(d, 60)).join(', ')})` : '';
    return `**To unblock:** remove the denied change${denied.length === 1 ? '' : 's'}${what} from the PR${override ? `, or ${override}` : ''}.`;
  }
  if (result.verdict !== 'needs-review' || !result.reviews) return '';
  const reviews = result.reviews;
  const steps: string[] = [];
  for (const requirement of reviews.requirements) {
    if (requirement.satisfied) continue;
    const who = requirement.candidates.length > 0 ? ` from ${listCandidates(requirement.candidates)}` : '';
    steps.push(`${escapeMessage(requirement.description, 200)}${requirement.description.includes(' from ') ? '' : who}`);
  }
  for (const login of reviews.changesRequestedBy) steps.push(`${escapeMarkdown(login, 100)} approves or their review is dismissed`);
  if (result.incomplete.length > 0) steps.push('a reviewer approves after checking what the gate could not see (below)');
  if (steps.length === 0) return '';
  if (steps.length > MAX_NEXT_STEPS) {
    const more = steps.length - (MAX_NEXT_STEPS - 1);
    steps.splice(MAX_NEXT_STEPS - 1, steps.length, `${more} more (see Reviews)`);
  }
  const head = result.pr.headSha ? ` Approvals count on the head commit ${inlineCode(result.pr.headSha.slice(0, 7))} only` : ' ';
  const requesterIgnored = reviews.ignored.some((item) => item.reason === 'requester');
  const requester = requesterIgnored && result.detection.requester ? `, not from ${escapeMarkdown(result.detection.requester, 100)} (the requester)` : '';
  return `**To unblock:** ${steps.join('; ')}${requester}.${head}${override ? `; ${override}` : ''}.`;
}

function renderAgent(result: GateResult): string {
  const { detection } = result;
  const id = detection.agent ?? 'unknown';
  const name = detection.agentName && detection.agentName !== detection.agent ? `${escapeMarkdown(detection.agentName, 100)} ` : '';
  const requester = detection.requester
    ? `${escapeMarkdown(detection.requester, 100)}${detection.requesterSource ? ` (${escapeMessage(detection.requesterSource, 100)})` : ''}`
    : 'unknown';
  const lines = [`**Agent:** ${name}(${inlineCode(id, { maxLength: 60 })}) · **Requester:** ${requester}`];
  const signals = uniqueStrings(detection.signals.map((signal) => `${signal.kind}:${signal.value}`));
  if (signals.length > 0) {
    const shown = signals.slice(0, 8).map((signal) => inlineCode(signal, { maxLength: 100 }));
    const more = signals.length > shown.length ? ` · +${signals.length - shown.length} more` : '';
    lines.push(`**Signals:** ${shown.join(' · ')}${more}`);
  }
  return lines.join('  \n');
}

function renderFindings(findings: readonly Finding[], reviews: ReviewStatus | null, links: LinkBuilder): Section {
  if (findings.length === 0) return fixed('#### Permission findings\nNo findings: the agent changed nothing the policy watches.');
  const sorted = sortFindings(findings);
  const header = '| Category | Level | What | Status |\n|---|---|---|---|';
  return elastic(sorted, (finding) => renderFindingRow(finding, reviews, links), (shown, omitted) => {
    const open = shown.slice(0, shown.length > OPEN_FINDINGS + 2 ? OPEN_FINDINGS : shown.length);
    const folded = shown.slice(open.length);
    const parts = [open.length > 0 ? `#### Permission findings\n${header}\n${open.join('\n')}` : '#### Permission findings'];
    if (folded.length > 0) {
      const noun = folded.length === 1 ? 'finding' : 'findings';
      parts.push(`<details><summary>${folded.length} more ${noun}</summary>\n\n${header}\n${folded.join('\n')}\n\n</details>`);
    }
    if (omitted > 0) parts.push(truncationNote(omitted, 'findings'));
    return parts.join('\n\n');
  });
}

function renderFindingRow(finding: Finding, reviews: ReviewStatus | null, links: LinkBuilder): string {
  const category = finding.rule ? `${finding.category}: ${finding.rule}` : finding.category;
  const what = [escapeMessage(finding.message, 300, { table: true })];
  const targets = findingTargets(finding);
  if (targets.length > 0) {
    const shown = targets.slice(0, 3).map((target) => links.file(target.file, target.line));
    const more = targets.length > shown.length ? ` +${targets.length - shown.length} more` : '';
    what.push(`${shown.join(', ')}${more}`);
  }
  return `| ${escapeMarkdown(category, 80)} | ${finding.level} | ${what.join('<br>')} | ${findingStatus(finding, reviews)} |`;
}

/** Where a finding points: its lines when it has any, else its files. */
function findingTargets(finding: Finding): Array<{ file: string; line: number | null }> {
  const seen = new Set<string>();
  const targets: Array<{ file: string; line: number | null }> = [];
  const add = (file: string, line: number | null) => {
    const key = `${file}\u0000${line ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ file, line });
  };
  for (const location of finding.locations) add(location.file, location.line);
  const located = new Set(finding.locations.map((location) => location.file));
  for (const file of finding.files) if (!located.has(file)) add(file, null);
  return targets;
}

function findingStatus(finding: Finding, reviews: ReviewStatus | null): string {
  const overridden = reviews?.override != null;
  if (finding.level === 'allow') return '✅ allowed';
  if (finding.level === 'deny') return finding.satisfied ? '✅ overridden' : '❌ denied';
  if (finding.satisfied) return overridden ? '✅ overridden' : '✅ approved';
  if (finding.reviewers.length === 0) return '⏳ needs approval';
  return `⏳ needs approval from ${listCandidates(finding.reviewers, { table: true })}`;
}

function renderLocations(findings: readonly Finding[], links: LinkBuilder): Section {
  const entries: Array<{ location: FindingLocation; category: string }> = [];
  for (const finding of sortFindings(findings)) {
    const category = finding.rule ? `${finding.category}: ${finding.rule}` : finding.category;
    for (const location of finding.locations) entries.push({ location, category });
  }
  if (entries.length === 0) return fixed('');
  return elastic(entries, (entry) => renderLocation(entry.location, entry.category, links), (shown, omitted) => {
    const list = shown.join('\n');
    const note = omitted > 0 ? `\n\n${truncationNote(omitted, 'offending lines')}` : '';
    const total = shown.length + omitted;
    if (total <= OPEN_LOCATIONS) return `**Offending lines**\n${list}${note}`;
    return `<details><summary>Offending lines (${total})</summary>\n\n${list}${note}\n\n</details>`;
  });
}

function renderLocation(location: FindingLocation, category: string, links: LinkBuilder): string {
  const excerpt = location.excerpt.trim() ? ` — ${inlineCode(location.excerpt.trim(), { maxLength: 160 })}` : '';
  return `- ${links.file(location.file, location.line)} · ${escapeMarkdown(category, 80)}${excerpt}`;
}

function renderReviews(reviews: ReviewStatus | null): Section[] {
  if (!reviews) return [];
  const sections: Section[] = [];
  const renderRequirement = (requirement: Requirement): string => {
    const box = requirement.satisfied ? '- [x]' : '- [ ]';
    let line = `${box} ${escapeMessage(requirement.description, 300)}`;
    if (requirement.satisfied && requirement.satisfiedBy.length > 0) {
      line += ` — approved by ${listLogins(requirement.satisfiedBy)}`;
    } else if (!requirement.satisfied && requirement.candidates.length > 0) {
      line += ` — can be given by ${listCandidates(requirement.candidates)}`;
    }
    if (requirement.problem) line += ` — ⚠️ ${escapeMessage(requirement.problem, 300)}`;
    return line;
  };
  const requirements: Requirement[] =
    reviews.requirements.length > 0
      ? reviews.requirements
      : [{ description: reviews.required === 0 ? 'no approval required' : plural(reviews.required, 'approval'), satisfied: reviews.required === 0, satisfiedBy: [], candidates: [] }];
  sections.push(
    elastic(requirements, renderRequirement, (shown, omitted) =>
      [`#### Reviews\n${shown.join('\n')}`, omitted > 0 ? truncationNote(omitted, 'review requirements') : ''].filter(Boolean).join('\n\n'),
    ),
  );
  const extras: string[] = [];
  if (reviews.changesRequestedBy.length > 0) extras.push(`**Changes requested by:** ${listLogins(reviews.changesRequestedBy)}`);
  if (reviews.override) {
    const { label, by, at } = reviews.override;
    extras.push(
      `**Override:** ${inlineCode(label, { maxLength: 100 })} applied by ${escapeMarkdown(by, 100)} on ${formatTime(at)}: ` +
        'deny findings and missing approvals are waived until the next push.',
    );
  }
  if (extras.length > 0) sections.push(fixed(extras.join('\n\n')));
  if (reviews.ignored.length > 0) {
    const renderIgnored = (item: IgnoredApproval): string => `- ${escapeMarkdown(item.login, 100)} — ${escapeMessage(item.detail || item.reason, 200)}`;
    sections.push(
      elastic(reviews.ignored, renderIgnored, (shown, omitted) => {
        const body = `${shown.join('\n')}${omitted > 0 ? `\n\n${truncationNote(omitted, 'ignored approvals')}` : ''}`;
        const total = shown.length + omitted;
        return total <= OPEN_LOCATIONS ? `**Approvals not counted**\n${body}` : `<details><summary>Approvals not counted (${total})</summary>\n\n${body}\n\n</details>`;
      }),
    );
  }
  if (reviews.notes.length > 0) {
    const renderNote = (note: string): string => `- ℹ️ ${escapeMessage(note, 300)}`;
    sections.push(elastic(reviews.notes, renderNote, (shown, omitted) => [`**Notes**\n${shown.join('\n')}`, omitted > 0 ? truncationNote(omitted, 'notes') : ''].filter(Boolean).join('\n\n')));
  }
  return sections;
}

function renderIncomplete(incomplete: readonly string[]): Section {
  if (incomplete.length === 0) return fixed('');
  return elastic(incomplete, (gap) => `- ${escapeMessage(gap, 300)}`, (shown, omitted) =>
    [
      `#### ⚠️ Incomplete data\nThe gate could not see all of this PR, so it does not pass it on what it did not check:\n${shown.join('\n')}`,
      omitted > 0 ? truncationNote(omitted, 'gaps') : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
  );
}

function renderMetrics(metrics: Metrics, state: GateResult['pr']['state']): string {
  const { interventions } = metrics;
  const parts = [
    plural(interventions.humanCommits, 'human commit'),
    plural(interventions.changeRequests, 'change request'),
    plural(interventions.reviewComments, 'review comment'),
    plural(interventions.comments, 'comment'),
  ];
  const endToEnd = `${formatDuration(metrics.endToEnd)}${state === 'open' ? ' (open, so far)' : state === 'merged' ? ' (merged)' : ' (closed)'}`;
  const rows: Array<[string, string]> = [
    ['Commits (agent / human)', `${metrics.commits.agent} / ${metrics.commits.human}`],
    ['Interventions', `${interventions.total} (${parts.join(', ')})`],
    ['Rework cycles', String(metrics.reworkCycles)],
    ['Rework time', metrics.reworkTime === null ? '—' : formatDuration(metrics.reworkTime)],
    ['Force pushes', String(metrics.forcePushes)],
    ['Time to first human review', metrics.timeToFirstHumanReview === null ? 'no human review yet' : formatDuration(metrics.timeToFirstHumanReview)],
    ['End to end', endToEnd],
    ['Size', `${metrics.tier} · ${plural(metrics.size.files, 'file')}, +${metrics.size.additions} −${metrics.size.deletions}`],
  ];
  return ['#### Metrics', '| Metric | Value |\n|---|---|', ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join('\n');
}

function renderFooter(result: GateResult, links: LinkBuilder): string {
  const sha = result.pr.headSha;
  const head = links.commit(sha);
  const title = result.pr.title ? ` ${escapeMarkdown(result.pr.title, 120)}` : '';
  const pr = links.pr(result.pr.number);
  return `<sub>Agent PR Gate · ${pr}${title} · evaluated head ${head} at ${formatTime(result.evaluatedAt)}</sub>`;
}

// ---------------------------------------------------------------------------------------------
// Links

interface LinkBuilder {
  file(path: string, line: number | null): string;
  commit(sha: string): string;
  pr(number: number): string;
}

/** Links at the evaluated head, on the server the PR lives on (github.com or a GHES host). */
function linkBuilder(result: GateResult): LinkBuilder {
  const server = serverOf(result.pr.url);
  const repo = `${server}/${encodeURIComponent(result.pr.repo.owner)}/${encodeURIComponent(result.pr.repo.name)}`;
  const sha = /^[0-9a-f]{7,64}$/i.test(result.pr.headSha) ? result.pr.headSha : null;
  return {
    file(path, line) {
      const text = line === null ? truncateMiddle(path, 120) : `${truncateMiddle(path, 110)}:${line}`;
      if (!sha) return escapeMarkdown(text, 140);
      const anchor = line === null || !Number.isInteger(line) || line < 1 ? '' : `#L${line}`;
      return markdownLink(text, `${repo}/blob/${sha}/${encodePath(path)}${anchor}`, 140);
    },
    commit(value) {
      const short = inlineCode(value.slice(0, 7), { maxLength: 7 });
      return sha ? `[${short}](${repo}/commit/${sha})` : short;
    },
    pr(number) {
      return Number.isInteger(number) ? `[\\#${number}](${repo}/pull/${number})` : '';
    },
  };
}

function serverOf(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return parsed.origin;
  } catch {
    // fall through: a PR URL we cannot parse links to github.com
  }
  return 'https://github.com';
}

// ---------------------------------------------------------------------------------------------
// Layout: fixed sections and lists that shrink to fit

interface Fixed {
  kind: 'fixed';
  text: string;
}

interface Elastic {
  kind: 'elastic';
  /** The whole section, or null when it cannot fit in the target length whatever happens. */
  full: string | null;
  /** Length of `full` (a number above the target when `full` is null), for sharing the budget. */
  size: number;
  /** The section in at most `budget` characters (or its bare truncation note when even that does not fit). */
  fit(budget: number): string;
}

type Section = Fixed | Elastic;

function fixed(text: string): Fixed {
  return { kind: 'fixed', text };
}

/**
 * A list section that can drop its tail: `frame(shown, omitted)` renders the section with the
 * items shown and a note about the omitted ones. Items are rendered lazily and only as many as
 * could ever fit, so 3000 findings cost no more than the few hundred the comment can hold.
 */
function elastic<T>(sources: readonly T[], render: (source: T) => string, frame: (shown: string[], omitted: number) => string): Elastic {
  const items: string[] = [];
  let length = 0;
  for (const source of sources) {
    if (length > TARGET_LENGTH) break;
    const item = render(source);
    items.push(item);
    length += item.length + 1;
  }
  const complete = items.length === sources.length;
  const full = complete ? frame(items, 0) : null;
  return {
    kind: 'elastic',
    full,
    size: full === null ? TARGET_LENGTH + length : full.length,
    fit(budget) {
      if (full !== null && full.length <= budget) return full;
      let used = frame([], sources.length).length + 8; // the note's count may grow by a few digits
      const shown: string[] = [];
      for (const item of items) {
        if (used + item.length + 1 > budget) break;
        shown.push(item);
        used += item.length + 1;
      }
      return frame(shown, sources.length - shown.length);
    },
  };
}

const SEPARATOR = '\n\n';

function layout(sections: readonly Section[]): string {
  if (sections.every((section) => section.kind === 'fixed' || section.full !== null)) {
    const whole = joinSections(sections.map((section) => (section.kind === 'fixed' ? section.text : (section.full ?? ''))));
    if (whole.length <= TARGET_LENGTH) return whole;
  }
  // Fixed sections keep their text; the lists share what is left, smallest first, so a short list
  // is never cut to make room for a long one.
  const fixedLength = sections.reduce((sum, section) => sum + (section.kind === 'fixed' ? section.text.length + SEPARATOR.length : SEPARATOR.length), 0);
  let remaining = Math.max(0, TARGET_LENGTH - fixedLength - COMMENT_MARKER.length - 1);
  const elastics = sections
    .map((section, index) => ({ section, index }))
    .filter((entry): entry is { section: Elastic; index: number } => entry.section.kind === 'elastic')
    .sort((a, b) => a.section.size - b.section.size);
  const texts = sections.map((section) => (section.kind === 'fixed' ? section.text : ''));
  let left = elastics.length;
  for (const { section, index } of elastics) {
    const share = Math.floor(remaining / left);
    const text = section.fit(Math.min(section.size, share));
    texts[index] = text;
    remaining = Math.max(0, remaining - text.length);
    left -= 1;
  }
  return joinSections(texts);
}

function joinSections(texts: readonly string[]): string {
  return texts.filter((text) => text !== '').join(SEPARATOR);
}

/**
 * The marker first, exactly once; then a last guard on the length that should never fire (the
 * layout keeps under TARGET_LENGTH) but makes the limit a property of this function, not of the
 * layout's arithmetic.
 */
function finish(body: string): string {
  const safe = body.split(COMMENT_MARKER).join('<!-\u200B- agent-pr-gate -->');
  let text = `${COMMENT_MARKER}\n${safe}`;
  if (text.length < MAX_COMMENT_LENGTH) return text;
  const note = '\n\n_✂️ The rest of this comment was cut to stay under GitHub\'s 65,536-character limit; the `report` output has everything._';
  const cut = text.lastIndexOf('\n', MAX_COMMENT_LENGTH - 2_000);
  text = text.slice(0, cut > 0 ? cut : MAX_COMMENT_LENGTH - 2_000);
  const open = count(text, '<details>') - count(text, '</details>');
  return `${text}${'\n\n</details>'.repeat(Math.max(0, open))}${note}`;
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

function truncationNote(omitted: number, noun: string): string {
  return `_✂️ ${omitted} more ${noun} not shown: the comment is limited to 65,536 characters; the \`report\` output lists them all._`;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const LEVEL_RANK: Record<Finding['level'], number> = { deny: 0, review: 1, allow: 2 };

/** Unmet deny, unmet review, then the satisfied ones, allow last; stable within a rank. */
function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (finding: Finding) => (finding.level === 'allow' ? 4 : LEVEL_RANK[finding.level] + (finding.satisfied ? 2 : 0));
  return findings.map((finding, index) => ({ finding, index })).sort((a, b) => rank(a.finding) - rank(b.finding) || a.index - b.index).map((entry) => entry.finding);
}

/** Users and teams as code spans, so `@org/team` is shown without pinging the team. */
function listCandidates(candidates: readonly string[], options: { table?: boolean } = {}): string {
  const shown = candidates.slice(0, 5).map((candidate) => inlineCode(candidate, { maxLength: 80, table: options.table }));
  const more = candidates.length > shown.length ? ` +${candidates.length - shown.length} more` : '';
  return `${shown.join(', ')}${more}`;
}

/** Logins as plain text without `@`, so people are named without being notified on every edit. */
function listLogins(logins: readonly string[]): string {
  const shown = logins.slice(0, 10).map((login) => escapeMarkdown(login, 60));
  const more = logins.length > shown.length ? ` +${logins.length - shown.length} more` : '';
  return `${shown.join(', ')}${more}`;
}

function uniqueStrings(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function plural(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

/** `2026-03-02 10:15 UTC`; anything that is not a date is shown escaped as given. */
function formatTime(iso: string): string {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return escapeMarkdown(iso, 40);
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
