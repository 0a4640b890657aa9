import { describe, expect, it } from 'vitest';
import { pageOf } from '../../src/github/fetch-pages.js';
import { decideCommentAction } from '../../src/github/publish-gate.js';
import { fitStatusDescription, statusStateOf } from '../../src/github/publish-status.js';

describe('decideCommentAction', () => {
  it('always: creates or updates', () => {
    expect(decideCommentAction('always', 'pass', false)).toBe('create');
    expect(decideCommentAction('always', 'fail', true)).toBe('update');
  });

  it('on-failure: creates only when not passing, but still updates ours to the resolved state', () => {
    expect(decideCommentAction('on-failure', 'pass', false)).toBe('none');
    expect(decideCommentAction('on-failure', 'needs-review', false)).toBe('create');
    expect(decideCommentAction('on-failure', 'pass', true)).toBe('update');
  });

  it('never: leaves comments alone', () => {
    expect(decideCommentAction('never', 'fail', true)).toBe('none');
  });

  it('never starts a comment on a skipped PR, but updates ours to say it is no longer gated', () => {
    expect(decideCommentAction('always', 'skipped', false)).toBe('none');
    expect(decideCommentAction('always', 'skipped', true)).toBe('update');
  });
});

describe('commit status', () => {
  it('maps verdicts to states', () => {
    expect((['pass', 'skipped', 'needs-review', 'fail'] as const).map(statusStateOf)).toEqual(['success', 'success', 'pending', 'failure']);
  });

  it('fits the description in 140 characters on one line', () => {
    const text = fitStatusDescription(`needs review:\n${'x'.repeat(200)}`);
    expect(text.length).toBe(140);
    expect(text.startsWith('needs review: xxx')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(fitStatusDescription('short')).toBe('short');
  });
});

describe('pageOf', () => {
  it('reads page numbers from a Link header', () => {
    const link = '<https://api.github.com/repos/a/b/pulls/1/files?per_page=100&page=2>; rel="next", <https://api.github.com/repos/a/b/pulls/1/files?per_page=100&page=30>; rel="last"';
    expect([pageOf(link, 'next'), pageOf(link, 'last'), pageOf(link, 'prev'), pageOf('', 'last')]).toEqual([2, 30, null, null]);
  });
});
