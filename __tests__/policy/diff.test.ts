import { describe, expect, it } from 'vitest';
import { parsePatch } from '../../src/policy/diff.js';

const numbered = (lines: readonly { text: string; oldLine: number | null; newLine: number | null }[]) =>
  lines.map((line) => [line.text, line.oldLine, line.newLine]);

describe('parsePatch', () => {
  it('numbers added lines in the new file and removed lines in the old file', () => {
    const patch = ['@@ -10,4 +10,5 @@ function main() {', ' const a = 1;', '-const b = 2;', '+const b = 3;', '+const c = 4;', ' return a;', ' }'].join('\n');
    const parsed = parsePatch(patch);
    expect(numbered(parsed.added)).toEqual([
      ['const b = 3;', null, 11],
      ['const c = 4;', null, 12],
    ]);
    expect(numbered(parsed.removed)).toEqual([['const b = 2;', 11, null]]);
    expect(parsed.hunks).toHaveLength(1);
    expect(parsed.hunks[0]?.header).toBe('function main() {');
    expect(parsed.hunks[0]?.lines.map((line) => line.kind)).toEqual(['context', 'removed', 'added', 'added', 'context', 'context']);
  });

  it('restarts the numbering at every hunk', () => {
    const patch = ['@@ -1,2 +1,2 @@', '-a', '+A', ' b', '@@ -40,2 +40,3 @@', ' x', '+y', ' z'].join('\n');
    expect(numbered(parsePatch(patch).added)).toEqual([
      ['A', null, 1],
      ['y', null, 41],
    ]);
  });

  it('reads hunk headers without counts (one-line hunks)', () => {
    expect(numbered(parsePatch('@@ -3 +3 @@\n-old\n+new').added)).toEqual([['new', null, 3]]);
    expect(numbered(parsePatch('@@ -0,0 +1 @@\n+only').added)).toEqual([['only', null, 1]]);
  });

  it('skips "\\ No newline at end of file" markers on either side', () => {
    const patch = ['@@ -1,2 +1,2 @@', ' first', '-last', '\\ No newline at end of file', '+last!', '\\ No newline at end of file'].join('\n');
    const parsed = parsePatch(patch);
    expect(numbered(parsed.added)).toEqual([['last!', null, 2]]);
    expect(numbered(parsed.removed)).toEqual([['last', 2, null]]);
  });

  it('drops the carriage return of CRLF patches', () => {
    expect(parsePatch('@@ -0,0 +1,2 @@\r\n+one\r\n+two\r\n').added.map((line) => line.text)).toEqual(['one', 'two']);
  });

  it('keeps an added line that looks like a file header inside a hunk', () => {
    const parsed = parsePatch('@@ -0,0 +1,2 @@\n+++ b/notes.md\n+--- a/notes.md');
    expect(parsed.added.map((line) => line.text)).toEqual(['++ b/notes.md', '--- a/notes.md']);
  });

  it('ignores file headers of a full git diff and text before the first hunk', () => {
    const patch = ['diff --git a/x b/x', 'index 111..222 100644', '--- a/x', '+++ b/x', '@@ -1 +1 @@', '-a', '+b', 'diff --git a/y b/y', '--- a/y', '+++ b/y', '@@ -1 +1 @@', '-c', '+d'].join('\n');
    const parsed = parsePatch(patch);
    expect(numbered(parsed.added)).toEqual([
      ['b', null, 1],
      ['d', null, 1],
    ]);
    expect(parsed.removed.map((line) => line.text)).toEqual(['a', 'c']);
  });

  it('counts an empty context line whose leading space was stripped', () => {
    const patch = ['@@ -1,3 +1,4 @@', ' a', '', '+b', ' c'].join('\n');
    expect(numbered(parsePatch(patch).added)).toEqual([['b', null, 3]]);
  });

  it('returns nothing for an empty patch (a rename without changes) and never throws on junk', () => {
    for (const patch of ['', '@@ nonsense @@\n+x']) {
      const parsed = parsePatch(patch);
      expect([parsed.hunks, parsed.added, parsed.removed, parsed.addedCount, parsed.addedAt(0)]).toEqual([[], [], [], 0, undefined]);
    }
  });

  it('makes each added line once: addedAt, added and the hunks share the same objects', () => {
    const patch = ['@@ -1,2 +1,3 @@', '+first', ' same', '-gone', '+second', '+'].join('\n');
    const parsed = parsePatch(patch);
    expect(parsed.addedCount).toBe(3);
    const second = parsed.addedAt(1);
    expect(second).toEqual({ kind: 'added', text: 'second', oldLine: null, newLine: 3 });
    expect(parsed.added[1]).toBe(second);
    expect(parsed.hunks[0]?.lines.filter((line) => line.kind === 'added')).toEqual(parsed.added);
    expect(parsed.hunks[0]?.lines[3]).toBe(second);
    expect(parsed.hunks[0]?.lines[2]).toBe(parsed.removed[0]);
    expect([parsed.addedAt(-1), parsed.addedAt(3)]).toEqual([undefined, undefined]);
  });

  it('records where each added line is in the patch, for searches over the patch itself', () => {
    const patch = ['@@ -1,2 +1,3 @@', '+first', ' same', '-gone', '+second\r', '+'].join('\n');
    const { starts, ends, numbers } = parsePatch(patch).addedOffsets;
    expect(starts.map((start, index) => patch.slice(start, ends[index]))).toEqual(['first', 'second', '']);
    expect(numbers).toEqual([1, 3, 4]);
  });
});
