import { listWithMore, plural } from '../policy/text.js';
import type { ManifestContent, PrSnapshot } from '../snapshot.js';

/**
 * What the gate could not see (docs/architecture.md, "Fail closed"), as structured gaps made here
 * and nowhere else: the adapter's own notes plus the gaps visible in the data itself (GitHub lists
 * at most 3000 files and 250 commits of a PR, and omits the patch of very large files) and the
 * manifests the pipeline could not read. Code decides on `kind`; people read `text`, which is
 * also what the report JSON prints. Anything listed here keeps the verdict from being `pass`.
 */

export type GapKind = 'files' | 'commits' | 'patches' | 'manifests' | 'read';

export interface Gap {
  kind: GapKind;
  /** One plain sentence, e.g. "files: 3000 of 3500 listed". */
  text: string;
}

const NAMES_SHOWN = 5;

export function filesGap(listed: number, total: number): Gap {
  return { kind: 'files', text: `files: ${listed} of ${total} listed` };
}

export function commitsGap(listed: number, total: number): Gap {
  return { kind: 'commits', text: `commits: ${listed} of ${total} listed` };
}

/** The manifests whose content could not be read, and those beyond the pipeline's cap. */
export function manifestGaps(read: readonly ManifestContent[] | null, total: number): Gap[] {
  if (read === null) return [];
  const gaps: Gap[] = [];
  const failed = read.filter((manifest) => manifest.error !== undefined);
  if (failed.length > 0) {
    const first = failed[0]?.error ?? '';
    gaps.push({
      kind: 'manifests',
      text: `manifest content not read for ${plural(failed.length, 'file')}: ${listWithMore(failed.map((m) => m.path), NAMES_SHOWN)} (${first})`,
    });
  }
  if (read.length < total) gaps.push({ kind: 'manifests', text: `manifests: ${read.length} of ${total} read in full` });
  return gaps;
}

/**
 * Every gap of one gate run, without duplicates (the adapter notes the capped lists too, in the
 * same words). `manifests` is what the pipeline read (null: nothing asked), `manifestCount` how
 * many manifests the PR touches.
 */
export function findIncomplete(snapshot: PrSnapshot, manifests: readonly ManifestContent[] | null = null, manifestCount = 0): Gap[] {
  const derived: Gap[] = [];
  const { totals } = snapshot;
  if (snapshot.files.length < totals.files) derived.push(filesGap(snapshot.files.length, totals.files));
  if (snapshot.commits.length < totals.commits) derived.push(commitsGap(snapshot.commits.length, totals.commits));
  const unseen = snapshot.files.filter((file) => file.patch === null && file.additions + file.deletions > 0).map((file) => file.path);
  if (unseen.length > 0) {
    derived.push({ kind: 'patches', text: `patch not available for ${plural(unseen.length, 'file')}: ${listWithMore(unseen, NAMES_SHOWN)}` });
  }
  derived.push(...manifestGaps(manifests, manifestCount));
  // The adapter's notes come first; one that says what the data shows too takes that gap's kind.
  const notes = snapshot.incomplete.map((note): Gap => {
    const text = note.trim();
    return derived.find((gap) => gap.text === text) ?? { kind: 'read', text };
  });
  const seen = new Set<string>();
  return [...notes, ...derived].filter((gap) => {
    if (gap.text === '' || seen.has(gap.text)) return false;
    seen.add(gap.text);
    return true;
  });
}
