import { describe, expect, it } from 'vitest';
import { actorFromGraphql, restBotLogin } from '../../src/github/actors-from-api.js';
import { fileFrom, headStatusSeenAt, timelineEventFrom } from '../../src/github/snapshot-from-api.js';

describe('restBotLogin', () => {
  it('spells GraphQL bot logins as REST does', () => {
    expect(['copilot-swe-agent', 'github-actions', 'claude', 'renovate[bot]'].map(restBotLogin)).toEqual(['Copilot', 'github-actions[bot]', 'claude[bot]', 'renovate[bot]']);
  });
});

describe('actorFromGraphql', () => {
  it('keeps users as they are and numeric ids', () => {
    expect(actorFromGraphql({ __typename: 'User', login: 'alice', databaseId: 101 })).toEqual({ login: 'alice', id: 101, type: 'User' });
  });

  it('turns a Bot into its REST login', () => {
    expect(actorFromGraphql({ __typename: 'Bot', login: 'devin-ai-integration', databaseId: 158243242 })).toEqual({ login: 'devin-ai-integration[bot]', id: 158243242, type: 'Bot' });
  });

  it('names a requested team @org/slug', () => {
    expect(actorFromGraphql({ __typename: 'Team', slug: 'platform', organization: { login: 'acme' } })).toEqual({ login: '@acme/platform', id: null, type: 'Unknown' });
  });

  it('maps an unknown actor kind to Unknown and a missing actor to null', () => {
    expect(actorFromGraphql({ __typename: 'EnterpriseUserAccount', login: 'e', databaseId: null })).toEqual({ login: 'e', id: null, type: 'Unknown' });
    expect(actorFromGraphql(null)).toBeNull();
  });
});

describe('timelineEventFrom', () => {
  it('drops event types the core does not read', () => {
    expect(timelineEventFrom({ __typename: 'SubscribedEvent', createdAt: '2026-03-02T09:00:00Z' })).toBeNull();
  });

  it('keeps the label of a label event', () => {
    expect(timelineEventFrom({ __typename: 'UnlabeledEvent', createdAt: '2026-03-02T09:00:00Z', actor: null, label: { name: 'agent' } })).toEqual({
      type: 'unlabeled',
      actor: null,
      createdAt: '2026-03-02T09:00:00Z',
      label: 'agent',
    });
  });
});

describe('fileFrom', () => {
  it('keeps renames and a missing patch as null', () => {
    expect(fileFrom({ filename: 'b.png', previous_filename: 'a.png', status: 'renamed', additions: 0, deletions: 0 })).toEqual({
      path: 'b.png',
      previousPath: 'a.png',
      status: 'renamed',
      additions: 0,
      deletions: 0,
      patch: null,
    });
  });
});

describe('headStatusSeenAt', () => {
  const HEAD = 'a'.repeat(40);
  function head(oid: string, contexts: Array<[context: string, createdAt: string]> | null) {
    return { nodes: [{ commit: { oid, status: contexts ? { contexts: contexts.map(([context, createdAt]) => ({ context, createdAt })) } : null } }] };
  }

  it('takes the earliest status time on the head commit, leaving out the gate’s own context', () => {
    const contexts: Array<[string, string]> = [
      ['ci/build', '2026-03-02T09:12:00Z'],
      ['agent-pr-gate', '2026-03-02T09:05:00Z'],
      ['ci/lint', '2026-03-02T09:10:00Z'],
    ];
    expect(headStatusSeenAt(head(HEAD, contexts), HEAD)).toBe('2026-03-02T09:10:00Z');
  });

  it('is null when the head commit has no other status, or the last commit listed is not the head', () => {
    expect(headStatusSeenAt(head(HEAD, null), HEAD)).toBeNull();
    expect(headStatusSeenAt(head(HEAD, [['agent-pr-gate', '2026-03-02T09:05:00Z']]), HEAD)).toBeNull();
    expect(headStatusSeenAt(head('b'.repeat(40), [['ci/build', '2026-03-02T09:12:00Z']]), HEAD)).toBeNull();
    expect(headStatusSeenAt({ nodes: [] }, HEAD)).toBeNull();
    expect(headStatusSeenAt(null, HEAD)).toBeNull();
  });

  it('is undefined when the query did not ask for the head commit (report mode)', () => {
    expect(headStatusSeenAt(undefined, HEAD)).toBeUndefined();
  });
});
