import { describe, expect, it } from 'vitest';
import type { Gap } from '../src/gate/gaps.js';
import type { MissingItem, MissingKind, ReviewStatus } from '../src/result.js';
import { decideVerdict, fitSummary } from '../src/verdict.js';
import { NOT_AGENT, detection, finding } from './reviews/helpers.js';

const gaps = (...texts: string[]): Gap[] => texts.map((text) => ({ kind: 'read', text }));
const needs = (kind: MissingKind, text: string): MissingItem => ({ kind, text });

function status(overrides: Partial<ReviewStatus> = {}): ReviewStatus {
  return {
    required: 1,
    counted: ['bob'],
    ignored: [],
    changesRequestedBy: [],
    requirements: [{ description: '1 approval', satisfied: true, satisfiedBy: ['bob'], candidates: [] }],
    satisfied: true,
    missing: [],
    override: null,
    notes: [],
    ...overrides,
  };
}

const deny = { ...finding('workflows', 'deny', ['.github/workflows/ci.yml'], { message: 'edits .github/workflows/ci.yml' }) };

describe('decideVerdict', () => {
  it('skips a PR no agent authored', () => {
    expect(decideVerdict({ detection: NOT_AGENT, findings: [], reviews: null, incomplete: [] })).toEqual({
      verdict: 'skipped',
      summary: 'not an agent PR',
    });
  });

  it('fails on a deny finding and says what was denied', () => {
    expect(decideVerdict({ detection: detection(), findings: [deny], reviews: status(), incomplete: [] })).toEqual({
      verdict: 'fail',
      summary: 'denied: edits .github/workflows/ci.yml (workflows)',
    });
  });

  it('fails before it asks for review or data', () => {
    const reviews = status({ satisfied: false, missing: [needs('approvals', '1 more approval (0 of 1)')] });
    const result = decideVerdict({ detection: detection(), findings: [deny], reviews, incomplete: gaps('files: 3000 of 3500 listed') });
    expect(result.verdict).toBe('fail');
  });

  it('uses the rule name of a custom deny finding', () => {
    const custom = { ...finding('custom', 'deny', ['pay.ts'], { rule: 'billing', message: 'adds stripe.charge' }) };
    expect(decideVerdict({ detection: detection(), findings: [custom], reviews: status(), incomplete: [] }).summary).toBe(
      'denied: adds stripe.charge (billing)',
    );
  });

  it('passes a deny finding an override satisfied', () => {
    const reviews = status({ counted: [], override: { label: 'agent-pr-gate/override', by: 'erin', at: '2026-03-02T09:30:00Z' } });
    expect(decideVerdict({ detection: detection(), findings: [{ ...deny, satisfied: true }], reviews, incomplete: [] })).toEqual({
      verdict: 'pass',
      summary: 'overridden by erin (agent-pr-gate/override)',
    });
  });

  it('needs review for each missing line, keeping change requests as they are', () => {
    const reviews = status({
      satisfied: false,
      missing: [needs('reviewers', 'approval from @acme/platform for sensitive-paths'), needs('changes-requested', 'changes requested by bob: needs their approval or a dismissal')],
    });
    expect(decideVerdict({ detection: detection(), findings: [], reviews, incomplete: [] })).toEqual({
      verdict: 'needs-review',
      summary: 'needs approval from @acme/platform for sensitive-paths; changes requested by bob: needs their approval or a dismissal',
    });
  });

  it('never passes on incomplete data that no review covers', () => {
    expect(decideVerdict({ detection: detection(), findings: [], reviews: null, incomplete: gaps('files: 3000 of 3500 listed') })).toEqual({
      verdict: 'needs-review',
      summary: 'could not check everything: files: 3000 of 3500 listed',
    });
  });

  it('keeps the incomplete-data line of the review status as it is', () => {
    const reviews = status({ counted: [], satisfied: false, missing: [needs('incomplete', 'could not check everything: files: 3000 of 3500 listed')] });
    expect(decideVerdict({ detection: detection(), findings: [], reviews, incomplete: gaps('files: 3000 of 3500 listed') })).toEqual({
      verdict: 'needs-review',
      summary: 'could not check everything: files: 3000 of 3500 listed',
    });
  });

  it('passes incomplete data a human approved, and says what the gate did not check', () => {
    const incomplete = gaps('files: 3000 of 3500 listed', 'commits: 250 of 312 listed');
    expect(decideVerdict({ detection: detection(), findings: [], reviews: status(), incomplete })).toEqual({
      verdict: 'pass',
      summary: 'all checks passed: 1 approval (bob); not checked by the gate: files: 3000 of 3500 listed (+1 more)',
    });
  });

  it('words a missing item by its kind, not by how its text starts', () => {
    // A reviewers requirement whose text happens to start like a change request still reads as a need.
    const reviews = status({ satisfied: false, missing: [needs('reviewers', 'changes requested by nobody: a team name')] });
    expect(decideVerdict({ detection: detection(), findings: [], reviews, incomplete: [] }).summary).toBe('needs changes requested by nobody: a team name');
  });

  it('counts further gaps in the summary', () => {
    const incomplete = gaps('files: 3000 of 3500 listed', 'commits: 250 of 312 listed');
    expect(decideVerdict({ detection: detection(), findings: [], reviews: null, incomplete }).summary).toBe(
      'could not check everything: files: 3000 of 3500 listed (+1 more)',
    );
  });

  it('needs review for a review-level finding when there is no review status', () => {
    const reviewed = finding('dependencies', 'review', ['package.json']);
    expect(decideVerdict({ detection: detection(), findings: [reviewed], reviews: null, incomplete: [] })).toEqual({
      verdict: 'needs-review',
      summary: 'needs approval for dependencies',
    });
  });

  it('passes with the counted approvals named', () => {
    expect(decideVerdict({ detection: detection(), findings: [], reviews: status({ counted: ['bob', 'carol'] }), incomplete: [] })).toEqual({
      verdict: 'pass',
      summary: 'all checks passed: 2 approvals (bob, carol)',
    });
  });

  it('keeps every summary within the 140 characters of a commit status', () => {
    const missing = Array.from({ length: 12 }, (_, i) => needs('codeowners', `code owner approval for services/team-${i}/very/long/path/to/a/file.ts (@acme/owners-${i})`));
    const { summary } = decideVerdict({ detection: detection(), findings: [], reviews: status({ satisfied: false, missing }), incomplete: [] });
    expect(summary.length).toBeLessThanOrEqual(140);
    expect(summary).toBe(
      'needs code owner approval for services/team-0/very/long/path/to/a/file.ts (@acme/owners-0) (+11 more)',
    );
    const counted = Array.from({ length: 40 }, (_, i) => `reviewer-number-${i}`);
    const passed = decideVerdict({ detection: detection(), findings: [], reviews: status({ counted }), incomplete: [] }).summary;
    expect(passed.length).toBe(140);
    expect(passed.endsWith('…')).toBe(true);
  });
});

describe('fitSummary', () => {
  it('joins parts that fit', () => {
    expect(fitSummary('x: ', ['a', 'b'], 20)).toBe('x: a; b');
  });

  it('replaces the parts that do not fit with a count', () => {
    expect(fitSummary('', ['aaaa', 'bbbb', 'cccc'], 16)).toBe('aaaa; bbbb; cccc');
    expect(fitSummary('', ['aaaa', 'bbbb', 'cccc'], 15)).toBe('aaaa (+2 more)');
  });

  it('shortens a first part that is too long alone', () => {
    expect(fitSummary('', ['abcdefghijklmnopqrstuvwxyz', 'b'], 20)).toBe('abcdefghi… (+1 more)');
    expect(fitSummary('', ['abcdefghijklmnopqrstuvwxyz'], 10)).toBe('abcdefghi…');
  });
});
