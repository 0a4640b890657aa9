/**
 * GateResult factories for render tests: results are built directly, so these tests do not depend
 * on detection, the policy engine, the review rules or the verdict.
 */
import type { Detection, Finding, FindingLocation, GateResult, Metrics, Requirement, ReviewStatus } from '../../src/result.js';

export const HEAD_SHA = '3f2c1b0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a';

export function copilotDetection(overrides: Partial<Detection> = {}): Detection {
  return {
    agent: 'copilot',
    agentName: 'GitHub Copilot coding agent',
    requester: 'alice',
    requesterSource: 'assigned the agent',
    signals: [
      { kind: 'author', agent: 'copilot', value: 'Copilot' },
      { kind: 'branch', agent: 'copilot', value: 'copilot/fix-widget' },
    ],
    reason: 'the PR author Copilot is the GitHub Copilot coding agent',
    ...overrides,
  };
}

export function location(file: string, line: number | null, excerpt = ''): FindingLocation {
  return { file, line, excerpt };
}

export function finding(overrides: Partial<Finding> = {}): Finding {
  const locations = overrides.locations ?? [];
  return {
    category: 'dependencies',
    level: 'review',
    files: overrides.files ?? [...new Set(locations.map((l) => l.file))],
    message: 'adds lodash@4.17.21',
    locations,
    reviewers: [],
    satisfied: false,
    ...overrides,
  };
}

export function requirement(overrides: Partial<Requirement> = {}): Requirement {
  return { description: '1 approval', satisfied: false, satisfiedBy: [], candidates: [], ...overrides };
}

export function reviewStatus(overrides: Partial<ReviewStatus> = {}): ReviewStatus {
  const requirements = overrides.requirements ?? [requirement()];
  return {
    required: 1,
    counted: [],
    ignored: [],
    changesRequestedBy: [],
    requirements,
    satisfied: requirements.every((r) => r.satisfied),
    missing: requirements.filter((r) => !r.satisfied).map((r) => ({ kind: 'reviewers' as const, text: r.description })),
    override: null,
    notes: [],
    ...overrides,
  };
}

export function metrics(overrides: Partial<Metrics> = {}): Metrics {
  return {
    commits: { agent: 3, human: 1 },
    interventions: { humanCommits: 1, changeRequests: 1, reviewComments: 2, comments: 1, total: 5 },
    reworkCycles: 1,
    forcePushes: 0,
    timeToFirstHumanReview: 5400,
    endToEnd: 86400,
    reworkTime: 7200,
    tier: 'medium',
    size: { files: 7, additions: 180, deletions: 20 },
    ...overrides,
  };
}

export function gateResult(overrides: Partial<GateResult> = {}): GateResult {
  return {
    verdict: 'pass',
    summary: 'All checks passed: 1 approval from bob.',
    pr: {
      number: 42,
      headSha: HEAD_SHA,
      url: 'https://github.com/acme/widgets/pull/42',
      title: 'Fix the widget',
      repo: { owner: 'acme', name: 'widgets' },
      state: 'open',
    },
    detection: copilotDetection(),
    findings: [],
    reviews: reviewStatus({ counted: ['bob'], requirements: [requirement({ satisfied: true, satisfiedBy: ['bob'] })] }),
    metrics: metrics(),
    incomplete: [],
    evaluatedAt: '2026-03-02T11:30:00.000Z',
    ...overrides,
  };
}
