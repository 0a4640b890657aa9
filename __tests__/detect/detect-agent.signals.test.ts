import { describe, expect, it } from 'vitest';
import { detectAgent } from '../../src/detect/detect-agent.js';
import type { Signal } from '../../src/result.js';
import { COPILOT, DEVIN, bot, commit, createSnapshot, event, identity, policyFrom, user } from '../factories.js';

const policy = policyFrom();
const ALICE = user('alice', 1);
const CLAUDE_BOT = bot('claude', 209825114);

function only(signals: Signal[]): string[] {
  return signals.map((signal) => `${signal.agent}:${signal.kind}:${signal.value}`);
}

describe('detectAgent: each built-in agent from each of its signal kinds', () => {
  describe('copilot', () => {
    it('detects the PR author Copilot by its REST login and id', () => {
      const detection = detectAgent(policy, createSnapshot({ author: COPILOT, headRef: 'fix' }));
      expect(detection.agent).toBe('copilot');
      expect(detection.agentName).toBe('GitHub Copilot coding agent');
      expect(only(detection.signals)).toEqual(['copilot:author:Copilot']);
    });

    it('detects the GraphQL spelling copilot-swe-agent without an id', () => {
      const author = { login: 'copilot-swe-agent', id: null, type: 'Bot' as const };
      expect(only(detectAgent(policy, createSnapshot({ author, headRef: 'fix' })).signals)).toEqual(['copilot:author:copilot-swe-agent']);
    });

    it('detects commits authored by Copilot', () => {
      const snapshot = createSnapshot({ commits: [commit(COPILOT, 1), commit(COPILOT, 2), commit(ALICE, 3)] });
      expect(only(detectAgent(policy, snapshot).signals)).toEqual(['copilot:commit-author:Copilot (2 of 3 commits)']);
    });

    it('detects the Copilot tips marker in the body', () => {
      const snapshot = createSnapshot({ body: 'Fixes #12\n\n<!-- START COPILOT CODING AGENT TIPS -->\n---\nTips' });
      expect(only(detectAgent(policy, snapshot).signals)).toEqual(['copilot:body:<!-- START COPILOT CODING AGENT TIPS -->']);
    });

    it('detects a copilot/ branch', () => {
      expect(only(detectAgent(policy, createSnapshot({ headRef: 'copilot/fix-x' })).signals)).toEqual(['copilot:branch:copilot/fix-x']);
    });

    it('detects the copilot-swe-agent[bot] co-author trailer', () => {
      const message = 'Fix it\n\nCo-authored-by: copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>';
      const snapshot = createSnapshot({ commits: [commit(ALICE, 1, { message })] });
      expect(only(detectAgent(policy, snapshot).signals)).toEqual([
        'copilot:trailer:copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>',
      ]);
    });

    it('detects copilot_work_started / copilot_work_finished timeline events', () => {
      const snapshot = createSnapshot({
        timeline: [event('copilot_work_started', COPILOT, 1), event('copilot_work_finished', COPILOT, 9), event('copilot_work_started', COPILOT, 12)],
      });
      expect(only(detectAgent(policy, snapshot).signals)).toEqual(['copilot:timeline:copilot_work_started', 'copilot:timeline:copilot_work_finished']);
    });

    it('detects the agent assigned as copilot-swe-agent[bot]', () => {
      const assignee = { login: 'copilot-swe-agent[bot]', id: 198982749, type: 'Bot' as const };
      const detection = detectAgent(policy, createSnapshot({ assignees: [ALICE, assignee] }));
      expect(detection.agent).toBe('copilot');
      expect(only(detection.signals)).toEqual(['copilot:assignee:copilot-swe-agent[bot]']);
    });

    it('keeps the assignee signal after the agent was unassigned (assigned event)', () => {
      const snapshot = createSnapshot({
        timeline: [event('assigned', ALICE, 0, { subject: COPILOT }), event('unassigned', ALICE, 5, { subject: COPILOT })],
      });
      expect(only(detectAgent(policy, snapshot).signals)).toEqual(['copilot:assignee:Copilot']);
    });
  });

  describe('codex', () => {
    it('detects the codex label', () => {
      const detection = detectAgent(policy, createSnapshot({ labels: ['bug', 'Codex'] }));
      expect(detection.agent).toBe('codex');
      expect(only(detection.signals)).toEqual(['codex:label:Codex']);
    });

    it('detects a codex/ branch', () => {
      expect(only(detectAgent(policy, createSnapshot({ headRef: 'codex/add-retry' })).signals)).toEqual(['codex:branch:codex/add-retry']);
    });

    it('detects the chatgpt.com/codex/tasks link in the body', () => {
      const snapshot = createSnapshot({ body: '## Summary\n- x\n\n------\nhttps://chatgpt.com/codex/tasks/task_e_68a1b2c3d4e5f6' });
      expect(only(detectAgent(policy, snapshot).signals)).toEqual(['codex:body:https://chatgpt.com/codex/tasks/task_e_68a1b2c3d4e5f6']);
    });
  });

  describe('claude', () => {
    it('detects the PR author claude[bot]', () => {
      expect(only(detectAgent(policy, createSnapshot({ author: CLAUDE_BOT })).signals)).toEqual(['claude:author:claude[bot]']);
    });

    it('detects commits by claude[bot] as author or committer', () => {
      const byClaude = commit(CLAUDE_BOT, 1);
      const committed = commit(ALICE, 2, { committer: identity(CLAUDE_BOT) });
      const snapshot = createSnapshot({ commits: [byClaude, committed] });
      expect(only(detectAgent(policy, snapshot).signals)).toEqual(['claude:commit-author:claude[bot] (2 of 2 commits)']);
    });

    it('detects Generated with [Claude Code] in the body', () => {
      const snapshot = createSnapshot({ body: 'Adds retries.\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)' });
      expect(only(detectAgent(policy, snapshot).signals)).toEqual(['claude:body:Generated with [Claude Code]']);
    });

    it('detects a claude/ branch', () => {
      expect(only(detectAgent(policy, createSnapshot({ headRef: 'claude/issue-12-20260302' })).signals)).toEqual([
        'claude:branch:claude/issue-12-20260302',
      ]);
    });

    it.each([
      'Claude <noreply@anthropic.com>',
      'Claude Opus 4.5 <noreply@anthropic.com>',
      'Claude Sonnet 4 <no-reply@anthropic.com>',
      'claude[bot] <209825114+claude[bot]@users.noreply.github.com>',
    ])('detects the co-author trailer %s', (value) => {
      const snapshot = createSnapshot({ commits: [commit(ALICE, 1, { message: `Add retries\n\nCo-Authored-By: ${value}` })] });
      expect(only(detectAgent(policy, snapshot).signals)).toEqual([`claude:trailer:${value}`]);
    });

    it('detects the Claude-Session trailer and the signature line in commit messages', () => {
      const message = 'Add retries\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nClaude-Session: https://claude.ai/code/session_01AbC';
      const snapshot = createSnapshot({ commits: [commit(ALICE, 1, { message })] });
      expect(only(detectAgent(policy, snapshot).signals)).toEqual([
        'claude:trailer:Generated with [Claude Code]',
        'claude:trailer:Claude-Session: https://claude.ai/code/',
      ]);
    });

    it('does not take a human named Claude with another email for the agent', () => {
      const snapshot = createSnapshot({ commits: [commit(ALICE, 1, { message: 'x\n\nCo-authored-by: Claude Monet <claude@monet.fr>' })] });
      expect(detectAgent(policy, snapshot).agent).toBeNull();
    });
  });

  describe('devin', () => {
    it('detects the PR author devin-ai-integration[bot]', () => {
      expect(only(detectAgent(policy, createSnapshot({ author: DEVIN })).signals)).toEqual(['devin:author:devin-ai-integration[bot]']);
    });

    it('detects commits by Devin through the git email alone', () => {
      const devinIdentity = identity('Devin AI', '158243242+devin-ai-integration[bot]@users.noreply.github.com');
      const snapshot = createSnapshot({ commits: [commit(devinIdentity, 1)] });
      expect(only(detectAgent(policy, snapshot).signals)).toEqual(['devin:commit-author:Devin AI (1 of 1 commit)']);
    });

    it.each([
      ['Link to Devin run: https://app.devin.ai/sessions/0123456789abcdef0123456789abcdef', 'Link to Devin run: https://app.devin.ai/sessions/'],
      ['**Link to Devin run:** https://app.devin.ai/sessions/abc', 'Link to Devin run:** https://app.devin.ai/sessions/'],
      ['### Link to Devin run\nhttps://app.devin.ai/sessions/abc', 'Link to Devin run\nhttps://app.devin.ai/sessions/'],
    ])('detects the Devin run link in %j', (body, evidence) => {
      expect(only(detectAgent(policy, createSnapshot({ body })).signals)).toEqual([`devin:body:${evidence}`]);
    });

    it('detects a devin/ branch', () => {
      expect(only(detectAgent(policy, createSnapshot({ headRef: 'devin/1750235416-qa-agent' })).signals)).toEqual([
        'devin:branch:devin/1750235416-qa-agent',
      ]);
    });

    it('detects the Devin AI co-author trailer', () => {
      const value = 'Devin AI <158243242+devin-ai-integration[bot]@users.noreply.github.com>';
      const snapshot = createSnapshot({ commits: [commit(ALICE, 1, { message: `Fix\n\nCo-authored-by: ${value}` })] });
      expect(only(detectAgent(policy, snapshot).signals)).toEqual([`devin:trailer:${value}`]);
    });
  });

  describe('cursor', () => {
    it('detects commits by the cursoragent account', () => {
      const cursoragent = user('cursoragent', 199161495);
      const snapshot = createSnapshot({ commits: [commit(identity(cursoragent, 'cursoragent@cursor.com'), 1), commit(ALICE, 2)] });
      expect(only(detectAgent(policy, snapshot).signals)).toEqual(['cursor:commit-author:cursoragent (1 of 2 commits)']);
    });

    it('detects the Cursor Agent git identity without a linked account', () => {
      const snapshot = createSnapshot({ commits: [commit(identity('Cursor Agent', 'cursoragent@cursor.com'), 1)] });
      expect(only(detectAgent(policy, snapshot).signals)).toEqual(['cursor:commit-author:Cursor Agent (1 of 1 commit)']);
    });

    it('detects the Cursor co-author trailer', () => {
      const snapshot = createSnapshot({ commits: [commit(ALICE, 1, { message: 'Tweak\n\nCo-authored-by: Cursor <cursoragent@cursor.com>' })] });
      expect(only(detectAgent(policy, snapshot).signals)).toEqual(['cursor:trailer:Cursor <cursoragent@cursor.com>']);
    });

    it('detects a cursor/ branch', () => {
      expect(only(detectAgent(policy, createSnapshot({ headRef: 'cursor/switch-to-haiku-8532' })).signals)).toEqual([
        'cursor:branch:cursor/switch-to-haiku-8532',
      ]);
    });

    it('detects the cursor.com/agents link in the body', () => {
      const snapshot = createSnapshot({ body: '[Open in Cursor](https://cursor.com/agents/bc-1234-abcd)' });
      expect(only(detectAgent(policy, snapshot).signals)).toEqual(['cursor:body:https://cursor.com/agents/']);
    });
  });
});
