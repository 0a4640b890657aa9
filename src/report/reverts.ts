/**
 * Revert detection for report mode (docs/report-mode.md, `reverted`). A merged PR counts as reverted when, later:
 * - a merged PR titled `Revert "…"` has the body line `Reverts owner/repo#N` (GitHub's revert
 *   button), or
 * - a commit says `This reverts commit <sha>` (git revert; also `…, reversing changes made to …`
 *   for a merge commit) naming the PR's merge commit. Such commits are read from merged PRs and
 *   from the default branch's history (direct pushes).
 * Only merged reverts count: an open or closed `Revert "…"` PR reverts nothing. A revert that is
 * itself reverted still marks the first PR as reverted (it failed once). Pure.
 */

/** A merged PR that may be reverted. */
export interface RevertTarget {
  number: number;
  mergedAt: string | null;
  /** The commit the merge produced (merge, squash or last rebased commit); null when unknown. */
  mergeCommitSha: string | null;
}

/** Evidence of reverts: a PR (any state) with its commit messages, or a commit on the default branch. */
export type RevertSource =
  | {
      kind: 'pr';
      number: number;
      url: string;
      title: string;
      body: string;
      merged: boolean;
      mergedAt: string | null;
      commitMessages: string[];
    }
  | { kind: 'commit'; sha: string; url: string; message: string; committedAt: string };

export interface RevertInfo {
  /** `#123` for a PR, the short sha for a commit. */
  by: string;
  url: string;
  at: string | null;
}

const REVERTS_LINE = /^\s*Reverts\s+([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)#(\d+)\s*$/im;
const REVERT_TITLE = /^\s*Revert\s+"/;
const REVERTS_COMMIT = /This reverts commit ([0-9a-f]{7,40})\b/gi;

/** The shas a commit message says it reverts (full or abbreviated, lower case). */
export function parseRevertedShas(message: string): string[] {
  return [...message.matchAll(REVERTS_COMMIT)].map((match) => match[1]!.toLowerCase());
}

/** The PR number a GitHub revert-button PR names, when it names a PR of `repo`. */
export function parseRevertedPr(source: { title: string; body: string }, repo: { owner: string; name: string }): number | null {
  if (!REVERT_TITLE.test(source.title)) return null;
  const match = REVERTS_LINE.exec(source.body);
  if (!match) return null;
  if (match[1]!.toLowerCase() !== repo.owner.toLowerCase() || match[2]!.toLowerCase() !== repo.name.toLowerCase()) return null;
  return Number(match[3]);
}

function later(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return true;
  return Date.parse(a) > Date.parse(b);
}

/**
 * Which targets were reverted, and by what (the earliest revert wins). `repo` is the repository
 * the report covers; `Reverts other/repo#N` lines are ignored.
 */
export function detectReverts(
  repo: { owner: string; name: string },
  targets: readonly RevertTarget[],
  sources: readonly RevertSource[],
): Map<number, RevertInfo> {
  const merged = targets.filter((target) => target.mergedAt !== null);
  const byNumber = new Map(merged.map((target) => [target.number, target]));
  const result = new Map<number, RevertInfo>();
  const record = (target: RevertTarget, info: RevertInfo): void => {
    if (!later(info.at, target.mergedAt)) return;
    const existing = result.get(target.number);
    if (existing && existing.at !== null && (info.at === null || Date.parse(existing.at) <= Date.parse(info.at))) return;
    result.set(target.number, info);
  };
  const byShas = (shas: string[]): RevertTarget[] =>
    merged.filter((target) => {
      const sha = target.mergeCommitSha?.toLowerCase();
      return sha !== undefined && shas.some((prefix) => sha.startsWith(prefix));
    });

  for (const source of sources) {
    if (source.kind === 'pr') {
      if (!source.merged) continue;
      const info: RevertInfo = { by: `#${source.number}`, url: source.url, at: source.mergedAt };
      const number = parseRevertedPr(source, repo);
      const target = number === null ? undefined : byNumber.get(number);
      if (target && target.number !== source.number) record(target, info);
      const shas = source.commitMessages.flatMap(parseRevertedShas);
      for (const hit of byShas(shas)) if (hit.number !== source.number) record(hit, info);
    } else {
      const shas = parseRevertedShas(source.message);
      for (const hit of byShas(shas)) record(hit, { by: source.sha.slice(0, 7), url: source.url, at: source.committedAt });
    }
  }
  return result;
}
