import { describe, expect, it } from 'vitest';
import type { CategoryId } from '../../src/config/policy.js';
import type { FileChange } from '../../src/snapshot.js';
import { pullRequestPayload, runAction, useGateRuns } from '../e2e/run-action.js';
import { BASE_SHA, typicalScenario, type FakeFile } from '../fake-github/scenario.js';
import { startFakeGitHub } from '../fake-github/server.js';
import * as dependencies from './dependencies-cases.js';
import { DENY_POLICY_YAML, type AdversarialCase } from './harness.js';
import * as network from './network-cases.js';
import * as secrets from './secrets-cases.js';
import * as testsWeakened from './tests-weakened-cases.js';

/**
 * The whole adversarial suite end to end (docs/security.md, "What an agent must not get past"):
 * every evasion and every near-miss the core suites run, here through `node dist/index.js` against
 * the fake API, on an approved Copilot PR under a policy that denies every category an agent could
 * use (harness.ts). An evasion must give `fail` with a finding of its category; a near-miss no
 * finding of its category. The core suites (secrets.test.ts, dependencies.test.ts) stay the
 * detailed ones; this file shows the bundle sees what the core sees: the files list, the patches,
 * the policy at the base commit and the manifests it reads through the API.
 */

/**
 * Through the bundle the gate always reads touched manifests whole at base and head
 * (docs/dependencies.md), so the dependency cases run in their whole-manifest form (`withContents`),
 * never hunk-only: the hunk-only form is the offline fallback, which the core suite covers.
 */
function wholeManifests(c: dependencies.ManifestCase & { command?: string }): AdversarialCase & { message?: string } {
  // The part of the finding's message the core suite expects, for the evasions that name one.
  const message = c.message ?? (c.command === undefined ? undefined : `\`${c.command}\``);
  return { name: c.name, category: 'dependencies', ...dependencies.withContents(c), ...(message === undefined ? {} : { message }) };
}

/** A category's cases. To add one: import its case module and add one line below. */
interface CategorySuite {
  category: CategoryId;
  evasions: readonly AdversarialCase[];
  nearMisses: readonly AdversarialCase[];
}

const SUITES: CategorySuite[] = [
  { category: 'secrets', evasions: secrets.EVASIONS, nearMisses: secrets.NEAR_MISSES },
  { category: 'network', evasions: network.EVASIONS, nearMisses: network.NEAR_MISSES },
  { category: 'tests-weakened', evasions: testsWeakened.EVASIONS, nearMisses: testsWeakened.NEAR_MISSES },
  {
    category: 'dependencies',
    evasions: [...dependencies.EVASIONS, ...dependencies.COMMANDS].map(wholeManifests),
    nearMisses: [...dependencies.NEAR_MISSES, ...dependencies.COMMAND_NEAR_MISSES.map((c) => ({ ...c, base: c.base ?? null }))].map(wholeManifests),
  },
];

/** Child processes at a time: each case is its own fake API and its own `node dist/index.js`. */
const CONCURRENCY = 3;

interface ReportFinding {
  category: string;
  level?: string;
  message?: string;
  files?: string[];
}

interface BundleRun {
  verdict: string | undefined;
  /** The report output's findings; null when the run wrote no report that parses. */
  findings: ReportFinding[] | null;
  /** Everything the run wrote where a reader could see it: logs, outputs, summary, comment, status. */
  written: string;
  stderr: string;
}

function toFakeFile(change: FileChange): FakeFile {
  return {
    filename: change.path,
    status: change.status,
    additions: change.additions,
    deletions: change.deletions,
    ...(change.patch === null ? {} : { patch: change.patch }),
    ...(change.previousPath === null ? {} : { previous_filename: change.previousPath }),
  };
}

/** One case through the bundle: the PR lists the case's files (only those, as the core run sees them). */
async function runThroughBundle(c: AdversarialCase): Promise<BundleRun> {
  const scenario = typicalScenario();
  const head = scenario.pr.head.sha;
  scenario.files = c.files.map(toFakeFile);
  const baseTree: Record<string, string> = { '.github/agent-pr-gate.yml': DENY_POLICY_YAML };
  const headTree: Record<string, string> = { ...scenario.trees[head] };
  for (const [path, content] of Object.entries(c.contents ?? {})) {
    // A read error is a fault of the API, not a text: the fake cannot serve it as a tree.
    if (content.error !== undefined) throw new Error(`${c.name}: a read error cannot run through the bundle`);
    if (content.base !== null) baseTree[path] = content.base;
    if (content.head !== null) headTree[path] = content.head;
  }
  scenario.trees[BASE_SHA] = baseTree;
  scenario.trees[head] = headTree;
  const fake = await startFakeGitHub(scenario);
  try {
    const run = await runAction(fake, { event: 'pull_request_target', payload: pullRequestPayload(scenario) });
    let findings: ReportFinding[] | null = null;
    try {
      findings = (JSON.parse(run.outputs.report ?? '') as { findings?: ReportFinding[] }).findings ?? null;
    } catch {
      findings = null;
    }
    const written = [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs), JSON.stringify(fake.writes)].join('\n');
    return { verdict: run.outputs.verdict, findings, written, stderr: run.stderr };
  } finally {
    await fake.close();
  }
}

/** `work` on every item, at most `limit` at a time, results in the items' order. */
async function eachBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next;
      next += 1;
      results[at] = await work(items[at] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const brief = (run: BundleRun) => JSON.stringify({ verdict: run.verdict, findings: run.findings?.map((f) => [f.category, f.message, f.files]), stderr: run.stderr.slice(0, 500) });

/** What went wrong with an evasion through the bundle, or null when it was caught. */
function missedEvasion(c: AdversarialCase, category: CategoryId, run: BundleRun): string | null {
  const problems: string[] = [];
  if (run.verdict !== 'fail') problems.push(`verdict ${String(run.verdict)}`);
  const found = (run.findings ?? []).filter((f) => f.category === category);
  if (found.length === 0) problems.push(`no ${category} finding`);
  const message = 'message' in c && typeof c.message === 'string' ? c.message : '';
  if (found.length > 0 && !found.map((f) => f.message ?? '').join(' | ').includes(message)) problems.push(`no message with ${message}`);
  // A secret case carries its secret: the run must not echo it past its first 4 characters (docs/secrets.md).
  const secret = 'secret' in c && typeof c.secret === 'string' ? c.secret : '';
  for (let at = 4; at + 8 <= secret.length; at += 8) {
    if (run.written.includes(secret.slice(at, at + 8))) {
      problems.push(`echoes the secret (characters ${at}..${at + 8})`);
      break;
    }
  }
  return problems.length === 0 ? null : `${c.name}: ${problems.join(', ')} ${brief(run)}`;
}

function flaggedNearMiss(c: AdversarialCase, category: CategoryId, run: BundleRun): string | null {
  if (run.verdict === undefined || run.findings === null) return `${c.name}: no verdict or report ${brief(run)}`;
  return run.findings.some((f) => f.category === category) ? `${c.name}: a ${category} finding ${brief(run)}` : null;
}

const timeout = (cases: number) => 30_000 + cases * 4_000;

describe('the adversarial suite through the bundle', () => {
  // Checks once that dist/index.js is built; each case below starts and closes its own fake API.
  useGateRuns();

  describe.each(SUITES)('$category', ({ category, evasions, nearMisses }) => {
    it(`fails every evasion (${evasions.length})`, { timeout: timeout(evasions.length) }, async () => {
      expect(evasions.length).toBeGreaterThan(0);
      expect(evasions.filter((c) => c.category !== category).map((c) => c.name)).toEqual([]);
      const runs = await eachBounded(evasions, CONCURRENCY, runThroughBundle);
      expect(evasions.map((c, at) => missedEvasion(c, category, runs[at] as BundleRun)).filter((p) => p !== null)).toEqual([]);
    });

    it(`gives no finding on any near-miss (${nearMisses.length})`, { timeout: timeout(nearMisses.length) }, async () => {
      expect(nearMisses.length).toBeGreaterThan(0);
      expect(nearMisses.filter((c) => c.category !== category).map((c) => c.name)).toEqual([]);
      const runs = await eachBounded(nearMisses, CONCURRENCY, runThroughBundle);
      expect(nearMisses.map((c, at) => flaggedNearMiss(c, category, runs[at] as BundleRun)).filter((p) => p !== null)).toEqual([]);
    });
  });
});
