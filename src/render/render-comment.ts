import { plural, trimEndWhere } from '../policy/text.js';
import type { Finding, FindingLocation, GateResult, IgnoredApproval, Metrics, Requirement, ReviewStatus, Verdict } from '../result.js';
import { escapeMarkdown, escapeMessage, inlineCode } from './escape.js';
import { formatTime, linkBuilder, listCandidates, listLogins, sortFindings, uniqueStrings, type LinkBuilder } from './comment-parts.js';
import { formatDuration } from './format-duration.js';
import { elastic, finish, fixed, layout, truncationNote, type Section } from './comment-layout.js';

export { COMMENT_MARKER } from './marker.js';
export { formatDuration } from './format-duration.js';

export { MAX_COMMENT_LENGTH } from './comment-layout.js';

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
          renderIncomplete(result.incomplete.map((gap) => gap.text)),
          fixed(result.metrics ? renderMetrics(result.metrics, result.pr.state) : ''),
          fixed(renderFooter(result, links)),
        ];
  return finish(layout(sections));
}

function headline(result: GateResult): string {
  if (result.verdict !== 'skipped') return result.summary;
  const reason = trimEndWhere(result.detection.reason.trim(), '.');
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
  if (detection.memory) lines.push(`**Gated on the gate's memory:** ${escapeMessage(detection.memory, 300)}`);
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

/**
 * The offending lines, each once: a line several categories flag (`Dockerfile:2` under
 * dependencies, network and secrets) is one entry naming each category, in finding order.
 */
function renderLocations(findings: readonly Finding[], links: LinkBuilder): Section {
  const entries = new Map<string, { location: FindingLocation; categories: string[] }>();
  for (const finding of sortFindings(findings)) {
    const category = finding.rule ? `${finding.category}: ${finding.rule}` : finding.category;
    for (const location of finding.locations) {
      const key = `${location.file}\u0000${location.line ?? ''}\u0000${location.excerpt.trim()}`;
      const entry = entries.get(key);
      if (!entry) entries.set(key, { location, categories: [category] });
      else if (!entry.categories.includes(category)) entry.categories.push(category);
    }
  }
  if (entries.size === 0) return fixed('');
  return elastic([...entries.values()], (entry) => renderLocation(entry.location, entry.categories, links), (shown, omitted) => {
    const list = shown.join('\n');
    const note = omitted > 0 ? `\n\n${truncationNote(omitted, 'offending lines')}` : '';
    const total = shown.length + omitted;
    if (total <= OPEN_LOCATIONS) return `**Offending lines**\n${list}${note}`;
    return `<details><summary>Offending lines (${total})</summary>\n\n${list}${note}\n\n</details>`;
  });
}

function renderLocation(location: FindingLocation, categories: readonly string[], links: LinkBuilder): string {
  const excerpt = location.excerpt.trim() ? ` — ${inlineCode(location.excerpt.trim(), { maxLength: 160 })}` : '';
  const shown = categories.slice(0, 5).map((category) => escapeMarkdown(category, 80));
  const more = categories.length > shown.length ? ` +${categories.length - shown.length} more` : '';
  return `- ${links.file(location.file, location.line)} · ${shown.join(', ')}${more}${excerpt}`;
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

/** Said so that it cannot read as contradicting a review comment counted among the interventions. */
const FIRST_REVIEW_PENDING = 'none yet from a reviewer other than the author or requester';

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
    // Review comments (above) may come from the requester or the author, whose reviews do not count here.
    ['Time to first human review', metrics.timeToFirstHumanReview === null ? FIRST_REVIEW_PENDING : formatDuration(metrics.timeToFirstHumanReview)],
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
