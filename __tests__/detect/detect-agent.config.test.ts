import { describe, expect, it } from 'vitest';
import { BUILTIN_AGENTS, resolveAgents } from '../../src/detect/agents.js';
import { detectAgent } from '../../src/detect/detect-agent.js';
import type { Signal } from '../../src/result.js';
import { COPILOT, bot, commit, createSnapshot, identity, policyFrom, user } from '../factories.js';

const ALICE = user('alice', 1);

function only(signals: Signal[]): string[] {
  return signals.map((signal) => `${signal.agent}:${signal.kind}:${signal.value}`);
}

describe('detectAgent with agents from the policy', () => {
  it('detects a custom agent by its author login', () => {
    const policy = policyFrom({ agents: [{ id: 'release-bot', name: 'Release bot', authors: ['acme-release[bot]'] }] });
    const detection = detectAgent(policy, createSnapshot({ author: bot('acme-release') }));
    expect(detection.agent).toBe('release-bot');
    expect(detection.agentName).toBe('Release bot');
    expect(only(detection.signals)).toEqual(['release-bot:author:acme-release[bot]']);
  });

  it('detects a custom agent by author id even when the login changed', () => {
    const policy = policyFrom({ agents: [{ id: 'release-bot', 'author-ids': [777] }] });
    const detection = detectAgent(policy, createSnapshot({ author: { login: 'renamed-bot[bot]', id: 777, type: 'Bot' } }));
    expect(detection.agent).toBe('release-bot');
    expect(detection.agentName).toBe('release-bot');
  });

  it('detects a generic agent by label, with the human author as requester', () => {
    const policy = policyFrom({ agents: [{ id: 'agent', labels: ['agent', 'ai-generated'] }] });
    const detection = detectAgent(policy, createSnapshot({ labels: ['AI-Generated'] }));
    expect(detection.agent).toBe('agent');
    expect(detection.requester).toBe('alice');
    expect(only(detection.signals)).toEqual(['agent:label:AI-Generated']);
  });

  it('prefers a specific agent over the generic label when both apply', () => {
    const policy = policyFrom({ agents: [{ id: 'agent', labels: ['agent'] }] });
    const detection = detectAgent(policy, createSnapshot({ labels: ['agent', 'codex'], headRef: 'codex/x' }));
    expect(detection.agent).toBe('codex');
    expect(only(detection.signals)).toEqual(['codex:branch:codex/x', 'codex:label:codex', 'agent:label:agent']);
  });

  it('detects a custom agent by commit authors, branches, body and trailers', () => {
    const policy = policyFrom({
      agents: [
        {
          id: 'acme-coder',
          'commit-authors': ['acme-coder@acme.dev'],
          branches: ['acme-coder/*'],
          body: ['Task: ACME-\\d+'],
          trailers: ['<acme-coder@acme\\.dev>'],
        },
      ],
    });
    const snapshot = createSnapshot({
      headRef: 'acme-coder/task-9',
      body: 'Task: ACME-991',
      commits: [commit(identity('Acme Coder', 'acme-coder@acme.dev'), 1), commit(ALICE, 2, { message: 'x\n\nCo-authored-by: Acme Coder <acme-coder@acme.dev>' })],
    });
    expect(only(detectAgent(policy, snapshot).signals)).toEqual([
      'acme-coder:commit-author:Acme Coder (1 of 2 commits)',
      'acme-coder:body:Task: ACME-991',
      'acme-coder:branch:acme-coder/task-9',
      'acme-coder:trailer:Acme Coder <acme-coder@acme.dev>',
    ]);
  });

  it('overrides a built-in by id, keeping the fields it does not set', () => {
    const policy = policyFrom({ agents: [{ id: 'codex', branches: [], labels: ['codex', 'openai'] }] });
    expect(detectAgent(policy, createSnapshot({ headRef: 'codex/hand-made' })).agent).toBeNull();
    expect(detectAgent(policy, createSnapshot({ labels: ['openai'] })).agent).toBe('codex');
    expect(detectAgent(policy, createSnapshot({ body: 'https://chatgpt.com/codex/tasks/task_e_1' })).agent).toBe('codex');
    const codex = resolveAgents(policy).find((agent) => agent.id === 'codex');
    expect(codex?.name).toBe('OpenAI Codex');
  });

  it('turns a built-in off with enabled: false', () => {
    const policy = policyFrom({ agents: [{ id: 'copilot', enabled: false }] });
    const snapshot = createSnapshot({ author: COPILOT, headRef: 'copilot/fix' });
    const detection = detectAgent(policy, snapshot);
    expect(detection.agent).toBeNull();
    expect(resolveAgents(policy).map((agent) => agent.id)).toEqual(['codex', 'claude', 'devin', 'cursor']);
  });

  it('resolves the built-ins in their order, then new agents', () => {
    const policy = policyFrom({ agents: [{ id: 'agent', labels: ['agent'] }] });
    expect(resolveAgents(policy).map((agent) => agent.id)).toEqual([...BUILTIN_AGENTS.map((agent) => agent.id), 'agent']);
  });

  it('does not count the bots: list as humans when finding the requester', () => {
    const policy = policyFrom({ bots: ['robobun'], agents: [{ id: 'agent', labels: ['agent'] }] });
    const detection = detectAgent(policy, createSnapshot({ author: user('robobun'), labels: ['agent'] }));
    expect(detection.agent).toBe('agent');
    expect(detection.requester).toBeNull();
    expect(detection.requesterSource).toBeNull();
  });
});
