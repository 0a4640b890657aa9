import type { DiffHunk, DiffLine, ParsedPatch } from '../diff.js';
import { compareText } from '../text.js';

/**
 * What the manifest parsers produce. A parser reads each hunk twice — the old side (context and
 * removed lines) and the new side (context and added lines) — tracking the enclosing section from
 * context lines, and collects the dependency entries on the changed lines of each side. Entries
 * present on both sides with the same spec are formatting; the rest are added, changed or removed.
 */

export interface DependencyEntry {
  /** What identifies the entry across the two sides (normalized name plus group). */
  key: string;
  name: string;
  /** The version spec as written (`^4.17.21`, `>=2.31`, `v1.2.3`), or '' when none. */
  spec: string;
  /** `dev`, `peer`, `optional`, `build`, `override`, an extra's name…; null for main dependencies. */
  group: string | null;
  /** Between name and spec when shown: `@` (`lodash@^4`), '' (`requests>=2`), ' ' (`x @ https://…`). */
  separator: string;
  /** 1-based line in the file it was read from, when known (whole manifests). */
  line?: number;
}

export interface DependencyChange {
  name: string;
  group: string | null;
  separator: string;
  /** Old spec; null when added. */
  from: string | null;
  /** New spec; null when removed. */
  to: string | null;
  /** Line of the new entry in the head file, when known (whole manifests). */
  line?: number;
}

export interface ManifestDiff {
  changes: DependencyChange[];
  /**
   * Changed lines the parser could not place (neither a dependency nor a known other part of the
   * file). A manifest with such lines and no parsed change is still reported as edited.
   */
  unclassified: number;
}

export type ManifestParser = (patch: ParsedPatch) => ManifestDiff;

/** Manifest lines longer than this are not parsed (no real manifest line is; it keeps regexes cheap). */
export const MAX_MANIFEST_LINE = 1000;

export type Side = 'old' | 'new';

/** The lines of one side of a hunk, in order: context lines plus that side's changed lines. */
export function sideLines(hunk: DiffHunk, side: Side): DiffLine[] {
  const changed = side === 'old' ? 'removed' : 'added';
  return hunk.lines.filter((line) => line.kind === 'context' || line.kind === changed);
}

/** A line of one side of a manifest hunk, trimmed. */
export interface ManifestLine {
  /** Removed (old side) or added (new side); false for context. */
  changed: boolean;
  text: string;
}

/**
 * The lines a manifest parser reads on one side of a hunk: trimmed, without blank lines and
 * comment lines (starting with `commentPrefix`). Lines longer than MAX_MANIFEST_LINE are left out;
 * `tooLong` counts the changed ones among them (they are unclassified).
 */
export function manifestLines(hunk: DiffHunk, side: Side, commentPrefix: string): { lines: ManifestLine[]; tooLong: number } {
  const lines: ManifestLine[] = [];
  let tooLong = 0;
  for (const line of sideLines(hunk, side)) {
    const changed = line.kind !== 'context';
    const text = line.text.trim();
    if (text === '' || text.startsWith(commentPrefix)) continue;
    if (text.length > MAX_MANIFEST_LINE) {
      if (changed) tooLong += 1;
      continue;
    }
    lines.push({ changed, text });
  }
  return { lines, tooLong };
}

/** Whether the hunk starts at the top of the file on this side (so the parser knows where it is). */
export function startsAtTop(hunk: DiffHunk, side: Side): boolean {
  return (side === 'old' ? hunk.oldStart : hunk.newStart) <= 1;
}

function normalizeSpec(spec: string): string {
  return spec.replace(/\s+/g, '');
}

/** Reads one side of a hunk into `entries`; returns how many changed lines it could not place. */
export type HunkSideReader = (hunk: DiffHunk, side: Side, entries: DependencyEntry[]) => number;

/**
 * The parse of a line-based manifest: every hunk read on its old side (into the removed entries)
 * and on its new side (into the added ones), then the two compared.
 */
export function diffHunkSides(patch: ParsedPatch, readSide: HunkSideReader): ManifestDiff {
  const removed: DependencyEntry[] = [];
  const added: DependencyEntry[] = [];
  let unclassified = 0;
  for (const hunk of patch.hunks) {
    unclassified += readSide(hunk, 'old', removed);
    unclassified += readSide(hunk, 'new', added);
  }
  return { changes: diffEntries(removed, added), unclassified };
}

/** Compares the two sides' entries by key. Same key and spec on both sides is not a change. */
export function diffEntries(removed: readonly DependencyEntry[], added: readonly DependencyEntry[]): DependencyChange[] {
  const before = new Map<string, DependencyEntry>();
  for (const entry of removed) before.set(entry.key, entry);
  const after = new Map<string, DependencyEntry>();
  for (const entry of added) after.set(entry.key, entry);
  const changes: DependencyChange[] = [];
  for (const [key, entry] of after) {
    const old = before.get(key);
    const line = entry.line === undefined ? {} : { line: entry.line };
    if (!old) {
      changes.push({ name: entry.name, group: entry.group, separator: entry.separator, from: null, to: entry.spec, ...line });
    } else if (normalizeSpec(old.spec) !== normalizeSpec(entry.spec)) {
      changes.push({ name: entry.name, group: entry.group, separator: entry.separator, from: old.spec, to: entry.spec, ...line });
    }
  }
  for (const [key, entry] of before) {
    if (!after.has(key)) changes.push({ name: entry.name, group: entry.group, separator: entry.separator, from: entry.spec, to: null });
  }
  return changes;
}

/** -1, 0 or 1 comparing the numbers in two specs (`^18.2.0` < `18.3.1`); null when either has none. */
export function compareVersions(from: string, to: string): number | null {
  const a = (from.match(/\d+/g) ?? []).map(Number);
  const b = (to.match(/\d+/g) ?? []).map(Number);
  if (a.length === 0 || b.length === 0) return null;
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function formatDependency(name: string, spec: string, separator: string): string {
  return spec === '' ? name : `${name}${separator}${spec}`;
}

const CHANGES_SHOWN = 6;

function rank(change: DependencyChange): number {
  if (change.from === null) return 0;
  if (change.to === null) return 2;
  return 1;
}

/** One phrase per change: `adds lodash@^4.17.21`, `bumps react 18.2.0 → 18.3.1 (dev)`, `removes left-pad`. */
export function describeChange(change: DependencyChange): string {
  const suffix = change.group ? ` (${change.group})` : '';
  if (change.from === null) return `adds ${formatDependency(change.name, change.to ?? '', change.separator)}${suffix}`;
  if (change.to === null) return `removes ${change.name}${suffix}`;
  const order = compareVersions(change.from, change.to);
  const verb = order === -1 ? 'bumps' : order === 1 ? 'downgrades' : 'changes';
  // An exact pin on both sides reads as versions: `flask 3.0.0 → 3.0.3`, not `==3.0.0 → ==3.0.3`.
  const pinned = change.from.startsWith('==') && change.to.startsWith('==');
  const from = pinned ? change.from.slice(2) : change.from;
  const to = pinned ? change.to.slice(2) : change.to;
  return `${verb} ${change.name} ${from || '(any)'} → ${to || '(any)'}${suffix}`;
}

/** Sorted (adds, then bumps and changes, then removes; by name) and joined into one line. */
export function describeChanges(changes: readonly DependencyChange[]): string {
  const sorted = [...changes].sort((a, b) => rank(a) - rank(b) || compareText(a.name, b.name) || compareText(a.group ?? '', b.group ?? ''));
  const phrases = sorted.map(describeChange);
  if (phrases.length <= CHANGES_SHOWN) return phrases.join(', ');
  return `${phrases.slice(0, CHANGES_SHOWN).join(', ')} and ${phrases.length - CHANGES_SHOWN} more`;
}

