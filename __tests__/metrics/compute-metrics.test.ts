import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/config/policy.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import type { Detection } from '../../src/result.js';
import type { Actor, Commit, PrSnapshot } from '../../src/snapshot.js';
import {
  at,
  bot,
  comment,
  commit,
  COPILOT,
  copilotSnapshot,
  createSnapshot,
  event,
  GITHUB_ACTIONS,
  identity,
  policyFrom,
  review,
  reviewComment,
  T0,
  user,
} from '../factories.js';

const ALICE = user('alice', 1);
const BOB = user('bob', 2);
const CAROL = user('carol', 3);
const CODERABBIT = bot('coderabbitai', 136622811);
const COPILOT_REVIEWER = bot('copilot-pull-request-reviewer', 175728472);
const COPILOT_SWE_BOT = bot('copilot-swe-agent', 198982749);
const WEB_FLOW: Actor = { login: 'web-flow', id: 19864447, type: 'User' };

function detection(agent: string | null, requester: string | null = 'alice'): Detection {
  return {
    agent,
    agentName: agent,
    requester,
    requesterSource: requester ? 'assigned the agent' : null,
    signals: [],
    reason: agent ? `${agent} PR` : 'not an agent PR',
  };
}

function metricsOf(snapshot: PrSnapshot, options: { agent?: string | null; requester?: string | null; policy?: Policy; now?: string } = {}) {
  const agent = options.agent === undefined ? 'copilot' : options.agent;
  const requester = options.requester === undefined ? 'alice' : options.requester;
  return computeMetrics(options.policy ?? policyFrom(), snapshot, detection(agent, requester), new Date(options.now ?? at(600)));
}

/** A Codex cloud PR: opened and pushed by alice's own account, labeled `codex`. */
function codexSnapshot(overrides: Partial<PrSnapshot> = {}): PrSnapshot {
  return createSnapshot({
    author: ALICE,
    headRef: 'codex/fix-widget',
    labels: ['codex'],
    body: '## Summary\n- fix\n\n------\nhttps://chatgpt.com/codex/tasks/task_e_0123abcd',
    timeline: [event('labeled', ALICE, 0, { label: 'codex' })],
    ...overrides,
  });
}

function webCommit(author: Actor, minutes: number, message = 'Apply suggestions from code review'): Commit {
  return commit(author, minutes, {
    message,
    committer: { name: 'GitHub', email: 'noreply@github.com', user: WEB_FLOW },
  });
}

describe('computeMetrics: a realistic Copilot PR', () => {
  it('computes every field of a Copilot PR with a bot-heavy review, one rework round and a human fix-up', () => {
    const snapshot = copilotSnapshot({
      title: '[WIP] Fix the widget',
      state: 'merged',
      draft: false,
      mergedAt: at(240),
      closedAt: at(240),
      commits: [
        commit(COPILOT, 3, { message: 'Initial plan for issue' }),
        commit(COPILOT, 25, { message: 'Fix widget rendering\n\nCo-authored-by: alice <1+alice@users.noreply.github.com>' }),
        commit(COPILOT, 150, { message: 'Address review feedback' }),
        commit(ALICE, 170, { message: 'Fix typo' }),
      ],
      reviews: [
        review(CODERABBIT, 'COMMENTED', 45),
        review(COPILOT_REVIEWER, 'COMMENTED', 60),
        review(BOB, 'CHANGES_REQUESTED', 130),
        review(COPILOT_SWE_BOT, 'COMMENTED', 152),
        review(BOB, 'APPROVED', 200),
      ],
      reviewComments: [
        reviewComment(CODERABBIT, 45),
        reviewComment(CODERABBIT, 45),
        reviewComment(CODERABBIT, 46),
        reviewComment(COPILOT_REVIEWER, 60),
        reviewComment(BOB, 130),
        reviewComment(BOB, 130),
        reviewComment(COPILOT_SWE_BOT, 152),
      ],
      comments: [
        comment(CODERABBIT, 44, '**Walkthrough** …'),
        comment(BOB, 135, '@copilot please address the review comments'),
        comment(COPILOT, 151, 'I have addressed the feedback.'),
        comment(GITHUB_ACTIONS, 210, '<!-- agent-pr-gate -->\n### ✅ Pass'),
      ],
      timeline: [
        event('assigned', ALICE, -5, { subject: COPILOT }),
        event('copilot_work_started', COPILOT, 1),
        event('copilot_work_finished', COPILOT, 30),
        event('review_requested', COPILOT, 30, { subject: ALICE }),
        event('ready_for_review', ALICE, 40),
        event('copilot_work_started', COPILOT, 136),
        event('copilot_work_finished', COPILOT, 155),
        event('head_ref_force_pushed', ALICE, 172),
        event('merged', BOB, 240),
        event('closed', BOB, 240),
      ],
      totals: { files: 7, additions: 180, deletions: 20, commits: 4 },
    });
    expect(metricsOf(snapshot)).toEqual({
      commits: { agent: 3, human: 1 },
      interventions: { humanCommits: 1, changeRequests: 1, reviewComments: 2, comments: 1, total: 5 },
      reworkCycles: 1,
      forcePushes: 1,
      timeToFirstHumanReview: 90 * 60,
      endToEnd: 240 * 60,
      reworkTime: 40 * 60,
      tier: 'medium',
      size: { files: 7, additions: 180, deletions: 20 },
    });
  });
});

describe('computeMetrics: commits', () => {
  it('counts a human fix-up commit on the agent branch as a human commit and an intervention', () => {
    const snapshot = copilotSnapshot({ commits: [commit(COPILOT, 1), commit(COPILOT, 2), commit(CAROL, 3, { message: 'fix lint' })] });
    const metrics = metricsOf(snapshot);
    expect(metrics.commits).toEqual({ agent: 2, human: 1 });
    expect(metrics.interventions.humanCommits).toBe(1);
    expect(metrics.interventions.total).toBe(1);
  });

  it('matches an unlinked git author to an agent by email', () => {
    const cursor = identity('Cursor Agent', 'cursoragent@cursor.com');
    const snapshot = createSnapshot({ author: ALICE, headRef: 'cursor/fix-widget-8532', commits: [commit(cursor, 1), commit(cursor, 2)] });
    expect(metricsOf(snapshot, { agent: 'cursor' }).commits).toEqual({ agent: 2, human: 0 });
  });

  it('counts an unlinked git identity that matches no agent as human', () => {
    const snapshot = copilotSnapshot({ commits: [commit(COPILOT, 1), commit(identity('Dave Local', 'dave@laptop.local'), 5)] });
    expect(metricsOf(snapshot).commits).toEqual({ agent: 1, human: 1 });
  });

  it('counts merge commits from the base branch on neither side', () => {
    const merge = commit(ALICE, 50, { message: "Merge branch 'main' into copilot/fix-widget", parents: 2 });
    const snapshot = copilotSnapshot({ commits: [commit(COPILOT, 1), merge, commit(COPILOT, 60)] });
    const metrics = metricsOf(snapshot);
    expect(metrics.commits).toEqual({ agent: 2, human: 0 });
    expect(metrics.interventions.humanCommits).toBe(0);
  });

  it('counts commits by automation on neither side', () => {
    const precommit = identity(bot('pre-commit-ci', 66853113));
    const snapshot = copilotSnapshot({
      commits: [commit(COPILOT, 1), commit(precommit, 2, { message: '[pre-commit.ci] auto fixes' }), commit(identity('github-actions[bot]', 'x@y'), 3)],
    });
    expect(metricsOf(snapshot).commits).toEqual({ agent: 1, human: 0 });
  });

  it('keeps an agent commit that credits the requester in a co-author trailer as an agent commit', () => {
    const message = 'Fix\n\nCo-authored-by: alice <1+alice@users.noreply.github.com>';
    const snapshot = copilotSnapshot({ commits: [commit(COPILOT, 1, { message })] });
    expect(metricsOf(snapshot).commits).toEqual({ agent: 1, human: 0 });
  });

  it('counts the requester\'s commit that accepted a Copilot code-review suggestion as human', () => {
    const message = 'Update src/index.ts\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>';
    const snapshot = copilotSnapshot({ commits: [commit(COPILOT, 1), commit(ALICE, 5, { message })] });
    expect(metricsOf(snapshot).commits).toEqual({ agent: 1, human: 1 });
  });

  it('counts the requester\'s commit co-authored by the detected agent (Claude Code run locally) as an agent commit', () => {
    const claudeMessage = 'Add retries\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>';
    const snapshot = createSnapshot({
      author: ALICE,
      headRef: 'add-retries',
      commits: [commit(ALICE, 1, { message: claudeMessage }), commit(ALICE, 20, { message: 'tweak wording' })],
    });
    expect(metricsOf(snapshot, { agent: 'claude' }).commits).toEqual({ agent: 1, human: 1 });
  });

  it('counts another human\'s commit co-authored by the agent as a human intervention', () => {
    const message = 'Fix the fix\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>';
    const snapshot = createSnapshot({ author: ALICE, commits: [commit(ALICE, 1, { message }), commit(BOB, 30, { message })] });
    expect(metricsOf(snapshot, { agent: 'claude' }).commits).toEqual({ agent: 1, human: 1 });
  });
});

describe('computeMetrics: agents that push under the requester\'s account (Codex cloud)', () => {
  it('counts commits authored by the PR author as agent commits when the agent has no identity of its own', () => {
    const snapshot = codexSnapshot({ commits: [commit(ALICE, 1, { message: 'Fix widget' }), commit(ALICE, 40, { message: 'Update tests' })] });
    const metrics = metricsOf(snapshot, { agent: 'codex' });
    expect(metrics.commits).toEqual({ agent: 2, human: 0 });
    expect(metrics.interventions.humanCommits).toBe(0);
  });

  it('counts a suggestion the PR author accepted in the web interface as a human commit', () => {
    const snapshot = codexSnapshot({ commits: [commit(ALICE, 1), webCommit(ALICE, 90)] });
    expect(metricsOf(snapshot, { agent: 'codex' }).commits).toEqual({ agent: 1, human: 1 });
  });

  it('counts a commit by another human on a Codex branch as human', () => {
    const snapshot = codexSnapshot({ commits: [commit(ALICE, 1), commit(BOB, 90)] });
    expect(metricsOf(snapshot, { agent: 'codex' }).commits).toEqual({ agent: 1, human: 1 });
  });

  it('does not apply to agents with an identity: the requester\'s own commit on a Copilot PR stays human', () => {
    const snapshot = copilotSnapshot({ commits: [commit(COPILOT, 1), commit(ALICE, 90)] });
    expect(metricsOf(snapshot).commits).toEqual({ agent: 1, human: 1 });
  });

  it('does not count the PR author\'s review as the first human review on a Codex PR', () => {
    const snapshot = codexSnapshot({
      commits: [commit(ALICE, 1)],
      reviews: [review(ALICE, 'COMMENTED', 10), review(BOB, 'APPROVED', 70)],
    });
    expect(metricsOf(snapshot, { agent: 'codex', requester: 'alice' }).timeToFirstHumanReview).toBe(70 * 60);
  });
});

describe('computeMetrics: interventions', () => {
  it('counts human change requests including ones later dismissed, and not bot change requests', () => {
    const snapshot = copilotSnapshot({
      reviews: [
        review(BOB, 'CHANGES_REQUESTED', 10, { dismissed: true }),
        review(CAROL, 'CHANGES_REQUESTED', 20),
        review(CODERABBIT, 'CHANGES_REQUESTED', 5),
        review(BOB, 'APPROVED', 30),
      ],
    });
    expect(metricsOf(snapshot).interventions).toEqual({ humanCommits: 0, changeRequests: 2, reviewComments: 0, comments: 0, total: 2 });
  });

  it('counts inline review comments by humans only, not reviewer bots or the agent\'s replies', () => {
    const snapshot = copilotSnapshot({
      reviewComments: [
        ...Array.from({ length: 12 }, (_, i) => reviewComment(CODERABBIT, 10 + i)),
        reviewComment(COPILOT_REVIEWER, 30),
        reviewComment(COPILOT_SWE_BOT, 31),
        reviewComment(BOB, 40),
        reviewComment(ALICE, 41),
      ],
    });
    expect(metricsOf(snapshot).interventions.reviewComments).toBe(2);
  });

  it('leaves the gate\'s comments, github-actions, the agent and listed bots out of conversation comments', () => {
    const robo = user('robobun', 77);
    const snapshot = copilotSnapshot({
      comments: [
        comment(GITHUB_ACTIONS, 1, '<!-- agent-pr-gate -->\n### 🟡 Needs review'),
        comment(GITHUB_ACTIONS, 2, 'Build passed'),
        comment(COPILOT, 3, "I'm working on it"),
        comment(robo, 4, 'benchmark results'),
        comment(CODERABBIT, 5, 'Summary by CodeRabbit'),
        comment(BOB, 6, 'Why this approach?'),
        comment(ALICE, 7, '@copilot try again'),
      ],
    });
    expect(metricsOf(snapshot, { policy: policyFrom({ bots: ['robobun'] }) }).interventions.comments).toBe(2);
  });

  it('leaves out comments by the account the gate acts as even when it looks human, and any comment carrying the marker', () => {
    const machineUser = user('acme-ci', 500);
    const snapshot = copilotSnapshot({
      viewer: machineUser,
      comments: [comment(machineUser, 1, 'status update'), comment(BOB, 2, 'quoted <!-- agent-pr-gate -->'), comment(BOB, 3, 'LGTM')],
    });
    expect(metricsOf(snapshot).interventions.comments).toBe(1);
  });

  it('sums the four kinds of intervention into the total', () => {
    const snapshot = copilotSnapshot({
      commits: [commit(COPILOT, 1), commit(BOB, 50), commit(CAROL, 60)],
      reviews: [review(BOB, 'CHANGES_REQUESTED', 40), review(CAROL, 'COMMENTED', 45)],
      reviewComments: [reviewComment(BOB, 40), reviewComment(CAROL, 45), reviewComment(CAROL, 45)],
      comments: [comment(ALICE, 70)],
    });
    expect(metricsOf(snapshot).interventions).toEqual({ humanCommits: 2, changeRequests: 1, reviewComments: 3, comments: 1, total: 7 });
  });
});

describe('computeMetrics: time to first human review', () => {
  it('starts at creation when the PR was never a draft', () => {
    const snapshot = copilotSnapshot({ reviews: [review(BOB, 'APPROVED', 45)] });
    expect(metricsOf(snapshot).timeToFirstHumanReview).toBe(45 * 60);
  });

  it('starts at the ready_for_review event of a PR opened as a draft', () => {
    const snapshot = copilotSnapshot({
      timeline: [event('copilot_work_started', COPILOT, 1), event('copilot_work_finished', COPILOT, 20), event('ready_for_review', ALICE, 60)],
      reviews: [review(BOB, 'COMMENTED', 75)],
    });
    expect(metricsOf(snapshot).timeToFirstHumanReview).toBe(15 * 60);
  });

  it('starts at the last ready_for_review when the PR went back to draft and was made ready again', () => {
    const snapshot = copilotSnapshot({
      timeline: [event('ready_for_review', ALICE, 30), event('convert_to_draft', ALICE, 40), event('ready_for_review', ALICE, 100)],
      reviews: [review(BOB, 'APPROVED', 130)],
    });
    expect(metricsOf(snapshot).timeToFirstHumanReview).toBe(30 * 60);
  });

  it('does not count a review given while the PR was still a draft', () => {
    const snapshot = copilotSnapshot({
      timeline: [event('ready_for_review', ALICE, 60)],
      reviews: [review(BOB, 'COMMENTED', 20), review(CAROL, 'APPROVED', 61)],
    });
    expect(metricsOf(snapshot).timeToFirstHumanReview).toBe(60);
  });

  it('does not count the requester\'s review', () => {
    const snapshot = copilotSnapshot({ reviews: [review(ALICE, 'CHANGES_REQUESTED', 10), review(BOB, 'APPROVED', 50)] });
    expect(metricsOf(snapshot).timeToFirstHumanReview).toBe(50 * 60);
  });

  it('does not count reviews by bots or by the agent', () => {
    const snapshot = copilotSnapshot({
      reviews: [review(COPILOT_REVIEWER, 'COMMENTED', 2), review(CODERABBIT, 'COMMENTED', 3), review(COPILOT_SWE_BOT, 'COMMENTED', 4), review(BOB, 'COMMENTED', 90)],
    });
    expect(metricsOf(snapshot).timeToFirstHumanReview).toBe(90 * 60);
  });

  it('ignores pending reviews, which were never submitted', () => {
    const snapshot = copilotSnapshot({ reviews: [review(BOB, 'PENDING', 5, { submittedAt: null }), review(CAROL, 'APPROVED', 80)] });
    expect(metricsOf(snapshot).timeToFirstHumanReview).toBe(80 * 60);
  });

  it('counts a review that was later dismissed as the first review', () => {
    const snapshot = copilotSnapshot({ reviews: [review(BOB, 'CHANGES_REQUESTED', 25, { dismissed: true })] });
    expect(metricsOf(snapshot).timeToFirstHumanReview).toBe(25 * 60);
  });

  it('is null when no qualifying human reviewed', () => {
    const snapshot = copilotSnapshot({ reviews: [review(ALICE, 'APPROVED', 10), review(CODERABBIT, 'COMMENTED', 3)] });
    expect(metricsOf(snapshot).timeToFirstHumanReview).toBeNull();
  });
});

describe('computeMetrics: end to end', () => {
  it('runs from creation to the merge', () => {
    const snapshot = copilotSnapshot({ state: 'merged', mergedAt: at(1500), closedAt: at(1500) });
    expect(metricsOf(snapshot).endToEnd).toBe(1500 * 60);
  });

  it('runs from creation to the close of a PR closed without merging', () => {
    const snapshot = copilotSnapshot({ state: 'closed', closedAt: at(300) });
    expect(metricsOf(snapshot).endToEnd).toBe(300 * 60);
  });

  it('runs to now for an open PR', () => {
    const snapshot = copilotSnapshot();
    expect(metricsOf(snapshot, { now: '2026-03-03T09:00:05Z' }).endToEnd).toBe(86_405);
  });

  it('runs to the merge of a PR that was closed, reopened and then merged', () => {
    const snapshot = copilotSnapshot({
      state: 'merged',
      mergedAt: at(2000),
      closedAt: at(2000),
      timeline: [event('closed', ALICE, 100), event('reopened', ALICE, 1000), event('merged', BOB, 2000), event('closed', BOB, 2000)],
    });
    expect(metricsOf(snapshot).endToEnd).toBe(2000 * 60);
  });

  it('runs to now for a reopened PR even when a stale close time is still present', () => {
    const snapshot = copilotSnapshot({ state: 'open', closedAt: at(100), timeline: [event('closed', ALICE, 100), event('reopened', ALICE, 200)] });
    expect(metricsOf(snapshot, { now: at(500) }).endToEnd).toBe(500 * 60);
  });

  it('is in whole seconds', () => {
    const snapshot = copilotSnapshot();
    expect(metricsOf(snapshot, { now: '2026-03-02T09:00:01.999Z' }).endToEnd).toBe(1);
  });
});

describe('computeMetrics: rework', () => {
  it('counts a change request followed by a new commit as a rework cycle and times it to the last commit after it', () => {
    const snapshot = copilotSnapshot({
      commits: [commit(COPILOT, 5), commit(COPILOT, 80), commit(COPILOT, 95)],
      reviews: [review(BOB, 'CHANGES_REQUESTED', 60)],
    });
    const metrics = metricsOf(snapshot);
    expect(metrics.reworkCycles).toBe(1);
    expect(metrics.reworkTime).toBe(35 * 60);
  });

  it('does not count a change request that no commit followed', () => {
    const snapshot = copilotSnapshot({
      commits: [commit(COPILOT, 5), commit(COPILOT, 80)],
      reviews: [review(BOB, 'CHANGES_REQUESTED', 60), review(CAROL, 'CHANGES_REQUESTED', 120)],
    });
    const metrics = metricsOf(snapshot);
    expect(metrics.reworkCycles).toBe(1);
    expect(metrics.reworkTime).toBe(20 * 60);
  });

  it('still counts a change request that was dismissed before the fix', () => {
    const snapshot = copilotSnapshot({
      commits: [commit(COPILOT, 5), commit(COPILOT, 90)],
      reviews: [review(BOB, 'CHANGES_REQUESTED', 60, { dismissed: true })],
    });
    expect(metricsOf(snapshot).reworkCycles).toBe(1);
  });

  it('counts every human change request a commit followed, across rounds', () => {
    const snapshot = copilotSnapshot({
      commits: [commit(COPILOT, 5), commit(COPILOT, 70), commit(ALICE, 130), commit(COPILOT, 200)],
      reviews: [review(BOB, 'CHANGES_REQUESTED', 60), review(BOB, 'CHANGES_REQUESTED', 120), review(BOB, 'APPROVED', 210)],
    });
    const metrics = metricsOf(snapshot);
    expect(metrics.reworkCycles).toBe(2);
    expect(metrics.reworkTime).toBe(140 * 60);
  });

  it('does not count bot change requests as rework', () => {
    const snapshot = copilotSnapshot({ commits: [commit(COPILOT, 5), commit(COPILOT, 90)], reviews: [review(CODERABBIT, 'CHANGES_REQUESTED', 60)] });
    const metrics = metricsOf(snapshot);
    expect(metrics.reworkCycles).toBe(0);
    expect(metrics.reworkTime).toBeNull();
  });

  it('does not let a merge from the base branch end a rework cycle', () => {
    const snapshot = copilotSnapshot({
      commits: [commit(COPILOT, 5), commit(ALICE, 90, { parents: 2, message: "Merge branch 'main' into copilot/fix-widget" })],
      reviews: [review(BOB, 'CHANGES_REQUESTED', 60)],
    });
    const metrics = metricsOf(snapshot);
    expect(metrics.reworkCycles).toBe(0);
    expect(metrics.reworkTime).toBeNull();
  });

  it('lets a commit by automation end a rework cycle (a new commit by anyone)', () => {
    const snapshot = copilotSnapshot({
      commits: [commit(COPILOT, 5), commit(identity(bot('pre-commit-ci', 66853113)), 75)],
      reviews: [review(BOB, 'CHANGES_REQUESTED', 60)],
    });
    expect(metricsOf(snapshot).reworkCycles).toBe(1);
  });

  it('has no rework time without a human change request', () => {
    const snapshot = copilotSnapshot({ commits: [commit(COPILOT, 5), commit(COPILOT, 50)], reviews: [review(BOB, 'COMMENTED', 30)] });
    const metrics = metricsOf(snapshot);
    expect(metrics.reworkCycles).toBe(0);
    expect(metrics.reworkTime).toBeNull();
  });
});

describe('computeMetrics: force pushes, tiers and size', () => {
  it('counts head_ref_force_pushed events and ignores Copilot work events', () => {
    const snapshot = copilotSnapshot({
      timeline: [
        event('copilot_work_started', COPILOT, 1),
        event('head_ref_force_pushed', COPILOT, 10),
        event('copilot_work_finished', COPILOT, 11),
        event('head_ref_force_pushed', ALICE, 50),
        event('head_ref_deleted', ALICE, 60),
      ],
    });
    expect(metricsOf(snapshot).forcePushes).toBe(2);
  });

  it.each([
    [3, 50, 0, 'small'],
    [3, 30, 21, 'medium'],
    [4, 10, 0, 'medium'],
    [0, 0, 0, 'small'],
    [20, 400, 0, 'medium'],
    [20, 200, 201, 'large'],
    [21, 10, 0, 'large'],
    [1, 401, 0, 'large'],
  ] as const)('puts %i files with +%i/-%i lines in tier %s', (files, additions, deletions, tier) => {
    const snapshot = copilotSnapshot({ totals: { files, additions, deletions, commits: 1 } });
    expect(metricsOf(snapshot).tier).toBe(tier);
  });

  it('uses the tiers of the policy', () => {
    const policy = policyFrom({ metrics: { tiers: { small: { 'max-files': 1, 'max-lines': 5 }, medium: { 'max-files': 2, 'max-lines': 10 } } } });
    const snapshot = copilotSnapshot({ totals: { files: 2, additions: 6, deletions: 0, commits: 1 } });
    expect(metricsOf(snapshot, { policy }).tier).toBe('medium');
  });

  it('takes the size from the PR totals, not the (capped) file list', () => {
    const snapshot = copilotSnapshot({ totals: { files: 3500, additions: 90000, deletions: 1200, commits: 300 } });
    const metrics = metricsOf(snapshot);
    expect(metrics.size).toEqual({ files: 3500, additions: 90000, deletions: 1200 });
    expect(metrics.tier).toBe('large');
  });

  it('computes metrics of an empty PR without errors', () => {
    const snapshot = createSnapshot({ createdAt: T0 });
    expect(metricsOf(snapshot, { agent: null, requester: null, now: T0 })).toEqual({
      commits: { agent: 0, human: 0 },
      interventions: { humanCommits: 0, changeRequests: 0, reviewComments: 0, comments: 0, total: 0 },
      reworkCycles: 0,
      forcePushes: 0,
      timeToFirstHumanReview: null,
      endToEnd: 0,
      reworkTime: null,
      tier: 'small',
      size: { files: 0, additions: 0, deletions: 0 },
    });
  });
});
