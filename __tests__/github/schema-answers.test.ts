/**
 * The gate on answers built from GitHub's schema (schema-answers.ts), not from our fake API: the
 * whole answer, and the answer with each nullable field null in turn (~70 of them: deleted users,
 * commits without a linked account, reviews without a commit, a missing CODEOWNERS…). GitHub
 * may send null wherever its schema allows it, so every such answer must run through the gate or
 * stop with a clear error — never a crash, and never a refusal of a null GitHub really sends.
 */
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/config/load-policy.js';
import { evaluateGate } from '../../src/evaluate.js';
import type { GitHubClient } from '../../src/github/client.js';
import { fetchReport } from '../../src/github/fetch-report.js';
import { REPORT_CONTEXT_QUERY, REPORT_HISTORY_QUERY, REPORT_SEARCH_QUERY } from '../../src/github/report-queries.js';
import { fetchReportResult } from '../../src/github/fetch-report-result.js';
import { fetchSnapshot } from '../../src/github/fetch-snapshot.js';
import { SNAPSHOT_QUERY } from '../../src/github/graphql-queries.js';
import { ApiShapeError } from '../../src/github/schemas.js';
import { renderComment } from '../../src/render/render-comment.js';
import { schemaAnswer } from './schema-answers.js';

const TARGET = { owner: 'acme', name: 'widgets', number: 42, baseSha: 'b'.repeat(40), configPath: '.github/agent-pr-gate.yml' };

/** Every REST list answered with no items (as the raw text fetch-pages reads). */
const NO_ITEMS = (async () => ({ status: 200, url: '', headers: {}, data: '[]' })) as unknown as GitHubClient['request'];

/** A client that answers the snapshot query with `data` and every REST list with no items. */
function clientAnswering(data: unknown): GitHubClient {
  return { request: NO_ITEMS, graphql: async () => data };
}

type Outcome = { kind: 'ok' } | { kind: 'refused'; message: string } | { kind: 'error'; message: string };

/** How `work` ends: through, refused as a drifted shape, or a clear error; a crash is rethrown. */
async function outcomeOf(work: () => Promise<unknown>): Promise<Outcome> {
  try {
    await work();
    return { kind: 'ok' };
  } catch (error) {
    if (error instanceof ApiShapeError) return { kind: 'refused', message: error.message };
    if (error instanceof TypeError || error instanceof RangeError || !(error instanceof Error)) throw error;
    return { kind: 'error', message: error.message };
  }
}

/** The answer with a policy file and a CODEOWNERS that parse (the schema only says: strings). */
function withFiles(data: { [key: string]: unknown }): unknown {
  const repository = data.repository as { [key: string]: { text?: unknown } | null } | null;
  if (repository?.policyFile && typeof repository.policyFile.text === 'string') repository.policyFile.text = 'extends: default\n';
  for (const key of ['codeownersGithub', 'codeownersRoot', 'codeownersDocs']) {
    const blob = repository?.[key];
    if (blob && typeof blob.text === 'string') blob.text = '* @acme/owners\n';
  }
  return data;
}

/** `run` on the answer to `query` with each of its nullable fields null in turn, by outcome. */
async function withEachNull(query: string, run: (answer: { [key: string]: unknown }) => Promise<Outcome>) {
  const refused: string[] = [];
  const errors: string[] = [];
  for (const path of schemaAnswer(query).nullable) {
    const outcome = await run(schemaAnswer(query, { nullAt: path }).data);
    if (outcome.kind === 'refused') refused.push(path);
    if (outcome.kind === 'error') errors.push(`${path}: ${outcome.message}`);
  }
  return { refused, errors };
}

function runGate(answer: { [key: string]: unknown }): Promise<Outcome> {
  return outcomeOf(async () => {
    const snapshot = await fetchSnapshot(clientAnswering(withFiles(answer)), TARGET);
    const loaded = loadPolicy(snapshot.base.policy.text, TARGET.configPath);
    if (!loaded.ok) throw new Error('policy');
    renderComment(evaluateGate(loaded.policy, snapshot, { now: new Date('2026-03-03T00:00:00Z'), workflowPath: null }));
  });
}

const full = schemaAnswer(SNAPSHOT_QUERY);

describe('the snapshot query on answers built from GitHub’s schema', () => {
  it('runs the whole gate on an answer with every field present', async () => {
    expect(await runGate(full.data)).toEqual({ kind: 'ok' });
    expect(full.nullable.length).toBeGreaterThan(50);
  });

  it('never crashes on a null GitHub may send, and says what it refuses', async () => {
    const { refused, errors } = await withEachNull(SNAPSHOT_QUERY, runGate);
    // A missing repository or PR: the clear "not found" errors.
    expect(errors).toEqual([
      'repository: repository acme/widgets was not found, or the token cannot read it',
      'repository.pullRequest: pull request #42 was not found in acme/widgets',
    ]);
    // A whole connection or its `nodes` list null: GitHub sends that only with an `errors` entry
    // (a resolver failed), which fails the query before its shape is read. Refused, fail closed.
    expect(refused).toEqual([
      'repository.pullRequest.headCommit.nodes',
      'repository.pullRequest.labels',
      'repository.pullRequest.labels.nodes',
      'repository.pullRequest.assignees.nodes',
      'repository.pullRequest.commits.nodes',
      'repository.pullRequest.reviews',
      'repository.pullRequest.reviews.nodes',
      'repository.pullRequest.reviews.nodes[].comments.nodes',
      'repository.pullRequest.comments.nodes',
      'repository.pullRequest.timelineItems.nodes',
    ]);
  });
});

// ---- Report mode: the search answer (the PR fields it shares with the gate, plus mergeCommit). ----

const REPORT_TARGET = {
  owner: 'acme',
  name: 'widgets',
  configPath: '.github/agent-pr-gate.yml',
  from: new Date('2026-03-01T00:00:00Z'),
  to: new Date('2026-03-05T00:00:00Z'),
  now: new Date('2026-03-06T00:00:00Z'),
};

/** A client answering report mode's three queries from the schema; `search` for the search query. */
function reportClient(search: { [key: string]: unknown }): GitHubClient {
  return {
    request: NO_ITEMS,
    graphql: async (query) => {
      if (query === REPORT_SEARCH_QUERY) return search;
      if (query === REPORT_CONTEXT_QUERY) return withFiles(schemaAnswer(REPORT_CONTEXT_QUERY).data);
      if (query === REPORT_HISTORY_QUERY) return schemaAnswer(REPORT_HISTORY_QUERY).data;
      throw new Error('unexpected query');
    },
  };
}

function runReport(search: { [key: string]: unknown }): Promise<Outcome> {
  const client = reportClient(search);
  return outcomeOf(async () => {
    const readPolicy = (text: string | null) => {
      const loaded = loadPolicy(text, REPORT_TARGET.configPath);
      if (!loaded.ok) throw new Error('policy');
      return loaded;
    };
    const data = await fetchReport(client, REPORT_TARGET, readPolicy);
    const repo = { owner: REPORT_TARGET.owner, name: REPORT_TARGET.name };
    const window = { from: REPORT_TARGET.from, to: REPORT_TARGET.to, label: 'test' };
    await fetchReportResult(client, data.policy.policy, data, { repo, window, now: REPORT_TARGET.now, tierLabels: new Map(), compare: null });
  });
}

describe('report mode on answers built from GitHub’s schema', () => {
  const search = schemaAnswer(REPORT_SEARCH_QUERY);

  it('reads and reports on a search answer with every field present', async () => {
    expect(await runReport(search.data)).toEqual({ kind: 'ok' });
  });

  it('never crashes on a null GitHub may send in the search answer', async () => {
    const { refused, errors } = await withEachNull(REPORT_SEARCH_QUERY, runReport);
    expect(errors).toEqual([]);
    // As in the gate: a null connection or `nodes` list comes only with an `errors` entry.
    expect(refused).toEqual([
      'search.nodes',
      'search.nodes[].labels',
      'search.nodes[].labels.nodes',
      'search.nodes[].assignees.nodes',
      'search.nodes[].commits.nodes',
      'search.nodes[].reviews',
      'search.nodes[].reviews.nodes',
      'search.nodes[].comments.nodes',
      'search.nodes[].timelineItems.nodes',
    ]);
  });
});
