import type { Finding, GateResult } from '../result.js';
import { encodePath, escapeMarkdown, inlineCode, markdownLink, truncateMiddle } from './escape.js';

/**
 * The small pieces of the PR comment (src/render/render-comment.ts): links at the evaluated head,
 * the order of findings, and how people, teams and times are written.
 */

export interface LinkBuilder {
  file(path: string, line: number | null): string;
  commit(sha: string): string;
  pr(number: number): string;
}

/** Links at the evaluated head, on the server the PR lives on (github.com or a GHES host). */
export function linkBuilder(result: GateResult): LinkBuilder {
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

const LEVEL_RANK: Record<Finding['level'], number> = { deny: 0, review: 1, allow: 2 };

/** Unmet deny, unmet review, then the satisfied ones, allow last; stable within a rank. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (finding: Finding) => (finding.level === 'allow' ? 4 : LEVEL_RANK[finding.level] + (finding.satisfied ? 2 : 0));
  return findings.map((finding, index) => ({ finding, index })).sort((a, b) => rank(a.finding) - rank(b.finding) || a.index - b.index).map((entry) => entry.finding);
}

/** Users and teams as code spans, so `@org/team` is shown without pinging the team. */
export function listCandidates(candidates: readonly string[], options: { table?: boolean } = {}): string {
  const shown = candidates.slice(0, 5).map((candidate) => inlineCode(candidate, { maxLength: 80, table: options.table }));
  const more = candidates.length > shown.length ? ` +${candidates.length - shown.length} more` : '';
  return `${shown.join(', ')}${more}`;
}

/** Logins as plain text without `@`, so people are named without being notified on every edit. */
export function listLogins(logins: readonly string[]): string {
  const shown = logins.slice(0, 10).map((login) => escapeMarkdown(login, 60));
  const more = logins.length > shown.length ? ` +${logins.length - shown.length} more` : '';
  return `${shown.join(', ')}${more}`;
}

export function uniqueStrings(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** `2026-03-02 10:15 UTC`; anything that is not a date is shown escaped as given. */
export function formatTime(iso: string): string {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return escapeMarkdown(iso, 40);
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
