import { describe, expect, it } from 'vitest';
import type { PolicyFile } from '../../src/config/schema.js';
import type { Finding, Verdict } from '../../src/result.js';
import { evaluateReviews } from '../../src/reviews/evaluate-reviews.js';
import { findIncomplete } from '../../src/gate/gaps.js';
import type { PrSnapshot } from '../../src/snapshot.js';
import { decideVerdict } from '../../src/verdict.js';
import { COPILOT, at, bot, commit, copilotSnapshot, event, file, policyFrom, review, user } from '../factories.js';
import {
  ALICE,
  BOB,
  CAROL,
  DAVE,
  ERIN,
  FRANK,
  HEAD,
  OLD,
  OVERRIDE_LABEL,
  agentHead,
  agentOld,
  approve,
  detection,
  finding,
  requestChanges,
} from './helpers.js';

/**
 * The review rules of SPEC §4, one scenario per row: each rule alone and in combination. Every
 * row asserts the verdict, the counted approvals, the ignored approvals with their reasons and
 * the `missing` lines exactly.
 */

interface Scenario {
  name: string;
  reviews?: NonNullable<PolicyFile['reviews']>;
  policy?: PolicyFile;
  snapshot: Partial<PrSnapshot>;
  requester?: string | null;
  findings?: Finding[];
  verdict: Verdict;
  counted: string[];
  ignored?: Array<[login: string, reason: string, detail: string]>;
  missing?: string[];
  summary?: string;
  check?: (result: ReturnType<typeof run>) => void;
}

const ONE = { 'required-approvals': 1 } as const;
const PLATFORM = '@acme/platform';
const CODEOWNERS = ['* @acme/core', '/infra/ @acme/infra', '/infra/legacy/', 'db/*.sql @carol'].join('\n');
const TEAM_HINT = 'the token needs the `members: read` organization permission (use a GitHub App or a PAT)';

function sensitive(reviewers: string[] = [PLATFORM]): Finding {
  return finding('sensitive-paths', 'review', ['infra/main.tf'], { reviewers, message: 'edits infra/main.tf' });
}

function workflows(): Finding {
  return finding('workflows', 'deny', ['.github/workflows/ci.yml'], { message: 'edits .github/workflows/ci.yml' });
}

function labeled(actor: typeof ERIN | null, minutes: number) {
  return event('labeled', actor, minutes, { label: OVERRIDE_LABEL });
}

function run(scenario: Scenario) {
  const policy = policyFrom({ ...scenario.policy, reviews: { ...ONE, ...scenario.reviews } });
  const snapshot = copilotSnapshot({ commits: [agentHead()], ...scenario.snapshot });
  const input = detection(scenario.requester === undefined ? 'alice' : scenario.requester);
  const incomplete = findIncomplete(snapshot);
  const { reviews, findings } = evaluateReviews(policy, snapshot, input, scenario.findings ?? [], incomplete);
  const decision = decideVerdict({ detection: input, findings, reviews, incomplete });
  return { reviews, findings, incomplete, ...decision };
}

const scenarios: Scenario[] = [
  {
    name: 'no review yet: one approval is missing',
    snapshot: {},
    verdict: 'needs-review',
    counted: [],
    missing: ['1 more approval (0 of 1)'],
    summary: 'needs 1 more approval (0 of 1)',
  },
  {
    name: 'an approval of the head commit by a human passes',
    snapshot: { reviews: [approve(BOB, 10)] },
    verdict: 'pass',
    counted: ['bob'],
    summary: 'all checks passed: 1 approval (bob)',
  },
  {
    name: "the requester's approval alone does not count",
    snapshot: { reviews: [approve(ALICE, 10)] },
    verdict: 'needs-review',
    counted: [],
    ignored: [['alice', 'requester', 'requested the change']],
    missing: ['1 more approval (0 of 1)'],
  },
  {
    name: "the requester's approval counts when exclude-requester is off",
    reviews: { 'exclude-requester': false },
    snapshot: { reviews: [approve(ALICE, 10)] },
    verdict: 'pass',
    counted: ['alice'],
  },
  {
    name: 'an approval of an older commit is stale after the agent pushed again',
    snapshot: { commits: [agentOld(), agentHead(20)], reviews: [approve(BOB, 10, OLD)] },
    verdict: 'needs-review',
    counted: [],
    ignored: [['bob', 'stale', 'approved an older commit (abc1234)']],
    missing: ['1 more approval (0 of 1)'],
  },
  {
    name: 'a stale approval counts when approvals-after-last-push is off',
    reviews: { 'approvals-after-last-push': false },
    snapshot: { commits: [agentOld(), agentHead(20)], reviews: [approve(BOB, 10, OLD)] },
    verdict: 'pass',
    counted: ['bob'],
  },
  {
    name: 'an approval followed by changes requested by someone else blocks',
    snapshot: { reviews: [approve(BOB, 10), requestChanges(CAROL, 20)] },
    verdict: 'needs-review',
    counted: ['bob'],
    missing: ['changes requested by carol: needs their approval or a dismissal'],
    summary: 'changes requested by carol: needs their approval or a dismissal',
    check: (result) => expect(result.reviews.changesRequestedBy).toEqual(['carol']),
  },
  {
    name: 'changes requested by someone else do not block when block-on-changes-requested is off',
    reviews: { 'block-on-changes-requested': false },
    snapshot: { reviews: [approve(BOB, 10), requestChanges(CAROL, 20)] },
    verdict: 'pass',
    counted: ['bob'],
    check: (result) => expect(result.reviews.changesRequestedBy).toEqual(['carol']),
  },
  {
    name: 'changes requested then approved by the same person counts the approval',
    snapshot: { reviews: [requestChanges(CAROL, 10, OLD), approve(CAROL, 20)] },
    verdict: 'pass',
    counted: ['carol'],
    check: (result) => expect(result.reviews.changesRequestedBy).toEqual([]),
  },
  {
    name: 'approved then changes requested by the same person: the approval is superseded',
    snapshot: { reviews: [approve(CAROL, 10), requestChanges(CAROL, 20)] },
    verdict: 'needs-review',
    counted: [],
    ignored: [['carol', 'superseded', 'requested changes after approving']],
    missing: ['1 more approval (0 of 1)', 'changes requested by carol: needs their approval or a dismissal'],
  },
  {
    name: 'a later COMMENTED review does not cancel an approval',
    snapshot: { reviews: [approve(BOB, 10), review(BOB, 'COMMENTED', 20, { commitSha: HEAD })] },
    verdict: 'pass',
    counted: ['bob'],
  },
  {
    name: 'a dismissed approval does not count',
    snapshot: { reviews: [approve(BOB, 10, HEAD, { dismissed: true })] },
    verdict: 'needs-review',
    counted: [],
    ignored: [['bob', 'dismissed', 'approval was dismissed']],
    missing: ['1 more approval (0 of 1)'],
  },
  {
    name: 'a dismissed change request no longer blocks',
    snapshot: { reviews: [requestChanges(CAROL, 5, HEAD, { dismissed: true }), approve(BOB, 10)] },
    verdict: 'pass',
    counted: ['bob'],
    check: (result) => expect(result.reviews.changesRequestedBy).toEqual([]),
  },
  {
    name: 'a pending review is not a decision',
    snapshot: { reviews: [review(BOB, 'PENDING', 10, { commitSha: HEAD, submittedAt: null })] },
    verdict: 'needs-review',
    counted: [],
    missing: ['1 more approval (0 of 1)'],
  },
  {
    name: "a bot's approval does not count",
    snapshot: { reviews: [approve(bot('coderabbitai'), 10)] },
    verdict: 'needs-review',
    counted: [],
    ignored: [['coderabbitai[bot]', 'bot', 'is a bot']],
    missing: ['1 more approval (0 of 1)'],
  },
  {
    name: "an account listed under bots: is not a human, even when GitHub shows it as a user",
    policy: { bots: ['renovate-helper'] },
    snapshot: { reviews: [approve(user('renovate-helper', 77), 10)] },
    verdict: 'needs-review',
    counted: [],
    ignored: [['renovate-helper', 'bot', 'is a bot']],
    missing: ['1 more approval (0 of 1)'],
  },
  {
    name: "the Copilot review bot's approval does not count",
    snapshot: { reviews: [approve(bot('copilot-pull-request-reviewer'), 10)] },
    verdict: 'needs-review',
    counted: [],
    ignored: [['copilot-pull-request-reviewer[bot]', 'bot', 'is a bot']],
    missing: ['1 more approval (0 of 1)'],
  },
  {
    name: "an agent's approval (copilot-swe-agent) does not count",
    snapshot: { reviews: [approve({ login: 'copilot-swe-agent[bot]', id: null, type: 'Bot' }, 10)] },
    verdict: 'needs-review',
    counted: [],
    ignored: [['copilot-swe-agent[bot]', 'agent', 'is an agent (GitHub Copilot coding agent)']],
    missing: ['1 more approval (0 of 1)'],
  },
  {
    name: 'a deleted account (ghost) is not credited',
    snapshot: { reviews: [approve(null, 10)] },
    verdict: 'needs-review',
    counted: [],
    ignored: [['ghost', 'bot', 'is a deleted account']],
    missing: ['1 more approval (0 of 1)'],
  },
  {
    name: "the PR author's approval does not count",
    reviews: { 'exclude-requester': false },
    snapshot: { author: DAVE, reviews: [approve(DAVE, 10)] },
    verdict: 'needs-review',
    counted: [],
    ignored: [['dave', 'author', 'opened the PR']],
    missing: ['1 more approval (0 of 1)'],
  },
  {
    name: 'a human who pushed the last commit cannot approve it',
    snapshot: { commits: [agentOld(), commit(BOB, 5, { sha: HEAD })], reviews: [approve(BOB, 10)] },
    verdict: 'needs-review',
    counted: [],
    ignored: [['bob', 'last-pusher', 'pushed the latest commit']],
    missing: ['1 more approval (0 of 1)'],
  },
  {
    name: "the last pusher's approval is ignored but another human's counts",
    snapshot: { commits: [agentOld(), commit(BOB, 5, { sha: HEAD })], reviews: [approve(BOB, 10), approve(CAROL, 12)] },
    verdict: 'pass',
    counted: ['carol'],
    ignored: [['bob', 'last-pusher', 'pushed the latest commit']],
  },
  {
    name: 'a human whose commit is not the latest may approve',
    snapshot: { commits: [commit(BOB, -10, { sha: OLD }), agentHead(0)], reviews: [approve(BOB, 10)] },
    verdict: 'pass',
    counted: ['bob'],
  },
  {
    name: 'a human who force-pushed last cannot approve',
    snapshot: {
      commits: [agentHead(0)],
      timeline: [event('head_ref_force_pushed', BOB, 5)],
      reviews: [approve(BOB, 10)],
    },
    verdict: 'needs-review',
    counted: [],
    ignored: [['bob', 'last-pusher', 'pushed the latest commit']],
    missing: ['1 more approval (0 of 1)'],
  },
  {
    name: 'a team member satisfies a review finding for the team',
    findings: [sensitive()],
    snapshot: { reviews: [approve(BOB, 10)], lookups: { permissions: {}, teams: { 'acme/platform': { members: ['bob'] } } } },
    verdict: 'pass',
    counted: ['bob'],
    check: (result) => {
      expect(result.findings.map((f) => f.satisfied)).toEqual([true]);
      expect(result.reviews.requirements[1]).toEqual({
        description: 'approval from @acme/platform for sensitive-paths',
        satisfied: true,
        satisfiedBy: ['bob'],
        candidates: ['@acme/platform'],
      });
    },
  },
  {
    name: 'an approval by a non-member leaves the team requirement unmet',
    findings: [sensitive()],
    snapshot: { reviews: [approve(CAROL, 10)], lookups: { permissions: {}, teams: { 'acme/platform': { members: ['bob'] } } } },
    verdict: 'needs-review',
    counted: ['carol'],
    missing: ['approval from @acme/platform for sensitive-paths'],
    summary: 'needs approval from @acme/platform for sensitive-paths',
    check: (result) => expect(result.findings.map((f) => f.satisfied)).toEqual([false]),
  },
  {
    name: 'a team the token cannot read leaves the requirement unmet and names the problem',
    findings: [sensitive()],
    snapshot: {
      reviews: [approve(BOB, 10)],
      lookups: { permissions: {}, teams: { 'acme/platform': { error: 'HTTP 403: Resource not accessible by integration' } } },
    },
    verdict: 'needs-review',
    counted: ['bob'],
    missing: ['approval from @acme/platform for sensitive-paths'],
    check: (result) =>
      expect(result.reviews.requirements[1]?.problem).toBe('cannot read team @acme/platform: HTTP 403: Resource not accessible by integration'),
  },
  {
    name: 'a team that was not fetched is reported with the missing permission',
    findings: [sensitive()],
    snapshot: { reviews: [approve(BOB, 10)] },
    verdict: 'needs-review',
    counted: ['bob'],
    missing: ['approval from @acme/platform for sensitive-paths'],
    check: (result) => expect(result.reviews.requirements[1]?.problem).toBe(`cannot read team @acme/platform: ${TEAM_HINT}`),
  },
  {
    name: 'without any approval an unfetched team is simply unmet, with no problem claimed',
    findings: [sensitive()],
    snapshot: {},
    verdict: 'needs-review',
    counted: [],
    missing: ['1 more approval (0 of 1)', 'approval from @acme/platform for sensitive-paths'],
    summary: 'needs 1 more approval (0 of 1); needs approval from @acme/platform for sensitive-paths',
    check: (result) => expect(result.reviews.requirements[1]).not.toHaveProperty('problem'),
  },
  {
    name: 'a named user reviewer satisfies the finding even when the team cannot be read',
    findings: [sensitive([PLATFORM, 'erin'])],
    snapshot: { reviews: [approve(ERIN, 10)], lookups: { permissions: {}, teams: { 'acme/platform': { error: 'forbidden' } } } },
    verdict: 'pass',
    counted: ['erin'],
  },
  {
    name: 'the requester cannot satisfy a finding that names them',
    findings: [sensitive(['alice'])],
    snapshot: { reviews: [approve(ALICE, 10), approve(BOB, 11)] },
    verdict: 'needs-review',
    counted: ['bob'],
    ignored: [['alice', 'requester', 'requested the change']],
    missing: ['approval from alice for sensitive-paths'],
  },
  {
    name: 'findings with the same reviewers form one requirement',
    findings: [sensitive(), finding('custom', 'review', ['services/billing/pay.ts'], { rule: 'billing', reviewers: ['@acme/platform'] })],
    snapshot: { reviews: [approve(CAROL, 10)], lookups: { permissions: {}, teams: { 'acme/platform': { members: ['bob'] } } } },
    verdict: 'needs-review',
    counted: ['carol'],
    missing: ['approval from @acme/platform for sensitive-paths, billing'],
  },
  {
    name: 'required-approvals 0 with a review finding still needs one counted approval',
    reviews: { 'required-approvals': 0 },
    findings: [finding('dependencies', 'review', ['package.json'], { message: 'adds lodash@4.17.21' })],
    snapshot: { reviews: [approve(ALICE, 10)] },
    verdict: 'needs-review',
    counted: [],
    ignored: [['alice', 'requester', 'requested the change']],
    missing: ['1 approval for dependencies'],
    summary: 'needs 1 approval for dependencies',
  },
  {
    name: 'required-approvals 0 with a review finding passes with one counted approval',
    reviews: { 'required-approvals': 0 },
    findings: [finding('dependencies', 'review', ['package.json'])],
    snapshot: { reviews: [approve(BOB, 10)] },
    verdict: 'pass',
    counted: ['bob'],
  },
  {
    name: 'required-approvals 0 and nothing to review passes without approvals',
    reviews: { 'required-approvals': 0 },
    findings: [finding('dependencies', 'allow', ['package.json'])],
    snapshot: {},
    verdict: 'pass',
    counted: [],
    summary: 'all checks passed',
  },
  {
    name: 'two required approvals: one is not enough',
    reviews: { 'required-approvals': 2 },
    snapshot: { reviews: [approve(BOB, 10)] },
    verdict: 'needs-review',
    counted: ['bob'],
    missing: ['1 more approval (1 of 2)'],
  },
  {
    name: 'two required approvals: two distinct humans pass',
    reviews: { 'required-approvals': 2 },
    snapshot: { reviews: [approve(BOB, 10), approve(CAROL, 11)] },
    verdict: 'pass',
    counted: ['bob', 'carol'],
    summary: 'all checks passed: 2 approvals (bob, carol)',
  },
  {
    name: 'two approvals by the same person count once',
    reviews: { 'required-approvals': 2 },
    snapshot: { reviews: [approve(BOB, 10), approve(BOB, 11)] },
    verdict: 'needs-review',
    counted: ['bob'],
    missing: ['1 more approval (1 of 2)'],
  },
  {
    name: 'a code owner of the file satisfies the code owner rule',
    reviews: { codeowners: true },
    findings: [sensitive([])],
    snapshot: {
      base: { policy: { path: '.github/agent-pr-gate.yml', text: null }, codeowners: { path: '.github/CODEOWNERS', text: CODEOWNERS } },
      reviews: [approve(BOB, 10)],
      lookups: { permissions: {}, teams: { 'acme/infra': { members: ['bob'] } } },
    },
    verdict: 'pass',
    counted: ['bob'],
  },
  {
    name: 'an approval by someone who is not a code owner leaves the file unmet',
    reviews: { codeowners: true },
    findings: [sensitive([])],
    snapshot: {
      base: { policy: { path: '.github/agent-pr-gate.yml', text: null }, codeowners: { path: '.github/CODEOWNERS', text: CODEOWNERS } },
      reviews: [approve(CAROL, 10)],
      lookups: { permissions: {}, teams: { 'acme/infra': { members: ['bob'] } } },
    },
    verdict: 'needs-review',
    counted: ['carol'],
    missing: ['code owner approval for infra/main.tf (@acme/infra)'],
    summary: 'needs code owner approval for infra/main.tf (@acme/infra)',
  },
  {
    name: 'a user code owner (last match wins over the default owner)',
    reviews: { codeowners: true },
    findings: [finding('sensitive-paths', 'review', ['db/001.sql', 'db/002.sql'])],
    snapshot: {
      base: { policy: { path: '.github/agent-pr-gate.yml', text: null }, codeowners: { path: '.github/CODEOWNERS', text: CODEOWNERS } },
      reviews: [approve(BOB, 10)],
      lookups: { permissions: {}, teams: {} },
    },
    verdict: 'needs-review',
    counted: ['bob'],
    missing: ['code owner approval for db/001.sql, db/002.sql (@carol)'],
  },
  {
    name: 'a file made unowned by a line without owners needs no code owner',
    reviews: { codeowners: true },
    findings: [finding('sensitive-paths', 'review', ['infra/legacy/old.tf'])],
    snapshot: {
      base: { policy: { path: '.github/agent-pr-gate.yml', text: null }, codeowners: { path: '.github/CODEOWNERS', text: CODEOWNERS } },
      reviews: [approve(BOB, 10)],
    },
    verdict: 'pass',
    counted: ['bob'],
  },
  {
    name: 'invalid CODEOWNERS lines are noted and skipped, not fatal',
    reviews: { codeowners: true },
    findings: [finding('sensitive-paths', 'review', ['infra/main.tf'])],
    snapshot: {
      base: {
        policy: { path: '.github/agent-pr-gate.yml', text: null },
        codeowners: { path: '.github/CODEOWNERS', text: '/infra/ @bob\n!infra/main.tf @carol\n' },
      },
      reviews: [approve(BOB, 10)],
    },
    verdict: 'pass',
    counted: ['bob'],
    check: (result) =>
      expect(result.reviews.notes).toEqual([
        '.github/CODEOWNERS:2: `!infra/main.tf`: negation (`!`) is not supported in CODEOWNERS; line skipped',
      ]),
  },
  {
    name: 'with codeowners on and no CODEOWNERS file, only a note is added',
    reviews: { codeowners: true },
    findings: [sensitive([])],
    snapshot: { reviews: [approve(BOB, 10)] },
    verdict: 'pass',
    counted: ['bob'],
    check: (result) =>
      expect(result.reviews.notes).toEqual([
        '`reviews.codeowners` is on, but the base branch has no CODEOWNERS file: no code owner approvals are required',
      ]),
  },
  {
    name: 'a deny finding fails',
    findings: [workflows()],
    snapshot: { reviews: [approve(BOB, 10)] },
    verdict: 'fail',
    counted: ['bob'],
    summary: 'denied: edits .github/workflows/ci.yml (workflows)',
    check: (result) => expect(result.findings.map((f) => f.satisfied)).toEqual([false]),
  },
  {
    name: 'an override by a maintainer after the last push waives a deny finding',
    findings: [workflows()],
    snapshot: { labels: [OVERRIDE_LABEL], timeline: [labeled(ERIN, 30)], lookups: { permissions: { erin: 'maintain' }, teams: {} } },
    verdict: 'pass',
    counted: [],
    summary: 'overridden by erin (agent-pr-gate/override)',
    check: (result) => {
      expect(result.reviews.override).toEqual({ label: OVERRIDE_LABEL, by: 'erin', at: '2026-03-02T09:30:00.000Z' });
      expect(result.findings.map((f) => f.satisfied)).toEqual([true]);
      expect(result.reviews.requirements.map((r) => r.satisfied)).toEqual([false]);
    },
  },
  {
    name: 'an override by an admin waives missing approvals and unmet reviewers',
    findings: [sensitive()],
    snapshot: { labels: [OVERRIDE_LABEL], timeline: [labeled(ERIN, 30)], lookups: { permissions: { erin: 'admin' }, teams: {} } },
    verdict: 'pass',
    counted: [],
  },
  {
    name: 'an override applied by a writer is ignored with a note',
    findings: [workflows()],
    snapshot: { labels: [OVERRIDE_LABEL], timeline: [labeled(FRANK, 30)], lookups: { permissions: { frank: 'write' }, teams: {} } },
    verdict: 'fail',
    counted: [],
    missing: ['1 more approval (0 of 1)'],
    check: (result) => {
      expect(result.reviews.override).toBeNull();
      expect(result.reviews.notes).toEqual([
        'override label `agent-pr-gate/override` applied by frank ignored: frank has write permission (an override needs admin or maintain)',
      ]);
    },
  },
  {
    name: 'an override applied by the requester does not count, whatever their permission',
    findings: [workflows()],
    snapshot: { labels: [OVERRIDE_LABEL], timeline: [labeled(ALICE, 30)], lookups: { permissions: { alice: 'admin' }, teams: {} } },
    verdict: 'fail',
    counted: [],
    missing: ['1 more approval (0 of 1)'],
    check: (result) => {
      expect(result.reviews.override).toBeNull();
      expect(result.reviews.notes).toEqual([
        'override label `agent-pr-gate/override` applied by alice, the requester: does not count (an override must come from someone else)',
      ]);
    },
  },
  {
    name: 'an override applied by the PR author does not count (a human-opened agent PR)',
    findings: [workflows()],
    requester: 'dave',
    snapshot: { author: ERIN, labels: [OVERRIDE_LABEL], timeline: [labeled(ERIN, 30)], lookups: { permissions: { erin: 'maintain' }, teams: {} } },
    verdict: 'fail',
    counted: [],
    missing: ['1 more approval (0 of 1)'],
    check: (result) => {
      expect(result.reviews.override).toBeNull();
      expect(result.reviews.notes).toEqual([
        'override label `agent-pr-gate/override` applied by erin, the PR author: does not count (an override must come from someone else)',
      ]);
    },
  },
  {
    name: 'the requester is matched as a login, whatever its case',
    findings: [workflows()],
    requester: 'ERIN',
    snapshot: { labels: [OVERRIDE_LABEL], timeline: [labeled(ERIN, 30)], lookups: { permissions: { erin: 'maintain' }, teams: {} } },
    verdict: 'fail',
    counted: [],
    missing: ['1 more approval (0 of 1)'],
    check: (result) => expect(result.reviews.notes[0]).toContain('applied by erin, the requester: does not count'),
  },
  {
    name: 'an override applied before the last push is ignored',
    findings: [workflows()],
    snapshot: {
      commits: [agentOld(), agentHead(40)],
      labels: [OVERRIDE_LABEL],
      timeline: [labeled(ERIN, 30)],
      lookups: { permissions: { erin: 'maintain' }, teams: {} },
    },
    verdict: 'fail',
    counted: [],
    missing: ['1 more approval (0 of 1)'],
    check: (result) =>
      expect(result.reviews.notes).toEqual([
        'override label `agent-pr-gate/override` applied by erin at 2026-03-02T09:30:00.000Z ignored: it predates the latest push (2026-03-02T09:40:00.000Z); apply it again',
      ]),
  },
  {
    name: 'a force push after the override ends it',
    findings: [workflows()],
    snapshot: {
      labels: [OVERRIDE_LABEL],
      timeline: [labeled(ERIN, 30), event('head_ref_force_pushed', COPILOT, 35)],
      lookups: { permissions: { erin: 'maintain' }, teams: {} },
    },
    verdict: 'fail',
    counted: [],
    missing: ['1 more approval (0 of 1)'],
    check: (result) => expect(result.reviews.override).toBeNull(),
  },
  {
    name: 'a back-dated head commit seen on the PR after the override ends it',
    findings: [workflows()],
    snapshot: {
      commits: [agentOld(), agentHead(20)],
      labels: [OVERRIDE_LABEL],
      timeline: [labeled(ERIN, 30)],
      headSeenAt: at(45),
      lookups: { permissions: { erin: 'maintain' }, teams: {} },
    },
    verdict: 'fail',
    counted: [],
    missing: ['1 more approval (0 of 1)'],
    check: (result) => {
      expect(result.reviews.override).toBeNull();
      expect(result.reviews.notes).toEqual([
        'override label `agent-pr-gate/override` applied by erin at 2026-03-02T09:30:00.000Z ignored: it predates the latest push (2026-03-02T09:45:00.000Z); apply it again',
      ]);
    },
  },
  {
    name: 'an override applied after the head commit was seen on the PR counts',
    findings: [workflows()],
    snapshot: {
      commits: [agentOld(), agentHead(20)],
      labels: [OVERRIDE_LABEL],
      timeline: [labeled(ERIN, 30)],
      headSeenAt: at(25),
      lookups: { permissions: { erin: 'maintain' }, teams: {} },
    },
    verdict: 'pass',
    counted: [],
    summary: 'overridden by erin (agent-pr-gate/override)',
    check: (result) => expect(result.reviews.override).toEqual({ label: OVERRIDE_LABEL, by: 'erin', at: '2026-03-02T09:30:00.000Z' }),
  },
  {
    name: 'a headSeenAt older than the head commit time does not move the latest push back',
    findings: [workflows()],
    snapshot: {
      commits: [agentOld(), agentHead(40)],
      labels: [OVERRIDE_LABEL],
      timeline: [labeled(ERIN, 30)],
      headSeenAt: at(10),
      lookups: { permissions: { erin: 'maintain' }, teams: {} },
    },
    verdict: 'fail',
    counted: [],
    missing: ['1 more approval (0 of 1)'],
    check: (result) => expect(result.reviews.override).toBeNull(),
  },
  {
    name: 'an override label applied by the agent is ignored',
    findings: [workflows()],
    snapshot: { labels: [OVERRIDE_LABEL], timeline: [labeled(COPILOT, 30)], lookups: { permissions: { Copilot: 'admin' }, teams: {} } },
    verdict: 'fail',
    counted: [],
    missing: ['1 more approval (0 of 1)'],
    check: (result) =>
      expect(result.reviews.notes).toEqual(['override label `agent-pr-gate/override` applied by Copilot ignored: an agent cannot override']),
  },
  {
    name: 'an override whose permission could not be read is ignored with the reason',
    findings: [workflows()],
    snapshot: {
      labels: [OVERRIDE_LABEL],
      timeline: [labeled(ERIN, 30)],
      lookups: { permissions: { erin: { error: 'could not read erin’s repository permission (HTTP 403)' } }, teams: {} },
    },
    verdict: 'fail',
    counted: [],
    missing: ['1 more approval (0 of 1)'],
    check: (result) =>
      expect(result.reviews.notes).toEqual([
        'override label `agent-pr-gate/override` applied by erin ignored: could not read erin’s repository permission (HTTP 403)',
      ]),
  },
  {
    name: 'a code owner given as an email cannot be matched, so the file stays unmet',
    reviews: { codeowners: true },
    findings: [finding('sensitive-paths', 'review', ['main.go'])],
    snapshot: {
      base: { policy: { path: '.github/agent-pr-gate.yml', text: null }, codeowners: { path: 'CODEOWNERS', text: '*.go go@example.com\n' } },
      reviews: [approve(BOB, 10)],
    },
    verdict: 'needs-review',
    counted: ['bob'],
    missing: ['code owner approval for main.go (go@example.com)'],
    check: (result) =>
      expect(result.reviews.requirements[1]?.problem).toBe(
        'cannot match code owner go@example.com to a GitHub account (name owners as @login in CODEOWNERS)',
      ),
  },
  {
    name: 'a removed override label no longer counts',
    findings: [workflows()],
    snapshot: {
      labels: [],
      timeline: [labeled(ERIN, 30), event('unlabeled', ERIN, 40, { label: OVERRIDE_LABEL })],
      lookups: { permissions: { erin: 'maintain' }, teams: {} },
    },
    verdict: 'fail',
    counted: [],
    missing: ['1 more approval (0 of 1)'],
    check: (result) => {
      expect(result.reviews.override).toBeNull();
      expect(result.reviews.notes).toEqual([]);
    },
  },
  {
    name: 'an override does not waive a blocking change request',
    snapshot: {
      labels: [OVERRIDE_LABEL],
      timeline: [labeled(ERIN, 30)],
      reviews: [requestChanges(CAROL, 20)],
      lookups: { permissions: { erin: 'maintain' }, teams: {} },
    },
    verdict: 'needs-review',
    counted: [],
    missing: ['changes requested by carol: needs their approval or a dismissal'],
  },
  {
    name: 'an override also covers data the gate could not check',
    findings: [workflows()],
    snapshot: {
      files: [file('a.ts', '+x')],
      totals: { files: 3500, additions: 1, deletions: 0, commits: 1 },
      labels: [OVERRIDE_LABEL],
      timeline: [labeled(ERIN, 30)],
      lookups: { permissions: { erin: 'maintain' }, teams: {} },
    },
    verdict: 'pass',
    counted: [],
    missing: [],
    summary: 'overridden by erin (agent-pr-gate/override); not checked by the gate: files: 1 of 3500 listed',
  },
  {
    name: 'a truncated file list without an approval cannot pass, even with no approvals required',
    reviews: { 'required-approvals': 0 },
    snapshot: {
      files: Array.from({ length: 3000 }, (_, i) => file(`src/f${i}.ts`, '+x')),
      totals: { files: 3500, additions: 3500, deletions: 0, commits: 1 },
    },
    verdict: 'needs-review',
    counted: [],
    missing: ['could not check everything: files: 3000 of 3500 listed'],
    summary: 'could not check everything: files: 3000 of 3500 listed',
  },
  {
    name: 'a truncated file list passes once a human approves the head commit',
    snapshot: {
      files: Array.from({ length: 3000 }, (_, i) => file(`src/f${i}.ts`, '+x')),
      totals: { files: 3500, additions: 3500, deletions: 0, commits: 1 },
      reviews: [approve(BOB, 10)],
    },
    verdict: 'pass',
    counted: ['bob'],
    missing: [],
    summary: 'all checks passed: 1 approval (bob); not checked by the gate: files: 3000 of 3500 listed',
  },
  {
    name: 'a missing patch needs an approval, which then covers it',
    snapshot: {
      files: [file('big.json', null, { additions: 20000, deletions: 3 }), file('src/a.ts', '+x')],
      reviews: [approve(BOB, 10)],
    },
    verdict: 'pass',
    counted: ['bob'],
    missing: [],
    summary: 'all checks passed: 1 approval (bob); not checked by the gate: patch not available for 1 file: big.json',
  },
  {
    name: 'requester, bot, stale and counted approvals combined',
    snapshot: {
      commits: [agentOld(), agentHead(20)],
      reviews: [approve(ALICE, 21), approve(bot('cursor'), 22), approve(DAVE, 10, OLD), approve(BOB, 25)],
    },
    verdict: 'pass',
    counted: ['bob'],
    ignored: [
      ['dave', 'stale', 'approved an older commit (abc1234)'],
      ['alice', 'requester', 'requested the change'],
      ['cursor[bot]', 'bot', 'is a bot'],
    ],
  },
  {
    name: 'an approval with changes requested and a missing reviewer lists every missing line',
    findings: [sensitive()],
    snapshot: {
      reviews: [approve(CAROL, 10), requestChanges(DAVE, 11)],
      lookups: { permissions: {}, teams: { 'acme/platform': { members: ['bob'] } } },
    },
    verdict: 'needs-review',
    counted: ['carol'],
    missing: ['approval from @acme/platform for sensitive-paths', 'changes requested by dave: needs their approval or a dismissal'],
    summary: 'needs approval from @acme/platform for sensitive-paths; changes requested by dave: needs their approval or a dismissal',
  },
  {
    name: 'an approval from someone without write access does not count',
    snapshot: { reviews: [{ ...approve(BOB, 10), authorAssociation: 'CONTRIBUTOR' }] },
    verdict: 'needs-review',
    counted: [],
    ignored: [['bob', 'no-write-access', 'has no write access to the repository']],
    missing: ['1 more approval (0 of 1)'],
  },
  {
    name: 'an approval from a collaborator counts',
    snapshot: { reviews: [{ ...approve(BOB, 10), authorAssociation: 'COLLABORATOR' }] },
    verdict: 'pass',
    counted: ['bob'],
  },
  {
    name: 'a deny finding fails even when the review rules are met',
    findings: [workflows(), sensitive()],
    snapshot: { reviews: [approve(BOB, 10)], lookups: { permissions: {}, teams: { 'acme/platform': { members: ['bob'] } } } },
    verdict: 'fail',
    counted: ['bob'],
    check: (result) => expect(result.findings.map((f) => f.satisfied)).toEqual([false, true]),
  },
];

describe('evaluateReviews + decideVerdict scenarios', () => {
  it('has at least 40 scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
  });

  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', (_name, scenario) => {
    const result = run(scenario);
    expect(result.verdict).toBe(scenario.verdict);
    expect(result.reviews.counted).toEqual(scenario.counted);
    expect(result.reviews.ignored).toEqual((scenario.ignored ?? []).map(([login, reason, detail]) => ({ login, reason, detail })));
    expect(result.reviews.missing.map((item) => item.text)).toEqual(scenario.missing ?? []);
    expect(result.reviews.satisfied).toBe((scenario.missing ?? []).length === 0);
    if (scenario.summary !== undefined) expect(result.summary).toBe(scenario.summary);
    expect(result.summary.length).toBeLessThanOrEqual(140);
    scenario.check?.(result);
  });
});
