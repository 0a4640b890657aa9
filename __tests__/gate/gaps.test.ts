import { describe, expect, it } from 'vitest';
import { findIncomplete } from '../../src/gate/gaps.js';
import { commit, createSnapshot, file, user } from '../factories.js';

describe('findIncomplete', () => {
  it('finds nothing when every file, commit and patch was fetched', () => {
    expect(findIncomplete(createSnapshot({ files: [file('a.ts', '+x')], commits: [commit(user('bob'), 0)] })).map((gap) => gap.text)).toEqual([]);
  });

  it('says how many files were listed when GitHub capped the list', () => {
    const files = Array.from({ length: 3000 }, (_, i) => file(`src/f${i}.ts`, '+x'));
    const snapshot = createSnapshot({ files, totals: { files: 3500, additions: 3500, deletions: 0, commits: 0 } });
    expect(findIncomplete(snapshot).map((gap) => gap.text)).toEqual(['files: 3000 of 3500 listed']);
  });

  it('says how many commits were listed when GitHub capped the list', () => {
    const commits = Array.from({ length: 250 }, (_, i) => commit(user('bob', 2), i));
    const snapshot = createSnapshot({ commits, totals: { files: 0, additions: 0, deletions: 0, commits: 312 } });
    expect(findIncomplete(snapshot).map((gap) => gap.text)).toEqual(['commits: 250 of 312 listed']);
  });

  it('names files with changes whose patch GitHub omitted', () => {
    const snapshot = createSnapshot({
      files: [file('a.bin', null, { additions: 1 }), file('ok.ts', '+x'), file('big.json', null, { additions: 9000, deletions: 12 })],
    });
    expect(findIncomplete(snapshot).map((gap) => gap.text)).toEqual(['patch not available for 2 files: a.bin, big.json']);
  });

  it('does not count a file without changes (a pure rename, an unchanged binary) as unseen', () => {
    const snapshot = createSnapshot({ files: [file('logo.png', null, { additions: 0, deletions: 0 })] });
    expect(findIncomplete(snapshot).map((gap) => gap.text)).toEqual([]);
  });

  it('caps the list of file names', () => {
    const files = Array.from({ length: 8 }, (_, i) => file(`data/${i}.json`, null, { additions: 5 }));
    expect(findIncomplete(createSnapshot({ files })).map((gap) => gap.text)).toEqual([
      'patch not available for 8 files: data/0.json, data/1.json, data/2.json, data/3.json, data/4.json and 3 more',
    ]);
  });

  it("keeps the adapter's own notes first and drops duplicates", () => {
    const files = [file('a.ts', '+x')];
    const snapshot = createSnapshot({
      files,
      totals: { files: 3500, additions: 1, deletions: 0, commits: 0 },
      incomplete: ['reviews: 100 of 300 listed', 'files: 1 of 3500 listed', 'reviews: 100 of 300 listed', ' '],
    });
    expect(findIncomplete(snapshot).map((gap) => gap.text)).toEqual(['reviews: 100 of 300 listed', 'files: 1 of 3500 listed']);
  });

  it('gives every gap a kind, so nothing downstream reads the sentence to know what it is', () => {
    const files = [file('a.bin', null, { additions: 1 })];
    const snapshot = createSnapshot({
      files,
      totals: { files: 3500, additions: 1, deletions: 0, commits: 0 },
      incomplete: ['files: 1 of 3500 listed', 'reviews: 100 of 300 listed'],
    });
    const manifests = [{ path: 'package.json', base: null, head: null, error: 'binary at the head commit' }];
    expect(findIncomplete(snapshot, manifests, 60)).toEqual([
      { kind: 'files', text: 'files: 1 of 3500 listed' },
      { kind: 'read', text: 'reviews: 100 of 300 listed' },
      { kind: 'patches', text: 'patch not available for 1 file: a.bin' },
      { kind: 'manifests', text: 'manifest content not read for 1 file: package.json (binary at the head commit)' },
      { kind: 'manifests', text: 'manifests: 1 of 60 read in full' },
    ]);
  });
});
