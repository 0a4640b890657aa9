import { describe, expect, it } from 'vitest';
import { detectAgent } from '../../src/detect/detect-agent.js';
import type { Signal } from '../../src/result.js';
import { COPILOT, DEVIN, bot, comment, commit, createSnapshot, event, identity, policyFrom, review, user } from '../factories.js';

const policy = policyFrom();
const ALICE = user('alice', 1);
const SUGGESTION = 'Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>';

function only(signals: Signal[]): string[] {
  return signals.map((signal) => `${signal.agent}:${signal.kind}:${signal.value}`);
}

describe('detectAgent when several agents leave signals', () => {
  it('ignores accepted Copilot review suggestions inside a Codex PR', () => {
    const snapshot = createSnapshot({
      headRef: 'codex/add-retry',
      labels: ['codex'],
      commits: [commit(ALICE, 1), commit(ALICE, 5, { message: `Apply suggestion from code review\n\n${SUGGESTION}` })],
    });
    const detection = detectAgent(policy, snapshot);
    expect(detection.agent).toBe('codex');
    expect(only(detection.signals)).toEqual(['codex:branch:codex/add-retry', 'codex:label:codex']);
  });

  it('never detects the Copilot suggestion trailer alone, nor a commit authored as that account', () => {
    const suggestionAccount = { login: 'Copilot', id: 175728472, type: 'User' as const };
    const snapshot = createSnapshot({
      commits: [
        commit(ALICE, 1, { message: `Apply suggestion\n\n${SUGGESTION}` }),
        commit(identity(suggestionAccount, '175728472+Copilot@users.noreply.github.com'), 2),
      ],
    });
    const detection = detectAgent(policy, snapshot);
    expect(detection.agent).toBeNull();
    expect(detection.signals).toEqual([]);
  });

  it('never takes the suggestion trailer as a signal, even for a pattern that would match it', () => {
    const custom = policyFrom({ agents: [{ id: 'copilot', trailers: ['Copilot'] }] });
    const snapshot = createSnapshot({ commits: [commit(ALICE, 1, { message: `Apply suggestion\n\n${SUGGESTION}` })] });
    expect(detectAgent(custom, snapshot).agent).toBeNull();
  });

  it('ranks a codex/ branch above a Claude trailer on a human PR', () => {
    const snapshot = createSnapshot({
      headRef: 'codex/tidy-imports',
      commits: [commit(ALICE, 1, { message: 'Tidy imports\n\nCo-Authored-By: Claude <noreply@anthropic.com>' })],
    });
    const detection = detectAgent(policy, snapshot);
    expect(detection.agent).toBe('codex');
    expect(only(detection.signals)).toEqual(['codex:branch:codex/tidy-imports', 'claude:trailer:Claude <noreply@anthropic.com>']);
    expect(detection.reason).toBe(
      'OpenAI Codex (codex): branch codex/tidy-imports (weak signals only); outranks claude (commit trailer Claude <noreply@anthropic.com>)',
    );
  });

  it('ranks a Claude body signature above a codex/ branch', () => {
    const snapshot = createSnapshot({ headRef: 'codex/tidy', body: '🤖 Generated with [Claude Code](https://claude.ai/code)' });
    expect(detectAgent(policy, snapshot).agent).toBe('claude');
  });

  it('keeps Devin for a Devin PR that Cursor Bugbot reviewed and commented on', () => {
    const cursorBot = bot('cursor', 206951365);
    const snapshot = createSnapshot({
      author: DEVIN,
      reviews: [review(cursorBot, 'COMMENTED', 3)],
      comments: [comment(cursorBot, 3, 'Bugbot: potential null dereference')],
    });
    const detection = detectAgent(policy, snapshot);
    expect(detection.agent).toBe('devin');
    expect(only(detection.signals)).toEqual(['devin:author:devin-ai-integration[bot]']);
  });

  it('picks the agent with the most commits when both only have commit identities', () => {
    const cursorCommit = identity('Cursor Agent', 'cursoragent@cursor.com');
    const snapshot = createSnapshot({ commits: [commit(cursorCommit, 1), commit(COPILOT, 2), commit(cursorCommit, 3)] });
    const detection = detectAgent(policy, snapshot);
    expect(detection.agent).toBe('cursor');
    expect(only(detection.signals)).toEqual(['cursor:commit-author:Cursor Agent (2 of 3 commits)', 'copilot:commit-author:Copilot (1 of 3 commits)']);
  });

  it('lets the PR author outrank commit identities of another agent', () => {
    const cursorCommit = identity('Cursor Agent', 'cursoragent@cursor.com');
    const snapshot = createSnapshot({ author: DEVIN, commits: [commit(cursorCommit, 1), commit(cursorCommit, 2), commit(DEVIN, 3)] });
    expect(detectAgent(policy, snapshot).agent).toBe('devin');
  });

  it('lets the real PR author win a tie with an assigned agent', () => {
    const snapshot = createSnapshot({ author: DEVIN, assignees: [COPILOT] });
    const detection = detectAgent(policy, snapshot);
    expect(detection.agent).toBe('devin');
    expect(only(detection.signals)).toEqual(['devin:author:devin-ai-integration[bot]', 'copilot:assignee:Copilot']);
  });

  it('lets Copilot work events outrank a foreign branch name', () => {
    const snapshot = createSnapshot({ headRef: 'cursor/fix', timeline: [event('copilot_work_started', COPILOT, 1)] });
    expect(detectAgent(policy, snapshot).agent).toBe('copilot');
  });

  it('breaks a tie on the strongest kind by the further signals', () => {
    const snapshot = createSnapshot({
      headRef: 'codex/fix',
      labels: ['codex'],
      commits: [commit(ALICE, 1, { message: 'x\n\nCo-authored-by: Cursor <cursoragent@cursor.com>' })],
      body: '',
    });
    const withCursorBranch = { ...snapshot, headRef: 'cursor/fix' };
    expect(detectAgent(policy, snapshot).agent).toBe('codex');
    // cursor: branch + trailer; codex: label only
    expect(detectAgent(policy, withCursorBranch).agent).toBe('cursor');
  });
});

describe('detectAgent on PRs that are not agent PRs', () => {
  it('says why a plain human PR is not an agent PR', () => {
    const detection = detectAgent(policy, createSnapshot({ commits: [commit(ALICE, 1)] }));
    expect(detection).toEqual({
      agent: null,
      agentName: null,
      requester: null,
      requesterSource: null,
      signals: [],
      reason: 'no agent signal: author alice, branch fix-widget',
    });
  });

  it('does not detect Dependabot', () => {
    const dependabot = bot('dependabot', 49699333);
    const snapshot = createSnapshot({
      author: dependabot,
      headRef: 'dependabot/npm_and_yarn/lodash-4.17.21',
      labels: ['dependencies'],
      commits: [commit(dependabot, 1, { message: 'Bump lodash\n\nSigned-off-by: dependabot[bot] <support@github.com>' })],
    });
    const detection = detectAgent(policy, snapshot);
    expect(detection.agent).toBeNull();
    expect(detection.reason).toBe('no agent signal: author dependabot[bot], branch dependabot/npm_and_yarn/lodash-4.17.21');
  });

  it('does not detect Renovate', () => {
    const renovate = bot('renovate', 29139614);
    const snapshot = createSnapshot({ author: renovate, headRef: 'renovate/vitest-4.x', commits: [commit(renovate, 1)] });
    expect(detectAgent(policy, snapshot).agent).toBeNull();
  });

  it.each(['copilot-pull-request-reviewer', 'chatgpt-codex-connector', 'cursor', 'coderabbitai', 'gemini-code-assist'])(
    'never detects the reviewer bot %s[bot] as an agent, wherever it appears',
    (login) => {
      const reviewer = bot(login);
      const snapshot = createSnapshot({
        author: reviewer,
        assignees: [reviewer],
        commits: [commit(reviewer, 1, { message: `Apply fix\n\nCo-authored-by: ${reviewer.login} <${reviewer.id}+${reviewer.login}@users.noreply.github.com>` })],
        reviews: [review(reviewer, 'CHANGES_REQUESTED', 2)],
        comments: [comment(reviewer, 2)],
        timeline: [event('review_requested', ALICE, 1, { subject: reviewer })],
      });
      expect(detectAgent(policy, snapshot).agent).toBeNull();
    },
  );

  it('does not take a Copilot Autofix trailer for the coding agent', () => {
    const message = 'Fix alert\n\nCo-authored-by: Copilot Autofix powered by AI <62310815+github-advanced-security[bot]@users.noreply.github.com>';
    expect(detectAgent(policy, createSnapshot({ commits: [commit(ALICE, 1, { message })] })).agent).toBeNull();
  });

  it('does not match a branch that merely contains an agent name', () => {
    expect(detectAgent(policy, createSnapshot({ headRef: 'fix/codex-docs' })).agent).toBeNull();
    expect(detectAgent(policy, createSnapshot({ headRef: 'copilot-fix' })).agent).toBeNull();
    expect(detectAgent(policy, createSnapshot({ headRef: 'users/bob/claude/x' })).agent).toBeNull();
  });
});
