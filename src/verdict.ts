import type { Gap } from './gate/gaps.js';
import { plural } from './policy/text.js';
import type { Detection, Finding, MissingItem, ReviewStatus, Verdict } from './result.js';
import { findingLabel } from './reviews/evaluate-reviews.js';

/**
 * The verdict (docs/architecture.md, "Verdict") and its one-line summary, the commit status description:
 * `skipped` for a PR no agent authored; `fail` for a `deny` finding no override covers;
 * `needs-review` for an unmet review requirement, an unsatisfied review-level finding, a blocking
 * change request, or incomplete data (fail closed: what was not seen cannot pass); else `pass`.
 */

export interface VerdictInput {
  detection: Detection;
  findings: Finding[];
  reviews: ReviewStatus | null;
  incomplete: readonly Gap[];
}

/** GitHub cuts commit status descriptions at 140 characters. */
export const MAX_SUMMARY_LENGTH = 140;

/**
 * Joins parts with "; " within the limit; parts that do not fit become "(+N more)". The first
 * part is shortened with "…" when it alone is too long.
 */
export function fitSummary(prefix: string, parts: readonly string[], max = MAX_SUMMARY_LENGTH): string {
  const whole = `${prefix}${parts.join('; ')}`;
  if (whole.length <= max) return parts.length > 0 ? whole : prefix.trimEnd();
  let out = '';
  for (let index = 0; index < parts.length; index++) {
    const rest = parts.length - index - 1;
    const suffix = rest > 0 ? ` (+${rest} more)` : '';
    const candidate = out === '' ? `${prefix}${parts[index]}` : `${out}; ${parts[index]}`;
    if (candidate.length + suffix.length <= max) {
      out = candidate;
      continue;
    }
    if (out !== '') return `${out} (+${rest + 1} more)`;
    const room = max - suffix.length - 1;
    return `${candidate.slice(0, Math.max(0, room)).trimEnd()}…${suffix}`;
  }
  return out;
}

/** A missing item as a summary part: a change request or a gap reads as it is, the rest as a need. */
function needsPart(item: MissingItem): string {
  return item.kind === 'changes-requested' || item.kind === 'incomplete' ? item.text : `needs ${item.text}`;
}

/** `files: 3000 of 3500 listed (+2 more)`. */
function firstGap(incomplete: readonly Gap[]): string {
  return `${incomplete[0]?.text ?? ''}${incomplete.length > 1 ? ` (+${incomplete.length - 1} more)` : ''}`;
}

export function decideVerdict(input: VerdictInput): { verdict: Verdict; summary: string } {
  const { detection, findings, reviews, incomplete } = input;
  if (detection.agent === null) return { verdict: 'skipped', summary: 'not an agent PR' };

  const denied = findings.filter((finding) => finding.level === 'deny' && !finding.satisfied);
  if (denied.length > 0) {
    return { verdict: 'fail', summary: fitSummary('denied: ', denied.map((finding) => `${finding.message} (${findingLabel(finding)})`)) };
  }

  const parts: string[] = [];
  if (reviews && !reviews.satisfied) parts.push(...reviews.missing.map(needsPart));
  if (reviews === null || reviews.satisfied) {
    // Review-level findings the review status does not account for.
    for (const finding of findings) {
      if (finding.level === 'review' && !finding.satisfied) parts.push(`needs approval for ${findingLabel(finding)}`);
    }
  }
  if (reviews && !reviews.satisfied && parts.length === 0) parts.push('needs review');
  // The review status carries incomplete data as a requirement; without one, nothing unseen passes.
  if (incomplete.length > 0 && reviews === null) {
    parts.push(`could not check everything: ${firstGap(incomplete)}`);
  }
  if (parts.length > 0) return { verdict: 'needs-review', summary: fitSummary('', parts) };
  const unseen = incomplete.length > 0 ? [`not checked by the gate: ${firstGap(incomplete)}`] : [];

  const waived = reviews?.override && (findings.some((finding) => finding.level !== 'allow') || reviews.requirements.some((r) => !r.satisfied));
  if (reviews?.override && waived) {
    return { verdict: 'pass', summary: fitSummary('', [`overridden by ${reviews.override.by} (${reviews.override.label})`, ...unseen]) };
  }
  const counted = reviews?.counted ?? [];
  if (counted.length === 0) return { verdict: 'pass', summary: 'all checks passed' };
  const approvals = plural(counted.length, 'approval');
  return { verdict: 'pass', summary: fitSummary('', [`all checks passed: ${approvals} (${counted.join(', ')})`, ...unseen]) };
}

/** The `fail-on` input and `--fail-on` option: which verdicts fail the job (or the CLI's exit code). */
export const FAIL_ON = ['needs-review', 'fail', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export function failsJob(verdict: Verdict, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'fail') return verdict === 'fail';
  return verdict === 'fail' || verdict === 'needs-review';
}
