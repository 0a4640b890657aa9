/**
 * Evaluation CPU of the pure core on a heavy PR, in a fresh process so the first call is really
 * cold (as in an action run): 3000 files with 50,000 added lines of realistic code, 250 commits,
 * 300 reviews, 500 comments. Prints one JSON line `{ files, addedLines, cold, warm, verdict }`;
 * scripts/bench.ts runs it and prints the row with its budget.
 */
import { registerRawLoader } from './raw-loader.js';

registerRawLoader();

const { loadPolicy } = await import('../src/config/load-policy.js');
const { evaluateGate } = await import('../src/evaluate.js');
const { buildAnnotations } = await import('../src/render/annotations.js');
const { renderComment } = await import('../src/render/render-comment.js');
const { toReportJson } = await import('../src/report-json.js');
const { COPILOT, at, comment, commit, copilotSnapshot, file, review, user } = await import('../__tests__/factories.js');

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
const files = Array.from({ length: FILES }, (_, index) => {
  const kind = random();
  const [extension, pool] = kind < 0.6 ? ['ts', TS] : kind < 0.85 ? ['py', PY] : ['md', MD];
  const count = perFile + (index < ADDED_LINES % FILES ? 1 : 0);
  const lines = Array.from({ length: count }, () => `+${pick(pool)}`);
  const patch = [`@@ -10,3 +10,${count + 3} @@ function x() {`, ' context one', ...lines, ' context two', ' context three'].join('\n');
  const folder = ['src', 'lib', 'app', 'services/billing', 'test'][index % 5];
  return file(`${folder}/m${index}.${extension === 'ts' && index % 7 === 0 ? 'test.ts' : extension}`, patch);
});
const alice = user('alice', 1);
const reviewers = Array.from({ length: 30 }, (_, index) => user(`reviewer-${index}`));
const commits = Array.from({ length: 250 }, (_, index) => commit(index % 10 === 9 ? alice : COPILOT, index));
const snapshot = copilotSnapshot({
  files,
  commits,
  reviews: Array.from({ length: 300 }, (_, index) =>
    review(reviewers[index % reviewers.length] ?? null, index % 3 === 0 ? 'CHANGES_REQUESTED' : 'COMMENTED', 10 + index),
  ),
  comments: Array.from({ length: 500 }, (_, index) => comment(reviewers[index % reviewers.length] ?? null, 20 + index)),
});

const loaded = loadPolicy(null, '.github/agent-pr-gate.yml');
if (!loaded.ok) throw new Error('the default preset does not load');
const now = new Date(at(600));
let verdict = '';
const evaluate = (): void => {
  const result = evaluateGate(loaded.policy, snapshot, { now, workflowPath: '.github/workflows/agent-pr-gate.yml' });
  renderComment(result);
  buildAnnotations(result);
  JSON.stringify(toReportJson(result));
  verdict = result.verdict;
};
const cpu = (): number => {
  const before = process.cpuUsage();
  evaluate();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};
const cold = cpu();
const warm = Array.from({ length: 15 }, cpu).sort((a, b) => a - b)[7] ?? Number.NaN;
const addedLines = files.reduce((sum, change) => sum + change.additions, 0);
console.log(JSON.stringify({ files: files.length, addedLines, cold, warm, verdict }));
