import type { Detection, Finding, ReviewStatus, Verdict } from './result.js';
import { CHANGES_REQUESTED_PREFIX, INCOMPLETE_PREFIX, findingLabel } from './reviews/evaluate-reviews.js';

/**
 * The verdict (SPEC §4 "Verdict") and its one-line summary, the commit status description:
 * `skipped` for a PR no agent authored; `fail` for a `deny` finding no override covers;
 * `needs-review` for an unmet review requirement, an unsatisfied review-level finding, a blocking
 * change request, or incomplete data (fail closed: what was not seen cannot pass); else `pass`.
 */

export interface VerdictInput {
  detection: Detection;
  findings: Finding[];
  reviews: ReviewStatus | null;
  incomplete: string[];
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

function needsPart(line: string): string {
  return line.startsWith(CHANGES_REQUESTED_PREFIX) || line.startsWith(INCOMPLETE_PREFIX) ? line : `needs ${line}`;
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
    const more = incomplete.length > 1 ? ` (+${incomplete.length - 1} more)` : '';
    parts.push(`${INCOMPLETE_PREFIX}${incomplete[0]}${more}`);
  }
  if (parts.length > 0) return { verdict: 'needs-review', summary: fitSummary('', parts) };
  const unseen = incomplete.length > 0 ? [`not checked by the gate: ${incomplete[0]}${incomplete.length > 1 ? ` (+${incomplete.length - 1} more)` : ''}`] : [];

  const waived = reviews?.override && (findings.some((finding) => finding.level !== 'allow') || reviews.requirements.some((r) => !r.satisfied));
  if (reviews?.override && waived) {
    return { verdict: 'pass', summary: fitSummary('', [`overridden by ${reviews.override.by} (${reviews.override.label})`, ...unseen]) };
  }
  const counted = reviews?.counted ?? [];
  if (counted.length === 0) return { verdict: 'pass', summary: 'all checks passed' };
  const approvals = `${counted.length} approval${counted.length === 1 ? '' : 's'}`;
  return { verdict: 'pass', summary: fitSummary('', [`all checks passed: ${approvals} (${counted.join(', ')})`, ...unseen]) };
}
