/**
 * Evaluation CPU of the pure core (policy + reviews + metrics + verdict + render: comment,
 * annotations, JSON) on one PR, in a fresh process so the first call is really cold, as in an
 * action run. `tsx scripts/bench-core.ts <typical|large|heavy>`:
 *
 * - typical, large: the bench's fake-API scenarios;
 * - heavy: the large PR's commits, reviews and comments with 3000 files of 50,000 added lines of
 *   realistic code instead of its small files.
 *
 * Each is served by the fake GitHub API and read through the real adapter first, so the snapshot
 * is what a run evaluates: parsed from the API's answers, and already through the collections
 * a run's requests cause.
 *
 * Prints one JSON line `{ files, addedLines, cold, warm, verdict }`, each time as `{ thread,
 * process }`: CPU of the main thread, which the run waits for (Linux: /proc/thread-self/schedstat;
 * null elsewhere), and of the whole process, which adds V8's background compiler and collector
 * threads. scripts/bench.ts bundles it as dist/ is bundled, runs it and prints the rows with their
 * budgets (`tsx` runs it as it is, a little slower: tsx names every closure it makes).
 */
import { readFileSync } from 'node:fs';
import type { FakeFile } from '../__tests__/fake-github/scenario.js';
import type { PrSnapshot as Snapshot } from '../src/snapshot.js';

const { loadPolicy } = await import('../src/config/load-policy.js');
const { evaluateGate } = await import('../src/evaluate.js');
const { buildAnnotations } = await import('../src/render/annotations.js');
const { renderComment } = await import('../src/render/render-comment.js');
const { toReportJson } = await import('../src/report-json.js');

/** CPU time of the calling thread in ms, or null where the kernel does not say. */
function threadCpuMs(): number | null {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

/** The heavy PR's files: 3000 of them, 50,000 added lines drawn from TypeScript, Python and Markdown. */
function heavyFiles(): FakeFile[] {
  const FILES = 3000;
  const ADDED_LINES = 50_000;

  // A fixed linear congruential generator: the same PR on every run.
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;

  const TS = [
    "import { useState, useEffect } from 'react';",
    'export function computeTotal(items: Item[], discount = 0): number {',
    '  const subtotal = items.reduce((sum, item) => sum + item.price * item.quantity, 0);',
    '  // see https://github.com/acme/widgets/issues/123 for the rounding rule',
    '  if (!user.token) throw new Error(`missing token for ${user.id}`);',
    '  const response = await fetch(`${API_BASE}/orders/${orderId}`, { headers: { Authorization: `Bearer ${session.accessToken}` } });',
    '  return Math.round(subtotal * (1 - discount) * 100) / 100;',
    '}',
    '  expect(result).toEqual({ ok: true, value: 42 });',
    "describe('computeTotal', () => {",
    "  it('applies the discount', () => {",
    '    const password = form.get("password");',
    '',
  ];
  const PY = [
    'def handle(request, *args, **kwargs):',
    '    """Handle the request and return a response."""',
    '    data = json.loads(request.body)',
    '    url = "https://api.stripe.com/v1/charges"',
    '    return JsonResponse({"status": "ok", "count": len(data)})',
    '    assert response.status_code == 200',
  ];
  const MD = ['## Usage', 'Install with `npm install widgets` and see https://docs.acme.dev/guide.', '- item one', 'Some prose about the change.'];

  const perFile = Math.floor(ADDED_LINES / FILES);
  return Array.from({ length: FILES }, (_, index) => {
    const kind = random();
    const [extension, pool] = kind < 0.6 ? ['ts', TS] : kind < 0.85 ? ['py', PY] : ['md', MD];
    const count = perFile + (index < ADDED_LINES % FILES ? 1 : 0);
    const lines = Array.from({ length: count }, () => `+${pick(pool)}`);
    const patch = [`@@ -10,3 +10,${count + 3} @@ function x() {`, ' context one', ...lines, ' context two', ' context three'].join('\n');
    const folder = ['src', 'lib', 'app', 'services/billing', 'test'][index % 5];
    return { filename: `${folder}/m${index}.${extension === 'ts' && index % 7 === 0 ? 'test.ts' : extension}`, status: 'modified', additions: count, deletions: 0, patch };
  });
}

/** A fake-API scenario's snapshot, read through the adapter as a run reads it, and its policy text. */
async function fakeApiSnapshot(name: 'typical' | 'large' | 'heavy'): Promise<{ snapshot: Snapshot; policy: string | null; now: Date }> {
  const { largeScenario } = await import('../__tests__/fake-github/large-pr.js');
  const { typicalScenario } = await import('../__tests__/fake-github/scenario.js');
  const { startFakeGitHub } = await import('../__tests__/fake-github/server.js');
  const { TEST_PACING } = await import('../__tests__/fake-github/test-pacing.js');
  const { createGitHubClient } = await import('../src/github/client.js');
  const { fetchSnapshot } = await import('../src/github/fetch-snapshot.js');
  const base = name === 'typical' ? typicalScenario() : largeScenario();
  if (name === 'heavy') {
    base.files = heavyFiles();
    base.totalFiles = base.files.length;
  }
  const fake = await startFakeGitHub(base);
  try {
    const client = createGitHubClient({ token: 'bench', apiUrl: fake.url, graphqlUrl: fake.graphqlUrl, ...TEST_PACING });
    const snapshot = await fetchSnapshot(client, { owner: base.repo.owner, name: base.repo.name, number: base.pr.number, baseSha: base.pr.base.sha, configPath: '.github/agent-pr-gate.yml' });
    return { snapshot, policy: snapshot.base.policy.text, now: new Date('2026-03-03T09:00:00Z') };
  } finally {
    await fake.close();
  }
}

const scenario = process.argv[2] ?? 'heavy';
if (scenario !== 'typical' && scenario !== 'large' && scenario !== 'heavy') throw new Error(`unknown scenario ${scenario}: typical, large or heavy`);
const { snapshot, policy, now } = await fakeApiSnapshot(scenario);

const loaded = loadPolicy(policy, '.github/agent-pr-gate.yml');
if (!loaded.ok) throw new Error('the bench policy does not load');
let verdict = '';
const evaluate = (): void => {
  const result = evaluateGate(loaded.policy, snapshot, { now, workflowPath: '.github/workflows/agent-pr-gate.yml' });
  renderComment(result);
  buildAnnotations(result);
  JSON.stringify(toReportJson(result));
  verdict = result.verdict;
};
const cpu = (): { thread: number | null; process: number } => {
  const thread = threadCpuMs();
  const before = process.cpuUsage();
  evaluate();
  const used = process.cpuUsage(before);
  const threadAfter = threadCpuMs();
  return { thread: thread === null || threadAfter === null ? null : threadAfter - thread, process: (used.user + used.system) / 1000 };
};
const cold = cpu();
const repeats = Array.from({ length: 15 }, cpu);
const middle = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const threads = repeats.map((r) => r.thread);
const warm = { thread: threads.includes(null) ? null : middle(threads as number[]), process: middle(repeats.map((r) => r.process)) };
const addedLines = snapshot.files.reduce((sum, change) => sum + change.additions, 0);
console.log(JSON.stringify({ files: snapshot.files.length, addedLines, cold, warm, verdict }));
