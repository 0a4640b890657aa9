import type { Finding, GateResult } from '../result.js';
import { escapeForLog } from './escape-log.js';
import { truncateText } from './escape.js';

/**
 * A file annotation for the workflow run. `file: ''` (with `line: null`) is the one annotation that
 * belongs to no file: the note that more annotations were left out. Publishers pass `file` and
 * `line` as the annotation's file and start line and leave them out when empty.
 */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  file: string;
  line: number | null;
  title: string;
  message: string;
}

/**
 * GitHub shows at most 10 annotations per level per step and 50 per job; more are dropped
 * silently. The gate keeps the most important 50 (the last of them says how many were left out).
 */
export const MAX_ANNOTATIONS = 50;

const LEVEL_RANK: Record<Annotation['level'], number> = { error: 0, warning: 1, notice: 2 };

/**
 * One annotation per line-level finding location, and one per file for findings that have files
 * but no lines. Levels: an unmet `deny` is an error (an overridden one a warning: the run passes),
 * an unmet `review` a warning, satisfied reviews and `allow` findings notices. Messages carry the
 * finding's message and its excerpt, which the policy engine already redacted; never patch text.
 * Titles and messages go to the run log, so they pass through `escapeForLog` (a path or excerpt
 * cannot break the line); `file` stays exact and is escaped by @actions/core as a property.
 */
export function buildAnnotations(result: GateResult): Annotation[] {
  if (result.verdict === 'skipped') return [];
  // Titles are escaped here (they are part of the key); messages only for the annotations kept,
  // since a large PR has thousands of locations and at most MAX_ANNOTATIONS are shown.
  const annotations: Annotation[] = [];
  const seen = new Set<string>();
  const add = (annotation: Annotation) => {
    const key = [annotation.level, annotation.file, annotation.line ?? '', annotation.title].join('\u0000');
    if (seen.has(key)) return;
    seen.add(key);
    annotations.push(annotation);
  };
  for (const finding of result.findings) {
    const level = levelOf(finding);
    const title = escapeForLog(truncateText(`Agent PR Gate: ${finding.rule ? `${finding.category}: ${finding.rule}` : finding.category} (${finding.level})`, 200));
    const status = statusOf(finding, result.reviews?.override != null);
    const located = new Set<string>();
    for (const location of finding.locations) {
      located.add(location.file);
      const excerpt = location.excerpt.trim() ? `: ${truncateText(location.excerpt.trim(), 200)}` : '';
      add({
        level,
        file: location.file,
        line: location.line !== null && Number.isInteger(location.line) && location.line > 0 ? location.line : null,
        title,
        message: truncateText(`${truncateText(finding.message, 300)}${excerpt}. ${status}`, 800),
      });
    }
    for (const file of finding.files) {
      if (located.has(file)) continue;
      add({ level, file, line: null, title, message: truncateText(`${truncateText(finding.message, 300)}. ${status}`, 800) });
    }
  }
  const sorted = annotations
    .map((annotation, index) => ({ annotation, index }))
    .sort((a, b) => LEVEL_RANK[a.annotation.level] - LEVEL_RANK[b.annotation.level] || a.index - b.index)
    .map((entry) => entry.annotation);
  const escaped = (list: Annotation[]): Annotation[] => list.map((annotation) => ({ ...annotation, message: escapeForLog(annotation.message) }));
  if (sorted.length <= MAX_ANNOTATIONS) return escaped(sorted);
  const kept = escaped(sorted.slice(0, MAX_ANNOTATIONS - 1));
  const left = sorted.length - kept.length;
  kept.push({
    level: 'notice',
    file: '',
    line: null,
    title: 'Agent PR Gate: more findings',
    message: `${left} more annotations were left out (GitHub shows at most 10 per level per step and 50 per job); the PR comment and the report output list every finding.`,
  });
  return kept;
}

function levelOf(finding: Finding): Annotation['level'] {
  if (finding.level === 'deny') return finding.satisfied ? 'warning' : 'error';
  if (finding.level === 'review') return finding.satisfied ? 'notice' : 'warning';
  return 'notice';
}

function statusOf(finding: Finding, overridden: boolean): string {
  if (finding.level === 'allow') return 'Allowed by the policy.';
  if (finding.level === 'deny') {
    return finding.satisfied ? 'Denied for agents, waived by the override label.' : 'Denied for agents: remove the change, or an admin or maintainer (not the author or requester) applies the override label.';
  }
  if (finding.satisfied) return overridden ? 'Waived by the override label.' : 'Approved.';
  if (finding.reviewers.length === 0) return 'Needs a human approval.';
  const who = finding.reviewers.slice(0, 5).join(', ');
  const more = finding.reviewers.length > 5 ? ` and ${finding.reviewers.length - 5} more` : '';
  return `Needs an approval from ${who}${more}.`;
}
