import { describe, expect, it } from 'vitest';
import { detectReverts, parseRevertedPr, parseRevertedShas, type RevertSource, type RevertTarget } from '../../src/report/reverts.js';

const REPO = { owner: 'acme', name: 'widgets' };
const SHA_10 = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const SHA_11 = 'ffeeddccbbaa99887766554433221100ffeeddcc';

const targets: RevertTarget[] = [
  { number: 10, mergedAt: '2026-03-02T10:00:00Z', mergeCommitSha: SHA_10 },
  { number: 11, mergedAt: '2026-03-03T10:00:00Z', mergeCommitSha: SHA_11 },
  { number: 12, mergedAt: null, mergeCommitSha: null },
];

function prSource(overrides: Partial<Extract<RevertSource, { kind: 'pr' }>>): RevertSource {
  return {
    kind: 'pr',
    number: 20,
    url: 'https://github.com/acme/widgets/pull/20',
    title: 'Revert "Fix the widget"',
    body: 'Reverts acme/widgets#10',
    merged: true,
    mergedAt: '2026-03-04T10:00:00Z',
    commitMessages: [],
    ...overrides,
  };
}

describe('parseRevertedPr', () => {
  it('reads the PR number from a revert-button PR of the same repository', () => {
    expect(parseRevertedPr({ title: 'Revert "Fix the widget"', body: 'Reverts acme/widgets#10' }, REPO)).toBe(10);
    expect(parseRevertedPr({ title: 'Revert "x"', body: 'Breaks prod.\r\n\r\nReverts ACME/Widgets#7\r\n' }, REPO)).toBe(7);
  });

  it('ignores other repositories, other titles and a mention inside a sentence', () => {
    expect(parseRevertedPr({ title: 'Revert "x"', body: 'Reverts other/widgets#10' }, REPO)).toBeNull();
    expect(parseRevertedPr({ title: 'Fix the widget', body: 'Reverts acme/widgets#10' }, REPO)).toBeNull();
    expect(parseRevertedPr({ title: 'Revert "x"', body: 'This PR reverts acme/widgets#10 partly' }, REPO)).toBeNull();
  });
});

describe('parseRevertedShas', () => {
  it('reads full and abbreviated shas from git revert messages', () => {
    expect(parseRevertedShas(`Revert "Fix"\n\nThis reverts commit ${SHA_10}.`)).toEqual([SHA_10]);
    expect(parseRevertedShas('This reverts commit ABCDEF1, reversing\nchanges made to 1234567.')).toEqual(['abcdef1']);
    expect(parseRevertedShas('This reverts commit abc12.')).toEqual([]);
  });
});

describe('detectReverts', () => {
  it('counts a merged PR reverted with GitHub\'s revert button', () => {
    const result = detectReverts(REPO, targets, [prSource({})]);
    expect([...result.entries()]).toEqual([[10, { by: '#20', url: 'https://github.com/acme/widgets/pull/20', at: '2026-03-04T10:00:00Z' }]]);
  });

  it('counts a PR whose merge commit a later merged PR\'s commit reverts', () => {
    const source = prSource({ title: 'Undo the widget change', body: '', commitMessages: ['wip', `Revert "Fix"\n\nThis reverts commit ${SHA_11.slice(0, 12)}.`] });
    expect([...detectReverts(REPO, targets, [source]).keys()]).toEqual([11]);
  });

  it('counts a revert commit pushed to the default branch', () => {
    const source: RevertSource = {
      kind: 'commit',
      sha: '0123456789abcdef0123456789abcdef01234567',
      url: 'https://github.com/acme/widgets/commit/0123456789abcdef0123456789abcdef01234567',
      message: `Revert "Fix"\n\nThis reverts commit ${SHA_10}.`,
      committedAt: '2026-03-05T00:00:00Z',
    };
    expect(detectReverts(REPO, targets, [source]).get(10)).toEqual({
      by: '0123456',
      url: 'https://github.com/acme/widgets/commit/0123456789abcdef0123456789abcdef01234567',
      at: '2026-03-05T00:00:00Z',
    });
  });

  it('does not count a Revert PR that was closed without merging or is still open', () => {
    const closed = prSource({ merged: false, mergedAt: null, commitMessages: [`This reverts commit ${SHA_10}.`] });
    expect(detectReverts(REPO, targets, [closed]).size).toBe(0);
  });

  it('does not count a revert of a PR that was never merged, or merged after the revert', () => {
    const unmerged = prSource({ body: 'Reverts acme/widgets#12' });
    const earlier = prSource({ body: 'Reverts acme/widgets#11', mergedAt: '2026-03-03T09:00:00Z' });
    expect(detectReverts(REPO, targets, [unmerged, earlier]).size).toBe(0);
  });

  it('marks nothing when the reverted PR is not among the targets (a non-agent PR)', () => {
    const humanRevert = prSource({ body: 'Reverts acme/widgets#99', commitMessages: ['This reverts commit 9999999999.'] });
    expect(detectReverts(REPO, targets, [humanRevert]).size).toBe(0);
  });

  it('keeps the earliest revert when several name the same PR', () => {
    const late = prSource({ number: 30, url: 'u30', mergedAt: '2026-03-09T00:00:00Z' });
    const early = prSource({ number: 21, url: 'u21', mergedAt: '2026-03-04T00:00:00Z' });
    expect(detectReverts(REPO, targets, [late, early]).get(10)?.by).toBe('#21');
    expect(detectReverts(REPO, targets, [early, late]).get(10)?.by).toBe('#21');
  });

  it('ignores a PR that names itself', () => {
    const self = prSource({ number: 10, body: 'Reverts acme/widgets#10' });
    expect(detectReverts(REPO, targets, [self]).size).toBe(0);
  });
});
