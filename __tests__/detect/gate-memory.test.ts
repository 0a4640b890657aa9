import { describe, expect, it } from 'vitest';
import {
  agentOfStatusDescription,
  applyGateMemory,
  gatedSince,
  recallAgent,
  statusDescription,
  UNKNOWN_AGENT,
} from '../../src/detect/gate-memory.js';
import { buildGateState, parseGateState, withGateState, type GateState } from '../../src/gate-state.js';
import type { Detection, GateResult } from '../../src/result.js';
import type { GateMemory } from '../../src/snapshot.js';
import { gateState } from '../factories.js';

const HUMAN: Detection = {
  agent: null,
  agentName: null,
  requester: null,
  requesterSource: null,
  signals: [],
  reason: 'no agent signal: author alice, branch fix-network',
};

const CURSOR_NOW: Detection = {
  agent: 'cursor',
  agentName: 'Cursor',
  requester: 'alice',
  requesterSource: 'PR author',
  signals: [{ kind: 'branch', agent: 'cursor', value: 'cursor/fix' }],
  reason: 'branch cursor/fix',
};

const STATE: GateState = gateState();

function memory(parts: Partial<GateMemory> = {}): GateMemory {
  return { state: null, statuses: [], deletedComments: [], ...parts };
}

const AGENTS = [{ id: 'cursor', name: 'Cursor' }];

describe('statusDescription / agentOfStatusDescription', () => {
  it('names the agent first and reads it back', () => {
    const description = statusDescription('cursor', 'denied: fetches https://evil.example (network)');
    expect(description).toBe('[cursor] denied: fetches https://evil.example (network)');
    expect(agentOfStatusDescription(description)).toBe('cursor');
  });

  it('reads no agent from descriptions that name none', () => {
    expect(statusDescription(null, 'not an agent PR')).toBe('not an agent PR');
    for (const text of ['not an agent PR', 'denied: x (network)', 'policy error: a.yml:1:1: bad', 'merge queue: every PR in this group passed', '[] x', '[a b] x']) {
      expect(agentOfStatusDescription(text)).toBeNull();
    }
  });
});

describe('recallAgent', () => {
  it('remembers nothing without memory', () => {
    expect(recallAgent(undefined)).toBeNull();
    expect(recallAgent(memory())).toBeNull();
    expect(recallAgent(memory({ statuses: [{ sha: 'c'.repeat(40), state: 'success', description: 'not an agent PR', at: '2026-03-02T09:00:00Z' }] }))).toBeNull();
  });

  it('prefers the state of our comment, with its since', () => {
    expect(recallAgent(memory({ state: STATE }))).toEqual({ agent: 'cursor', requester: 'alice', since: '2026-03-02T09:00:00Z', evidence: 'its comment' });
  });

  it('falls back to our statuses on earlier heads, latest agent, earliest time', () => {
    const recalled = recallAgent(
      memory({
        statuses: [
          { sha: '1'.repeat(40), state: 'failure', description: '[codex] denied: x', at: '2026-03-02T08:00:00Z' },
          { sha: '2'.repeat(40), state: 'failure', description: '[cursor] denied: y', at: '2026-03-02T09:30:00Z' },
        ],
      }),
    );
    expect(recalled).toEqual({ agent: 'cursor', requester: null, since: '2026-03-02T08:00:00Z', evidence: 'its status on 2222222' });
  });

  it('keeps a PR gated when our comment was deleted, even with nothing naming the agent', () => {
    const recalled = recallAgent(memory({ deletedComments: [{ at: '2026-03-02T11:00:00Z', by: 'alice' }] }));
    expect(recalled).toEqual({ agent: UNKNOWN_AGENT, requester: null, since: '2026-03-02T11:00:00Z', evidence: 'its comment, deleted by alice' });
  });

  it('a state that says "not an agent PR" remembers nothing by itself', () => {
    expect(recallAgent(memory({ state: { ...STATE, agent: null, verdict: 'skipped', since: null } }))).toBeNull();
  });
});

describe('applyGateMemory', () => {
  it('keeps a PR whose signals were removed gated as the remembered agent, and says so', () => {
    const detection = applyGateMemory(HUMAN, memory({ state: STATE }), { agents: AGENTS });
    expect(detection.agent).toBe('cursor');
    expect(detection.agentName).toBe('Cursor');
    expect(detection.requester).toBe('alice');
    expect(detection.reason).toMatch(/^gated since 2026-03-02T09:00:00Z as cursor; signals since removed/);
    expect(detection.memory).toBe(detection.reason);
  });

  it('does not let a different agent replace the remembered one', () => {
    const detection = applyGateMemory({ ...CURSOR_NOW, agent: 'codex', agentName: 'OpenAI Codex' }, memory({ state: STATE }), { agents: AGENTS });
    expect(detection.agent).toBe('cursor');
    expect(detection.reason).toContain('detection now points to codex');
  });

  it('pins the remembered requester: rewritten trailers do not hand the role to someone else', () => {
    const detection = applyGateMemory({ ...CURSOR_NOW, requester: 'bob', requesterSource: 'co-author trailer' }, memory({ state: STATE }), { agents: AGENTS });
    expect(detection.agent).toBe('cursor');
    expect(detection.requester).toBe('alice');
    expect(detection.requesterSource).toBe("the gate's memory");
    expect(detection.memory).toBeUndefined();
  });

  it('takes a human PR author as the requester when the memory names none', () => {
    const statuses = [{ sha: '1'.repeat(40), state: 'failure', description: '[cursor] denied: x', at: '2026-03-02T08:00:00Z' }];
    const detection = applyGateMemory(HUMAN, memory({ statuses }), { agents: AGENTS, author: { login: 'alice', id: 1, type: 'User' } });
    expect([detection.agent, detection.requester, detection.requesterSource]).toEqual(['cursor', 'alice', 'PR author']);
    const byBot = applyGateMemory(HUMAN, memory({ statuses }), { author: { login: 'devin-ai-integration[bot]', id: 2, type: 'Bot' } });
    expect([byBot.requester, byBot.requesterSource]).toEqual([null, null]);
  });

  it('changes nothing without memory or when detection agrees', () => {
    expect(applyGateMemory(HUMAN, undefined)).toBe(HUMAN);
    expect(applyGateMemory(HUMAN, memory())).toBe(HUMAN);
    expect(applyGateMemory(CURSOR_NOW, memory({ state: STATE }))).toEqual(CURSOR_NOW);
  });
});

describe('the state a run writes', () => {
  const result = {
    verdict: 'fail',
    summary: 'denied',
    pr: { number: 1, headSha: 'd'.repeat(40), url: '', title: '', repo: { owner: 'o', name: 'r' }, state: 'open' },
    detection: CURSOR_NOW,
    findings: [
      { category: 'network', level: 'deny', files: ['a'], message: 'm', locations: [], reviewers: [], satisfied: false },
      { category: 'network', level: 'deny', files: ['b'], message: 'm2', locations: [], reviewers: [], satisfied: false },
      { category: 'custom', rule: 'no-todo', level: 'review', files: ['c'], message: 'm3', locations: [], reviewers: [], satisfied: false },
    ],
    reviews: null,
    metrics: null,
    incomplete: [],
    evaluatedAt: '2026-03-02T12:00:00.000Z',
  } satisfies GateResult;

  it('records agent, requester, verdict, head, times and one finding per category, level and rule', () => {
    const state = buildGateState(result, gatedSince(result.detection, memory({ state: STATE }), result.evaluatedAt));
    expect(state).toEqual({
      v: 1,
      agent: 'cursor',
      requester: 'alice',
      verdict: 'fail',
      headSha: 'd'.repeat(40),
      at: '2026-03-02T12:00:00.000Z',
      since: '2026-03-02T09:00:00Z',
      findings: [
        { category: 'network', level: 'deny' },
        { category: 'custom', level: 'review', rule: 'no-todo' },
      ],
      override: null,
    });
  });

  it('starts `since` now on a first judgement and clears it on a PR that is not an agent’s', () => {
    expect(gatedSince(CURSOR_NOW, undefined, '2026-03-02T12:00:00Z')).toBe('2026-03-02T12:00:00Z');
    expect(buildGateState({ ...result, verdict: 'skipped', detection: HUMAN, findings: [] }, 'x').since).toBeNull();
  });

  it('puts the state right after the marker line, where cutting the end cannot reach it', () => {
    const body = withGateState('<!-- agent-pr-gate -->\n### Failed\ntext', STATE);
    const lines = body.split('\n');
    expect(lines[0]).toBe('<!-- agent-pr-gate -->');
    expect(parseGateState(lines[1] ?? '')).toEqual(STATE);
    expect(lines.slice(2)).toEqual(['### Failed', 'text']);
  });
});
