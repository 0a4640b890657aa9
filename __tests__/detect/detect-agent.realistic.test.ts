import { describe, expect, it } from 'vitest';
import { detectAgent } from '../../src/detect/detect-agent.js';
import type { Signal } from '../../src/result.js';
import {
  COPILOT,
  DEVIN,
  bot,
  comment,
  commit,
  copilotSnapshot,
  createSnapshot,
  event,
  identity,
  policyFrom,
  review,
  user,
} from '../factories.js';

const policy = policyFrom();
const ALICE = user('alice', 1);
const BOB = user('bob', 2);

function only(signals: Signal[]): string[] {
  return signals.map((signal) => `${signal.agent}:${signal.kind}:${signal.value}`);
}

describe('detectAgent on realistic agent PRs', () => {
  it('a Copilot PR: [WIP] title, Initial plan commit, human co-author, work events', () => {
    const trailer = 'Co-authored-by: alice <1+alice@users.noreply.github.com>';
    const snapshot = copilotSnapshot({
      title: '[WIP] Fix the widget crash on empty input',
      draft: true,
      body: 'Thanks for assigning this issue to me.\n\nFixes #12.\n\n<!-- START COPILOT CODING AGENT TIPS -->\n---\n💡 Tip',
      commits: [
        commit(COPILOT, 1, { message: `Initial plan\n\n${trailer}` }),
        commit(COPILOT, 8, { message: `Handle empty input in widget parser\n\n${trailer}` }),
      ],
      timeline: [
        event('assigned', ALICE, -5, { subject: COPILOT }),
        event('copilot_work_started', COPILOT, 0),
        event('review_requested', COPILOT, 10, { subject: ALICE }),
        event('copilot_work_finished', COPILOT, 10),
      ],
      reviews: [review(bot('copilot-pull-request-reviewer'), 'COMMENTED', 12)],
    });
    const detection = detectAgent(policy, snapshot);
    expect(detection).toEqual({
      agent: 'copilot',
      agentName: 'GitHub Copilot coding agent',
      requester: 'alice',
      requesterSource: 'assigned the agent',
      signals: [
        { kind: 'author', agent: 'copilot', value: 'Copilot' },
        { kind: 'assignee', agent: 'copilot', value: 'Copilot' },
        { kind: 'timeline', agent: 'copilot', value: 'copilot_work_started' },
        { kind: 'timeline', agent: 'copilot', value: 'copilot_work_finished' },
        { kind: 'commit-author', agent: 'copilot', value: 'Copilot (2 of 2 commits)' },
        { kind: 'body', agent: 'copilot', value: '<!-- START COPILOT CODING AGENT TIPS -->' },
        { kind: 'branch', agent: 'copilot', value: 'copilot/fix-widget' },
      ],
      reason: 'GitHub Copilot coding agent (copilot): PR author Copilot',
    });
  });

  it('a Codex PR authored by a human, labeled codex, with the task link', () => {
    const snapshot = createSnapshot({
      author: ALICE,
      title: 'Add retry to the fetch helper',
      body: '## Summary\n- add retries\n\n## Testing\n- ✅ `npm test`\n\n------\nhttps://chatgpt.com/codex/tasks/task_e_6845a1b2c3d48191',
      headRef: 'codex/add-retry-to-fetch',
      labels: ['codex'],
      commits: [commit(ALICE, 1, { message: 'Add retry to fetch helper' })],
      timeline: [event('labeled', ALICE, 0, { label: 'codex' })],
      reviews: [review(bot('chatgpt-codex-connector'), 'COMMENTED', 5)],
    });
    const detection = detectAgent(policy, snapshot);
    expect(detection.agent).toBe('codex');
    expect(detection.agentName).toBe('OpenAI Codex');
    expect(detection.requester).toBe('alice');
    expect(detection.requesterSource).toBe('PR author');
    expect(only(detection.signals)).toEqual([
      'codex:body:https://chatgpt.com/codex/tasks/task_e_6845a1b2c3d48191',
      'codex:branch:codex/add-retry-to-fetch',
      'codex:label:codex',
    ]);
    expect(detection.reason).toBe('OpenAI Codex (codex): PR body https://chatgpt.com/codex/tasks/task_e_6845a1b2c3d48191');
  });

  it('a Devin PR with Requested by and the run link', () => {
    const devinCommit = identity('Devin AI', '158243242+devin-ai-integration[bot]@users.noreply.github.com');
    const snapshot = createSnapshot({
      author: DEVIN,
      title: 'Add typed config loader',
      body: '# Add typed config loader\n\nLink to Devin run: https://app.devin.ai/sessions/4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e\nRequested by: Joe Moura (@joaomdmoura)',
      headRef: 'devin/1750235416-typed-config',
      commits: [
        commit({ ...devinCommit, user: DEVIN }, 1, { message: 'Add typed config loader\n\nCo-Authored-By: Joe Moura <joao@crewai.com>' }),
      ],
    });
    const detection = detectAgent(policy, snapshot);
    expect(detection.agent).toBe('devin');
    expect(detection.requester).toBe('joaomdmoura');
    expect(detection.requesterSource).toBe('Requested by: line');
    expect(only(detection.signals)).toEqual([
      'devin:author:devin-ai-integration[bot]',
      'devin:commit-author:devin-ai-integration[bot] (1 of 1 commit)',
      'devin:body:Link to Devin run: https://app.devin.ai/sessions/',
      'devin:branch:devin/1750235416-typed-config',
    ]);
  });

  it('a Claude Code PR from a laptop: human author, signature and trailers', () => {
    const message = 'Refactor the parser\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>';
    const snapshot = createSnapshot({
      author: BOB,
      body: '## Summary\n- split the parser\n\n🤖 Generated with [Claude Code](https://claude.ai/code)',
      headRef: 'refactor-parser',
      commits: [commit(BOB, 1, { message }), commit(BOB, 2, { message: 'Fix lint\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>' })],
    });
    const detection = detectAgent(policy, snapshot);
    expect(detection.agent).toBe('claude');
    expect(detection.requester).toBe('bob');
    expect(detection.requesterSource).toBe('PR author');
    expect(only(detection.signals)).toEqual([
      'claude:body:Generated with [Claude Code]',
      'claude:trailer:Claude <noreply@anthropic.com>',
      'claude:trailer:Claude Opus 4.5 <noreply@anthropic.com>',
      'claude:trailer:Generated with [Claude Code]',
    ]);
  });

  it('a Claude GitHub App PR: claude[bot] author, requester from its co-author trailer', () => {
    const claudeBot = bot('claude', 209825114);
    const snapshot = createSnapshot({
      author: claudeBot,
      headRef: 'claude/issue-31-20260302-0900',
      commits: [commit(claudeBot, 1, { message: 'Fix #31\n\nCo-authored-by: bob <2+bob@users.noreply.github.com>' })],
    });
    const detection = detectAgent(policy, snapshot);
    expect(detection.agent).toBe('claude');
    expect(detection.requester).toBe('bob');
    expect(detection.requesterSource).toBe('co-author trailer');
  });

  it('a Cursor PR: human author, cursoragent commits, Bugbot review', () => {
    const cursoragent = user('cursoragent', 199161495);
    const snapshot = createSnapshot({
      author: ALICE,
      headRef: 'cursor/switch-to-haiku-8532',
      body: 'Switches the summariser to Haiku.\n\n<a href="https://cursor.com/agents/bc-0f4e">Open in Cursor</a>',
      commits: [
        commit(identity(cursoragent, 'cursoragent@cursor.com'), 1, { message: 'Switch to haiku\n\nCo-authored-by: alice <1+alice@users.noreply.github.com>' }),
        commit(identity(cursoragent, 'cursoragent@cursor.com'), 2),
      ],
      reviews: [review(bot('cursor'), 'COMMENTED', 4)],
      comments: [comment(bot('cursor'), 4, 'Bugbot found 1 bug')],
    });
    const detection = detectAgent(policy, snapshot);
    expect(detection.agent).toBe('cursor');
    expect(detection.agentName).toBe('Cursor background agent');
    expect(detection.requester).toBe('alice');
    expect(only(detection.signals)).toEqual([
      'cursor:commit-author:cursoragent (2 of 2 commits)',
      'cursor:body:https://cursor.com/agents/',
      'cursor:branch:cursor/switch-to-haiku-8532',
    ]);
  });
});
