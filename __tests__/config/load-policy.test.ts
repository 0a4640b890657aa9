import { describe, expect, it } from 'vitest';
import { loadPolicy, presetPolicy } from '../../src/config/load-policy.js';
import type { Policy } from '../../src/config/policy.js';

function load(text: string | null): Policy {
  const result = loadPolicy(text, '.github/agent-pr-gate.yml');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.policy;
}

describe('loadPolicy', () => {
  it('uses the default preset when the file is absent', () => {
    expect(load(null)).toEqual(presetPolicy('default'));
    expect(load(null).preset).toBe('default');
  });

  it('treats an empty or comment-only file as absent', () => {
    expect(load('')).toEqual(presetPolicy('default'));
    expect(load('# nothing here yet\n---\n')).toEqual(presetPolicy('default'));
  });

  it('applies a file without extends over default, key by key', () => {
    const policy = load('permissions:\n  workflows: deny\nreviews:\n  required-approvals: 2\n');
    const base = presetPolicy('default');
    expect(policy.permissions.workflows.level).toBe('deny');
    expect(policy.reviews.requiredApprovals).toBe(2);
    expect(policy.reviews.excludeRequester).toBe(base.reviews.excludeRequester);
    expect(policy.permissions.dependencies).toEqual(base.permissions.dependencies);
    expect(policy.network.allowedHosts).toEqual(base.network.allowedHosts);
  });

  it('replaces lists rather than appending to them', () => {
    const policy = load('network:\n  allowed-hosts: [example.internal]\n');
    expect(policy.network.allowedHosts).toEqual(['example.internal']);
  });

  it('starts from an empty policy with extends: none', () => {
    const policy = load('extends: none\n');
    expect(policy.preset).toBe('none');
    expect(policy.reviews.requiredApprovals).toBe(0);
    expect(policy.permissions.secrets.level).toBe('allow');
    expect(policy.permissions.workflows.level).toBe('allow');
  });

  it('never lets gate-config drop below review', () => {
    expect(load('permissions:\n  gate-config: allow\n').permissions['gate-config'].level).toBe('review');
    expect(load('extends: none\n').permissions['gate-config'].level).toBe('review');
    expect(load('permissions:\n  gate-config: deny\n').permissions['gate-config'].level).toBe('deny');
  });

  it('reads the object form of a category with reviewers and extra paths', () => {
    const policy = load(
      'permissions:\n  workflows:\n    level: review\n    reviewers: ["@acme/devops"]\n    paths: ["ci/**"]\n',
    );
    expect(policy.permissions.workflows).toEqual({ level: 'review', paths: ['ci/**'], addedLines: [], reviewers: ['@acme/devops'] });
  });

  it('reads the example policy of the specification', () => {
    const policy = load(`extends: default
bots: [renovate-helper, robobun]
agents:
  - id: release-bot
    authors: ["acme-release[bot]"]
  - id: agent
    labels: [agent, ai-generated]
permissions:
  dependencies: review
  network: review
  workflows: deny
  secrets: deny
  tests-weakened: review
  gate-config: review
  sensitive-paths:
    level: review
    paths: ["infra/**", "**/migrations/**"]
    reviewers: ["@acme/platform", "alice"]
  size:
    level: review
    max-files: 40
    max-lines: 1000
  custom:
    - name: billing
      level: review
      paths: ["services/billing/**"]
      added-lines: ["\\\\bstripe\\\\."]
      reviewers: ["@acme/payments"]
network:
  allowed-hosts: ["github.com", "*.npmjs.org"]
reviews:
  required-approvals: 1
  exclude-requester: true
  approvals-after-last-push: true
  codeowners: true
  block-on-changes-requested: true
overrides:
  label: agent-pr-gate/override
metrics:
  tiers:
    small:  { max-files: 3,  max-lines: 50 }
    medium: { max-files: 20, max-lines: 400 }
`);
    expect(policy.bots).toEqual(['renovate-helper', 'robobun']);
    expect(policy.agents).toEqual([
      { id: 'release-bot', authors: ['acme-release[bot]'] },
      { id: 'agent', labels: ['agent', 'ai-generated'] },
    ]);
    expect(policy.permissions['sensitive-paths']).toEqual({
      level: 'review',
      paths: ['infra/**', '**/migrations/**'],
      addedLines: [],
      reviewers: ['@acme/platform', 'alice'],
    });
    expect(policy.permissions.size).toEqual({ level: 'review', maxFiles: 40, maxLines: 1000, reviewers: [] });
    expect(policy.permissions.custom).toEqual([
      { name: 'billing', level: 'review', paths: ['services/billing/**'], addedLines: ['\\bstripe\\.'], reviewers: ['@acme/payments'] },
    ]);
    expect(policy.network.allowedHosts).toEqual(['github.com', '*.npmjs.org']);
    expect(policy.overrides.label).toBe('agent-pr-gate/override');
    expect(policy.metrics.tiers).toEqual({ small: { maxFiles: 3, maxLines: 50 }, medium: { maxFiles: 20, maxLines: 400 } });
  });

  it('loads every preset in policies/', () => {
    expect(presetPolicy('strict').reviews.requiredApprovals).toBe(2);
    expect(presetPolicy('strict').permissions.workflows.level).toBe('deny');
    expect(presetPolicy('observe').permissions.secrets.level).toBe('allow');
    expect(presetPolicy('observe').permissions['gate-config'].level).toBe('review');
    expect(presetPolicy('observe').reviews.requiredApprovals).toBe(0);
    expect(presetPolicy('default').permissions.secrets.level).toBe('deny');
  });

  it('does not let one caller mutate a cached preset', () => {
    const first = presetPolicy('default');
    first.bots.push('someone');
    expect(presetPolicy('default').bots).toEqual([]);
  });

  it('accepts a $schema key for editor completion', () => {
    expect(load('$schema: https://example.invalid/schema.json\nextends: strict\n').preset).toBe('strict');
  });
});
