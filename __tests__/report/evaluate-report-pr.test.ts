import { describe, expect, it } from 'vitest';
import { evaluateReportPr } from '../../src/report/evaluate-report-pr.js';
import { at, commit, COPILOT, copilotSnapshot, createSnapshot, policyFrom, review, user } from '../factories.js';

const NOW = new Date(at(600));
const policy = policyFrom();
const REVERT = { by: '#50', url: 'https://github.com/acme/widgets/pull/50', at: at(500) };
const CONTEXT = { repo: 'acme/widgets', window: { from: new Date(at(-1000)), to: new Date(at(600)) }, tierLabels: new Map<string, string>(), compare: null, filePaths: null };

describe('evaluateReportPr', () => {
  it('is null for a PR no agent wrote', () => {
    expect(evaluateReportPr(policy, createSnapshot({ headRef: 'fix-typo' }), null, NOW, CONTEXT)).toBeNull();
  });

  it('runs detection and metrics of the gate on an agent PR, and marks a merged PR reverted', () => {
    const snapshot = copilotSnapshot({
      state: 'merged',
      mergedAt: at(120),
      closedAt: at(120),
      commits: [commit(COPILOT, -10)],
      reviews: [review(user('carol', 3), 'APPROVED', 30)],
    });
    const pr = evaluateReportPr(policy, snapshot, REVERT, NOW, CONTEXT);
    expect(pr).toMatchObject({ number: 42, agent: 'copilot', state: 'merged', reverted: true, revertedBy: { by: REVERT.by, url: REVERT.url }, failure: 'reverted', gate: null, mergedWithoutPass: true });
    expect(pr?.metrics).toMatchObject({ endToEnd: 7200, timeToFirstHumanReview: 1800, interventions: { total: 0 } });
  });

  it('flags a PR closed after a human requested changes, and never marks an unmerged PR reverted', () => {
    const snapshot = copilotSnapshot({
      state: 'closed',
      closedAt: at(200),
      commits: [commit(COPILOT, -10)],
      reviews: [review(user('carol', 3), 'CHANGES_REQUESTED', 30, { dismissed: true })],
    });
    const pr = evaluateReportPr(policy, snapshot, REVERT, NOW, CONTEXT);
    expect(pr).toMatchObject({ state: 'closed', reverted: false, failure: 'closed-after-changes-requested' });
  });
});
