import { describe, expect, it } from 'vitest';
import { findStickyComment, GITHUB_ACTIONS_BOT } from '../../src/github/find-sticky-comment.js';
import { COMMENT_MARKER } from '../../src/render/render-comment.js';
import type { Actor, IssueComment } from '../../src/snapshot.js';

const ACTIONS: Actor = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
const APP: Actor = { login: 'acme-gate[bot]', id: 777, type: 'Bot' };
const MALLORY: Actor = { login: 'mallory', id: 666, type: 'User' };

function comment(id: number, author: Actor | null, body: string, createdAt = `2026-03-02T09:${String(id % 60).padStart(2, '0')}:00Z`): IssueComment {
  return { id, author, body, createdAt, updatedAt: createdAt, url: `https://github.com/acme/widgets/pull/42#issuecomment-${id}` };
}

describe('findStickyComment', () => {
  it('finds the comment that has the marker and was written by the token identity', () => {
    const ours = comment(3, ACTIONS, `${COMMENT_MARKER}\n### Pass`);
    expect(findStickyComment([comment(1, MALLORY, 'hi'), ours], ACTIONS)).toBe(ours);
  });

  it('ignores a marker planted by someone else', () => {
    expect(findStickyComment([comment(1, MALLORY, `${COMMENT_MARKER}\nfake pass`)], ACTIONS)).toBeNull();
  });

  it('ignores our own comments without the marker', () => {
    expect(findStickyComment([comment(1, ACTIONS, 'some other bot message')], ACTIONS)).toBeNull();
  });

  it('matches by numeric id even when the API spells the login differently', () => {
    const ours = comment(2, { login: 'github-actions', id: 41898282, type: 'Bot' }, COMMENT_MARKER);
    expect(findStickyComment([ours], ACTIONS)).toBe(ours);
  });

  it('matches an app account whose comment author id differs from the viewer id (GraphQL Bot node vs viewer)', () => {
    const ours = comment(2, { login: 'github-actions[bot]', id: 999, type: 'Bot' }, COMMENT_MARKER);
    expect(findStickyComment([ours], ACTIONS)).toBe(ours);
  });

  it('does not take a comment from a user whose login looks like the app without [bot]', () => {
    const lookalike = comment(2, { login: 'acme-gate', id: 5, type: 'User' }, COMMENT_MARKER);
    expect(findStickyComment([lookalike], APP)).toBeNull();
  });

  it('does not take a comment from an account with the same login but another id', () => {
    const impostor = comment(2, { login: 'github-actions[bot]', id: 1, type: 'User' }, COMMENT_MARKER);
    expect(findStickyComment([impostor], ACTIONS)).toBeNull();
  });

  it('uses the identity of a GitHub App token when that is the viewer', () => {
    const app = comment(4, APP, COMMENT_MARKER);
    const actions = comment(5, ACTIONS, COMMENT_MARKER);
    expect(findStickyComment([actions, app], APP)).toBe(app);
  });

  it('falls back to github-actions[bot] when the viewer is unknown', () => {
    const ours = comment(6, ACTIONS, COMMENT_MARKER);
    expect(GITHUB_ACTIONS_BOT).toEqual(ACTIONS);
    expect(findStickyComment([ours], null)).toBe(ours);
  });

  it('picks the oldest when several of ours exist, so it never starts another', () => {
    const newer = comment(9, ACTIONS, COMMENT_MARKER, '2026-03-03T10:00:00Z');
    const older = comment(8, ACTIONS, COMMENT_MARKER, '2026-03-02T10:00:00Z');
    expect(findStickyComment([newer, older], ACTIONS)).toBe(older);
  });

  it('skips comments of deleted accounts', () => {
    expect(findStickyComment([comment(1, null, COMMENT_MARKER)], ACTIONS)).toBeNull();
  });
});
