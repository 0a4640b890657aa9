import type { DiffLine } from '../diff.js';
import type { DependencyEntry } from './dependency-change.js';
import { readGoModSide } from './parse-go-mod.js';
import type { ManifestEntries } from './whole-manifest-types.js';

/**
 * Whole line-based manifests (docs/dependencies.md). go.mod: read as one hunk that starts at the
 * top of the file, so every `require`, `replace`, `exclude` and `tool` line is seen in its block.
 * Gemfile: `gem` lines with their version and options, `source` and `git_source` lines, inside
 * `group … do` blocks; other Ruby is not read.
 */

export function readGoMod(text: string): ManifestEntries {
  const lines: DiffLine[] = text.split('\n').map((line, index) => ({ kind: 'added', text: line.replace(/\r$/, ''), oldLine: null, newLine: index + 1 }));
  const entries: DependencyEntry[] = [];
  readGoModSide({ oldStart: 0, newStart: 1, header: '', lines }, 'new', entries);
  return { entries };
}

// Linear: one unbounded run before a fixed character, and `([\s\S]*)$` always matches the rest
// (`.` would stop at a U+2028 and send the engine back through the runs before it).
const GEM = /^gem[\s(]+["']([^"']+)["']\s*,?\s*([\s\S]*)$/;
const GROUP = /^group\s(.*)\sdo$/;

export function readGemfile(text: string): ManifestEntries {
  const entries: DependencyEntry[] = [];
  const groups: (string | null)[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').replace(/\s#[\s\S]*$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const group = GROUP.exec(line);
    if (group) {
      groups.push((group[1] ?? '').replace(/[:\s]/g, '') || null);
      continue;
    }
    if (/\bdo\s*(?:\|[^|]*\|)?$/.test(line)) groups.push(groups.at(-1) ?? null);
    if (line === 'end') {
      groups.pop();
      continue;
    }
    const current = groups.at(-1) ?? null;
    const gem = GEM.exec(line);
    if (gem) {
      const name = gem[1] ?? '';
      entries.push({ key: `${current ?? ''}\u0000${name}`, name, spec: (gem[2] ?? '').replace(/\)$/, '').replace(/\s+/g, ' '), group: current, separator: ' ', line: index + 1 });
      continue;
    }
    if (/^(?:source|git_source|gemspec|path|git|platforms?|plugin)\b/.test(line)) {
      const normalized = line.replace(/\s+/g, ' ');
      entries.push({ key: `source\u0000${normalized}`, name: normalized, spec: '', group: 'source', separator: '', line: index + 1 });
    }
  }
  return { entries };
}
