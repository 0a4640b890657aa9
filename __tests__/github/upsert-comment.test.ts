import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/github/client.js';
import { TEST_PACING } from '../fake-github/test-pacing.js';
import { fitCommentBody, MAX_COMMENT_LENGTH, upsertComment } from '../../src/github/upsert-comment.js';
import { COMMENT_MARKER } from '../../src/render/render-comment.js';
import type { IssueComment } from '../../src/snapshot.js';
import { GITHUB_ACTIONS, at, typicalScenario } from '../fake-github/scenario.js';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '../fake-github/server.js';

let fake: FakeGitHub | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const VIEWER = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' as const };
const TARGET = { owner: 'acme', repo: 'widgets', number: 42 };
const BODY = `${COMMENT_MARKER}\n### Needs review`;

async function start(options: FakeGitHubOptions = {}) {
  fake = await startFakeGitHub(typicalScenario(), options);
  return { fake, client: createGitHubClient({ token: 't', apiUrl: fake.url, ...TEST_PACING }) };
}

function existing(id: number, body: string): IssueComment {
  return { id, author: VIEWER, body, createdAt: at(1), updatedAt: at(1), url: `https://github.com/acme/widgets/pull/42#issuecomment-${id}` };
}

describe('upsertComment', () => {
  it('creates the comment when there is none', async () => {
    const { fake, client } = await start();
    const outcome = await upsertComment(client, TARGET, BODY, null, { viewer: VIEWER, since: new Date() });
    expect(outcome).toEqual({ ok: true, value: { id: 9_000_001, url: 'https://github.com/acme/widgets/pull/42#issuecomment-9000001', action: 'created' } });
    expect(fake.writes.comments).toEqual([{ action: 'create', id: 9_000_001, body: BODY, by: 'github-actions[bot]' }]);
    // After a create, one list of the comments since the run started: is there an older twin?
    expect(fake.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 201', 'GET 200']);
  });

  it('edits ours in place', async () => {
    const { fake, client } = await start();
    fake.scenario.comments.push({ id: 900, user: GITHUB_ACTIONS, body: `${COMMENT_MARKER}\nold`, created_at: at(1), updated_at: at(1) });
    const outcome = await upsertComment(client, TARGET, BODY, existing(900, `${COMMENT_MARKER}\nold`), { viewer: VIEWER, since: new Date() });
    expect(outcome).toEqual({ ok: true, value: { id: 900, url: 'https://github.com/acme/widgets/pull/42#issuecomment-900', action: 'updated' } });
    expect(fake.writes.comments).toEqual([{ action: 'update', id: 900, body: BODY, by: 'github-actions[bot]' }]);
  });

  it('makes no request when the text is unchanged', async () => {
    const { fake, client } = await start();
    const outcome = await upsertComment(client, TARGET, BODY, existing(900, BODY), { viewer: VIEWER, since: new Date() });
    expect(outcome).toEqual({ ok: true, value: { id: 900, url: 'https://github.com/acme/widgets/pull/42#issuecomment-900', action: 'unchanged' } });
    expect(fake.requests).toHaveLength(0);
  });

  it('does not duplicate a comment whose creation answered 502 after it was made', async () => {
    const { fake, client } = await start({ faults: [{ kind: 'status', status: 502, afterHandling: true, when: { method: 'POST', path: '/comments' } }] });
    const since = new Date(Date.now() - 1000);
    const outcome = await upsertComment(client, TARGET, BODY, null, { viewer: VIEWER, since });
    expect(outcome).toEqual({ ok: true, value: { id: 9_000_001, url: 'https://github.com/acme/widgets/pull/42#issuecomment-9000001', action: 'created' } });
    expect(fake.writes.comments.map((w) => w.action)).toEqual(['create']);
    expect(fake.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 502', 'GET 200']);
  });

  it('creates again when the failed creation did not land', async () => {
    const { fake, client } = await start({ faults: [{ kind: 'status', status: 502, when: { method: 'POST', path: '/comments' } }] });
    const outcome = await upsertComment(client, TARGET, BODY, null, { viewer: VIEWER, since: new Date(Date.now() - 1000) });
    expect(outcome.ok).toBe(true);
    expect(fake.writes.comments.map((w) => w.action)).toEqual(['create']);
    expect(fake.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 502', 'GET 200', 'POST 201', 'GET 200']);
  });

  it('keeps the oldest of ours when another run created one first: deletes its own, edits the oldest', async () => {
    const { fake, client } = await start();
    const since = new Date(Date.now() - 1000);
    const twin = { id: 8_999_999, user: GITHUB_ACTIONS, body: `${COMMENT_MARKER}\nother run`, created_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), updated_at: new Date().toISOString() };
    fake.scenario.comments.push(twin);
    const outcome = await upsertComment(client, TARGET, BODY, null, { viewer: VIEWER, since });
    expect(outcome).toEqual({ ok: true, value: { id: twin.id, url: `https://github.com/acme/widgets/pull/42#issuecomment-${twin.id}`, action: 'updated' } });
    expect(fake.writes.comments.map((w) => [w.action, w.id])).toEqual([
      ['create', 9_000_001],
      ['delete', 9_000_001],
      ['update', twin.id],
    ]);
    expect(fake.scenario.comments.filter((c) => c.body.includes(COMMENT_MARKER)).map((c) => [c.id, c.body])).toEqual([[twin.id, BODY]]);
  });

  it('keeps its own when it is the oldest, and ignores a marker planted by someone else', async () => {
    const { fake, client } = await start();
    const now = new Date().toISOString();
    fake.scenario.comments.push({ id: 8_000_000, user: { login: 'mallory', id: 666, type: 'User' }, body: `${COMMENT_MARKER}\nplanted`, created_at: now, updated_at: now });
    const outcome = await upsertComment(client, TARGET, BODY, null, { viewer: VIEWER, since: new Date(Date.now() - 1000) });
    expect(outcome).toEqual({ ok: true, value: { id: 9_000_001, url: 'https://github.com/acme/widgets/pull/42#issuecomment-9000001', action: 'created' } });
    expect(fake.writes.comments.map((w) => w.action)).toEqual(['create']);
  });

  it('keeps the comment it created when the check for a twin fails', async () => {
    const { fake, client } = await start({ faults: [{ kind: 'status', status: 500, times: Infinity, when: { method: 'GET', path: '/comments' } }] });
    const outcome = await upsertComment(client, TARGET, BODY, null, { viewer: VIEWER, since: new Date() });
    expect(outcome).toEqual({ ok: true, value: { id: 9_000_001, url: 'https://github.com/acme/widgets/pull/42#issuecomment-9000001', action: 'created' } });
    expect(fake.writes.comments.map((w) => w.action)).toEqual(['create']);
  });

  it('reports a read-only token instead of throwing', async () => {
    const { client } = await start({ readOnly: true });
    const outcome = await upsertComment(client, TARGET, BODY, null, { viewer: VIEWER, since: new Date() });
    expect(outcome).toEqual({
      ok: false,
      readOnly: true,
      message: 'could not create the PR comment: Resource not accessible by integration - https://docs.github.com/rest (HTTP 403 on POST /repos/acme/widgets/issues/42/comments)',
    });
  });
});

describe('fitCommentBody', () => {
  it('adds the marker when the body lacks it', () => {
    expect(fitCommentBody('hello')).toBe(`${COMMENT_MARKER}\nhello`);
  });

  it('cuts an oversized body to GitHub’s limit and keeps the marker', () => {
    const text = fitCommentBody(`${'x'.repeat(70_000)}\n${COMMENT_MARKER}`);
    expect(text.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(text.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expect(text.endsWith('the job summary has the full text)')).toBe(true);
  });
});
