import type { DiffHunk, ParsedPatch } from '../diff.js';
import { diffHunkSides, manifestLines, type DependencyEntry, type ManifestDiff, type Side } from './dependency-change.js';

/**
 * Dependency changes in a go.mod patch: `require`, `replace`, `exclude` and `tool` directives, in
 * blocks (`require (` … `)`) or on one line. `// indirect` is shown as the group but does not make
 * an entry different, so marking a module direct is not reported. `module`, `go` and `toolchain`
 * lines are not dependencies. A hunk that starts inside a block uses git's hunk-header line
 * (`@@ … @@ require (`), else a `path vX.Y.Z` line is taken as a requirement.
 */

type Directive = 'require' | 'replace' | 'exclude' | 'tool' | 'retract';
const DIRECTIVES = new Set<string>(['require', 'replace', 'exclude', 'tool', 'retract']);

function entryOf(directive: Directive, body: string): DependencyEntry | null {
  const indirect = /\/\/\s*indirect\b/.test(body);
  const text = body.replace(/\/\/[\s\S]*$/, '').trim();
  if (text === '') return null;
  if (directive === 'replace') {
    const [from = '', to = ''] = text.split('=>').map((part) => part.trim());
    const name = from.split(/\s+/)[0] ?? from;
    return { key: `replace\u0000${from}`, name, spec: `=> ${to}`, group: 'replace', separator: ' ' };
  }
  if (directive === 'retract') return null;
  const [path = '', version = ''] = text.split(/\s+/);
  if (directive === 'tool') return { key: `tool\u0000${path}`, name: path, spec: '', group: 'tool', separator: '@' };
  const group = directive === 'exclude' ? 'exclude' : indirect ? 'indirect' : null;
  return { key: `${directive}\u0000${path}`, name: path, spec: version, group, separator: '@' };
}

/** Reads one side of a go.mod hunk into `entries`; returns how many changed lines it could not place. */
export function readGoModSide(hunk: DiffHunk, side: Side, entries: DependencyEntry[]): number {
  const { lines, tooLong } = manifestLines(hunk, side, '//');
  let unclassified = tooLong;
  const hint = /^(require|replace|exclude|tool|retract)\s*\($/.exec(hunk.header);
  let block: Directive | null = hint ? (hint[1] as Directive) : null;
  let blockKnown = hint !== null;
  for (const { changed, text } of lines) {
    const opener = /^(\w+)\s*\($/.exec(text);
    if (opener && DIRECTIVES.has(opener[1] ?? '')) {
      block = opener[1] as Directive;
      blockKnown = true;
      continue;
    }
    if (text === ')') {
      block = null;
      blockKnown = true;
      continue;
    }
    const single = /^(require|replace|exclude|tool|retract)\s+([\s\S]+)$/.exec(text);
    if (single) {
      if (changed) {
        const entry = entryOf(single[1] as Directive, single[2] ?? '');
        if (entry) entries.push(entry);
      }
      continue;
    }
    if (/^(?:module|go|toolchain|godebug)\b/.test(text)) continue;
    if (!changed) continue;
    if (block) {
      const entry = entryOf(block, text);
      if (entry) entries.push(entry);
    } else if (!blockKnown && /^\S+\s+v\d\S*(?:\s*\/\/[\s\S]*)?$/.test(text)) {
      const entry = entryOf('require', text);
      if (entry) entries.push(entry);
    } else if (!blockKnown && text.includes('=>')) {
      const entry = entryOf('replace', text);
      if (entry) entries.push(entry);
    } else {
      unclassified += 1;
    }
  }
  return unclassified;
}

export function parseGoMod(patch: ParsedPatch): ManifestDiff {
  return diffHunkSides(patch, readGoModSide);
}
