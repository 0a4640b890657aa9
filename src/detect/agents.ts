import type { AgentDefinition, Policy } from '../config/policy.js';

/**
 * Built-in agent definitions (docs/policy-reference.md, "Built-in agents"), from identifiers seen on real agent PRs. Patterns (`body`,
 * `trailers`) use RE2 syntax and are matched case-insensitively. Users override a definition by id
 * in the policy's `agents:` list, or turn it off with `enabled: false`.
 */
export const BUILTIN_AGENTS: readonly AgentDefinition[] = [
  {
    id: 'copilot',
    name: 'GitHub Copilot coding agent',
    enabled: true,
    authors: ['Copilot', 'copilot-swe-agent[bot]'],
    authorIds: [198982749],
    commitAuthors: ['Copilot', 'copilot-swe-agent[bot]', '198982749+Copilot@users.noreply.github.com'],
    branches: ['copilot/**'],
    labels: [],
    body: ['<!-- START COPILOT CODING AGENT TIPS -->'],
    trailers: ['copilot-swe-agent\\[bot\\]', '198982749\\+Copilot@users\\.noreply\\.github\\.com'],
  },
  {
    id: 'codex',
    name: 'OpenAI Codex',
    enabled: true,
    // Codex opens PRs from the human's own account and pushes as that human: no agent identity.
    authors: [],
    authorIds: [],
    commitAuthors: [],
    branches: ['codex/**'],
    labels: ['codex'],
    body: ['https://chatgpt\\.com/codex/tasks/task_[A-Za-z0-9_]+'],
    trailers: [],
  },
  {
    id: 'claude',
    name: 'Claude Code',
    enabled: true,
    authors: ['claude[bot]', 'claude-code[bot]'],
    authorIds: [209825114],
    commitAuthors: ['claude[bot]', 'claude-code[bot]', 'noreply@anthropic.com', 'no-reply@anthropic.com'],
    branches: ['claude/**'],
    labels: [],
    // `🤖 Generated with [Claude Code](https://claude.ai/code)` (newer: claude.com/claude-code) in
    // PR bodies and commit messages; the `Claude-Session:` trailer links the web session.
    body: ['Generated with \\[Claude Code\\]', 'Claude-Session:\\s*https://claude\\.(ai|com)/code/'],
    // Any model name: `Claude <noreply@anthropic.com>`, `Claude Opus 4.5 <noreply@anthropic.com>`,
    // `Claude <no-reply@anthropic.com>`; and the GitHub App's `claude[bot] <209825114+claude[bot]@…>`.
    trailers: ['^Claude\\b[^<]*<(noreply|no-reply)@anthropic\\.com>$', 'claude\\[bot\\]'],
  },
  {
    id: 'devin',
    name: 'Devin',
    enabled: true,
    authors: ['devin-ai-integration[bot]'],
    authorIds: [158243242],
    commitAuthors: ['devin-ai-integration[bot]', '158243242+devin-ai-integration[bot]@users.noreply.github.com'],
    branches: ['devin/**'],
    labels: [],
    // `Link to Devin run: https://app.devin.ai/sessions/<hex>`, also bold, as a heading with the
    // URL on the next line, or as a markdown link.
    body: ['Link to Devin run\\W{0,12}https://app\\.devin\\.ai/sessions/'],
    trailers: ['devin-ai-integration\\[bot\\]', '^Devin AI <'],
  },
  {
    id: 'cursor',
    name: 'Cursor background agent',
    enabled: true,
    // Cursor PRs are opened from the human's account; `cursor[bot]` is Bugbot, a reviewer, never
    // an author (docs/architecture.md, "Detection"). The agent shows as the commit author `Cursor Agent <cursoragent@cursor.com>`.
    authors: [],
    authorIds: [],
    commitAuthors: ['cursoragent', 'cursoragent@cursor.com'],
    branches: ['cursor/**'],
    labels: [],
    body: ['https://cursor\\.com/agents/'],
    trailers: ['<cursoragent@cursor\\.com>'],
  },
];

const EMPTY_AGENT: Omit<AgentDefinition, 'id' | 'name'> = {
  enabled: true,
  authors: [],
  authorIds: [],
  commitAuthors: [],
  branches: [],
  labels: [],
  body: [],
  trailers: [],
};

/**
 * Built-ins merged with the policy's `agents:` by id: a field the policy sets replaces the
 * built-in's, the rest is kept. Disabled definitions are dropped.
 */
export function resolveAgents(policy: Policy): AgentDefinition[] {
  const byId = new Map<string, AgentDefinition>(BUILTIN_AGENTS.map((agent) => [agent.id, agent]));
  for (const override of policy.agents) {
    const base = byId.get(override.id) ?? { ...EMPTY_AGENT, id: override.id, name: override.id };
    byId.set(override.id, { ...base, ...override });
  }
  return [...byId.values()].filter((agent) => agent.enabled);
}
