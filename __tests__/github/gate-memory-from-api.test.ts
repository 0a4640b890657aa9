import { describe, expect, it } from 'vitest';
import { renderGateState, type GateState } from '../../src/gate-state.js';
import { gateMemoryFrom } from '../../src/github/gate-memory-from-api.js';
import type { GqlTimelineItem } from '../../src/github/schemas.js';
import { COMMENT_MARKER } from '../../src/render/render-comment.js';
import type { Actor, IssueComment } from '../../src/snapshot.js';
import { gateState } from '../factories.js';

/** The gate's memory is read only from what carries our own identity. */

const VIEWER: Actor = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
const GQL_SELF = { __typename: 'Bot', login: 'github-actions', databaseId: 41898282 };
const GQL_ALICE = { __typename: 'User', login: 'alice', databaseId: 101 };
const STATE: GateState = gateState();

function comment(id: number, author: Actor, body: string, createdAt: string): IssueComment {
  return { id, author, body, createdAt, updatedAt: createdAt, url: `https://example.test/${id}` };
}

function forcePush(before: string, context: Record<string, unknown> | null): GqlTimelineItem {
  return { __typename: 'HeadRefForcePushedEvent', createdAt: '2026-03-02T11:00:00Z', actor: GQL_ALICE, beforeCommit: { oid: before, status: context ? { context: { createdAt: '2026-03-02T10:00:00Z', ...context } } : null } };
}

describe('gateMemoryFrom', () => {
  it('reads nothing when the query did not ask (report mode)', () => {
    expect(gateMemoryFrom(undefined, [], [], VIEWER)).toBeUndefined();
  });

  it('reads the state of our own comment only; a planted one in a human comment is ignored', () => {
    const planted = { ...STATE, agent: 'devin' };
    const comments = [
      comment(1, { login: 'mallory', id: 666, type: 'User' }, `${COMMENT_MARKER}\n${renderGateState(planted)}`, '2026-03-02T08:00:00Z'),
      comment(2, VIEWER, `${COMMENT_MARKER}\n${renderGateState(STATE)}\nbody`, '2026-03-02T09:00:00Z'),
    ];
    expect(gateMemoryFrom(null, [], comments, VIEWER)?.state).toEqual(STATE);
    expect(gateMemoryFrom(null, [], comments.slice(0, 1), VIEWER)?.state).toBeNull();
  });

  it('keeps our statuses on replaced heads and on the head, and drops statuses someone else set', () => {
    const timeline = [
      forcePush('1'.repeat(40), { state: 'FAILURE', description: '[cursor] denied: x', creator: GQL_SELF }),
      forcePush('2'.repeat(40), { state: 'FAILURE', description: '[claude] planted', creator: GQL_ALICE }),
      forcePush('3'.repeat(40), null),
    ];
    const head = { nodes: [{ commit: { oid: '4'.repeat(40), status: { contexts: [
      { context: 'ci', createdAt: '2026-03-02T12:00:00Z', state: 'SUCCESS', description: '[devin] not ours', creator: GQL_SELF },
      { context: 'agent-pr-gate', createdAt: '2026-03-02T12:00:00Z', state: 'FAILURE', description: '[cursor] denied: y', creator: GQL_SELF },
    ] } } }] };
    const memory = gateMemoryFrom(head, timeline, [], VIEWER);
    expect(memory?.statuses).toEqual([
      { sha: '1'.repeat(40), state: 'FAILURE', description: '[cursor] denied: x', at: '2026-03-02T10:00:00Z' },
      { sha: '4'.repeat(40), state: 'FAILURE', description: '[cursor] denied: y', at: '2026-03-02T12:00:00Z' },
    ]);
  });

  it('counts deletions of our comments by others, not our own or of others’ comments', () => {
    const timeline: GqlTimelineItem[] = [
      { __typename: 'CommentDeletedEvent', createdAt: '2026-03-02T11:00:00Z', actor: GQL_ALICE, deletedCommentAuthor: GQL_SELF },
      { __typename: 'CommentDeletedEvent', createdAt: '2026-03-02T11:05:00Z', actor: GQL_SELF, deletedCommentAuthor: GQL_SELF },
      { __typename: 'CommentDeletedEvent', createdAt: '2026-03-02T11:10:00Z', actor: GQL_ALICE, deletedCommentAuthor: GQL_ALICE },
    ];
    expect(gateMemoryFrom(null, timeline, [], VIEWER)?.deletedComments).toEqual([{ at: '2026-03-02T11:00:00Z', by: 'alice' }]);
  });
});
