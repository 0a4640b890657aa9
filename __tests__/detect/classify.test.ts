import { describe, expect, it } from 'vitest';
import { resolveAgents } from '../../src/detect/agents.js';
import { agentOfActor, agentOfIdentity, classifyActor, classifyCommit } from '../../src/detect/classify.js';
import { COPILOT, DEVIN, bot, commit, identity, policyFrom, user } from '../factories.js';

const policy = policyFrom({ bots: ['robobun'] });
const agents = resolveAgents(policy);

describe('classify', () => {
  it('recognises agent accounts under REST and GraphQL spellings', () => {
    expect(agentOfActor(COPILOT, agents)?.id).toBe('copilot');
    expect(agentOfActor({ login: 'copilot-swe-agent', id: null, type: 'Bot' }, agents)?.id).toBe('copilot');
    expect(agentOfActor({ login: 'devin-ai-integration', id: null, type: 'Bot' }, agents)?.id).toBe('devin');
  });

  it('treats the Copilot suggestion account as automation, not the agent and not a human', () => {
    const suggestion = { login: 'Copilot', id: 175728472, type: 'User' as const };
    expect(agentOfActor(suggestion, agents)).toBeNull();
    expect(classifyActor(suggestion, policy, agents)).toBe('bot');
    const suggested = commit(identity(suggestion, '175728472+Copilot@users.noreply.github.com'), 1);
    expect(classifyCommit(suggested, policy, agents)).toBe('bot');
    expect(agentOfIdentity({ name: 'Copilot', email: '175728472+Copilot@users.noreply.github.com', user: null }, agents)).toBeNull();
  });

  it('classifies reviewer bots, policy bots and people', () => {
    expect(classifyActor(bot('cursor'), policy, agents)).toBe('bot');
    expect(classifyActor(user('robobun'), policy, agents)).toBe('bot');
    expect(classifyActor(user('alice'), policy, agents)).toBe('human');
    expect(classifyActor(DEVIN, policy, agents)).toBe('agent');
  });

  it('matches agent commits by git email when GitHub linked no account', () => {
    expect(agentOfIdentity(identity('Cursor Agent', 'cursoragent@cursor.com'), agents)?.id).toBe('cursor');
    expect(agentOfIdentity(identity('Claude', 'noreply@anthropic.com'), agents)?.id).toBe('claude');
    expect(agentOfIdentity(identity('Alice', 'alice@acme.dev'), agents)).toBeNull();
  });
});
