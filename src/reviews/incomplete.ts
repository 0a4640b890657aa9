import type { PrSnapshot } from '../snapshot.js';

/**
 * What the snapshot could not show (SPEC §4 "Fail closed"): the adapter's own notes plus the gaps
 * visible in the data itself — GitHub lists at most 3000 files and 250 commits of a PR, and omits
 * the patch of very large files. One plain sentence per gap, without duplicates. Anything listed
 * here keeps the verdict from being `pass`.
 */

const NAMES_SHOWN = 5;

function nameList(names: readonly string[]): string {
  if (names.length <= NAMES_SHOWN) return names.join(', ');
  return `${names.slice(0, NAMES_SHOWN).join(', ')} and ${names.length - NAMES_SHOWN} more`;
}

export function findIncomplete(snapshot: PrSnapshot): string[] {
  const gaps = [...snapshot.incomplete];
  const { totals } = snapshot;
  if (snapshot.files.length < totals.files) gaps.push(`files: ${snapshot.files.length} of ${totals.files} listed`);
  if (snapshot.commits.length < totals.commits) gaps.push(`commits: ${snapshot.commits.length} of ${totals.commits} listed`);
  const unseen = snapshot.files.filter((file) => file.patch === null && file.additions + file.deletions > 0).map((file) => file.path);
  if (unseen.length > 0) {
    gaps.push(`patch not available for ${unseen.length} file${unseen.length === 1 ? '' : 's'}: ${nameList(unseen)}`);
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const gap of gaps) {
    const sentence = gap.trim();
    if (sentence === '' || seen.has(sentence)) continue;
    seen.add(sentence);
    out.push(sentence);
  }
  return out;
}
