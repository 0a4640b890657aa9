/**
 * `npm run bench`: the SPEC §9 budgets, measured against the fake GitHub API
 * (__tests__/fake-github/) for a typical PR and the large PR (3000 of 3500 files, 250 commits,
 * 300 reviews, 500 comments):
 *
 * - API requests of a whole gate run (`node dist/index.js`, as the runner starts it);
 * - evaluation CPU time: policy + reviews + metrics + verdict + render (comment, annotations, JSON),
 *   cold (the first call in a fresh process, as in a real run) and warm (median of repeats), on
 *   the main thread — what the run waits for — with the whole process's CPU beside it (it adds
 *   V8's background compiler and collector threads, which run on other cores);
 * - whole-run wall time, against the requests-only floor measured in the same bench run (the two
 *   run alternately, 11 runs each, medians): a bundle, built as dist/ is, that makes only the
 *   run's requests (fetch the snapshot, write the comment, list the comments written since the
 *   start as the gate does to find a twin, write the status, set an output) and nothing of the
 *   gate itself. Budget: at most 1.3× that floor for the typical PR, 1.5× for the large PR.
 *   Beside it, for context, a bare `node -e 0` start and the run's network time (the same
 *   requests made in-process, warm, with a fresh client paced as a gate run paces them). (The
 *   floor also pays a wait the gate does not: Node's fetch keeps the process alive some 50 ms
 *   after its first request, and the gate is still working by then.)
 * - evaluation CPU for a heavy PR too (3000 files, 50,000 added lines, 250 commits, 300 reviews,
 *   500 comments), against the same < 100 ms budget. All three CPU rows run scripts/bench-core.ts,
 *   bundled as dist/ is (scripts/bundle-options.mjs): the code as the action runs it, not as tsx
 *   transforms it for a test (its helpers name every closure made, which a run never pays for).
 *   Each row is the median, by cold time, of CORE_RUNS fresh processes.
 *
 * Every measured process (gate runs, floors, the CPU rows, report mode) runs on Node 24, the
 * action's runtime, from scripts/node24.sh; `npm run bench -- --machine-node` runs them on the
 * Node running the bench instead, for comparison (the budgets are the action's, on its runtime).
 *
 * A benchmark, not a test: it prints numbers and budgets, and exits 1 when a budget is missed.
 * Run `npm run build` first (it measures dist/index.js). `npm run bench -- large heavy` runs only
 * the rows named (`typical`, `large`, `heavy`, `report`); all of them by default.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { largeScenario } from '../__tests__/fake-github/large-pr.js';
import { cloneScenario, typicalScenario, type FakeScenario } from '../__tests__/fake-github/scenario.js';
import { startFakeGitHub, type FakeGitHub } from '../__tests__/fake-github/server.js';
import { DEFAULT_INPUTS, pullRequestPayload } from '../__tests__/e2e/run-action.js';

const { createGitHubClient, GATE_WRITE_SPACING_MS } = await import('../src/github/client.js');
const { fetchSnapshot } = await import('../src/github/fetch-snapshot.js');

const DIST = resolve(import.meta.dirname, '../dist/index.js');
const RUNS = 11;

const ROWS = ['typical', 'large', 'heavy', 'report'] as const;
const args = process.argv.slice(2);
const onMachineNode = args.includes('--machine-node');
const asked = args.filter((arg) => arg !== '--machine-node');
for (const name of asked) if (!(ROWS as readonly string[]).includes(name)) throw new Error(`unknown row ${name}: ${ROWS.join(', ')} (and --machine-node)`);
const runs = (row: (typeof ROWS)[number]): boolean => asked.length === 0 || asked.includes(row);

/**
 * The Node every measured process runs on: Node 24, the action's runtime (action.yml: `using:
 * node24`), pinned and installed by scripts/node24.sh, as CI runs the suite on it. A gate run
 * never runs on another Node, so the budgets are judged on this one. `--machine-node` runs them
 * on the Node running the bench instead, for comparison.
 */
const NODE = onMachineNode ? process.execPath : execFileSync('bash', [resolve(import.meta.dirname, 'node24.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
const NODE_VERSION = onMachineNode ? process.version : execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim();

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

function spawnWall(args: string[], env: Record<string, string>, cwd: string): Promise<{ wall: number; code: number | null }> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(NODE, args, { env, cwd, stdio: 'ignore' });
    child.on('close', (code) => done({ wall: performance.now() - started, code }));
  });
}

/**
 * Runs each script (the gate, its floor) as a runner would, alternating them run by run so both
 * see the same machine (a drift in its speed moves both): the median wall time of each over RUNS
 * runs after one warm-up round, its request count and exit code.
 */
async function wholeRuns(fake: FakeGitHub, base: FakeScenario, scripts: readonly string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'agent-pr-gate-bench-'));
  try {
    const eventPath = join(dir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(pullRequestPayload(base)));
    const results = scripts.map(() => ({ walls: [] as number[], requests: 0, code: null as number | null }));
    for (let run = 0; run <= RUNS; run++) {
      for (const [index, script] of scripts.entries()) {
        fake.scenario = cloneScenario(base);
        fake.resetLog();
        const output = join(dir, `output-${run}-${index}`);
        const summary = join(dir, `summary-${run}-${index}`);
        writeFileSync(output, '');
        writeFileSync(summary, '');
        const env: Record<string, string> = {
          PATH: process.env.PATH ?? '',
          GITHUB_EVENT_NAME: 'pull_request_target',
          GITHUB_EVENT_PATH: eventPath,
          GITHUB_REPOSITORY: `${base.repo.owner}/${base.repo.name}`,
          GITHUB_API_URL: fake.url,
          GITHUB_GRAPHQL_URL: fake.graphqlUrl,
          GITHUB_RUN_ID: '1',
          GITHUB_OUTPUT: output,
          GITHUB_STEP_SUMMARY: summary,
          RUNNER_TEMP: dir,
          ...Object.fromEntries(Object.entries({ ...DEFAULT_INPUTS, 'fail-on': 'never' }).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
        };
        const result = await spawnWall([script], env, dir);
        if (run === 0) continue; // warm-up: file cache
        const into = results[index] as (typeof results)[number];
        into.walls.push(result.wall);
        into.requests = fake.requests.length;
        into.code = result.code;
      }
    }
    const bare: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const result = await spawnWall(['-e', '0'], { PATH: process.env.PATH ?? '' }, dir);
      if (run > 0) bare.push(result.wall);
    }
    return { runs: results.map((result) => ({ wall: median(result.walls), requests: result.requests, code: result.code })), bare: median(bare) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The run's API traffic in-process, warm, with a fresh client paced as a gate run is: fetch the
 * snapshot, write a comment and a status. Median of 5.
 */
async function networkTime(fake: FakeGitHub, base: FakeScenario) {
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    fake.scenario = cloneScenario(base);
    const client = createGitHubClient({ token: 'bench', apiUrl: fake.url, graphqlUrl: fake.graphqlUrl, writeSpacingMs: GATE_WRITE_SPACING_MS });
    const started = performance.now();
    await fetchSnapshot(client, { owner: base.repo.owner, name: base.repo.name, number: base.pr.number, baseSha: base.pr.base.sha, configPath: '.github/agent-pr-gate.yml' });
    const owner = base.repo.owner;
    const repo = base.repo.name;
    await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: base.pr.number, body: '<!-- agent-pr-gate -->\nbench' });
    await client.request('POST /repos/{owner}/{repo}/statuses/{sha}', { owner, repo, sha: base.pr.head.sha, state: 'success', context: 'agent-pr-gate', description: 'bench' });
    times.push(performance.now() - started);
  }
  return median(times);
}

interface Row {
  name: string;
  requests: number;
  requestBudget: number;
  /** The whole run's wall time may be at most this many times the requests-only floor. */
  wallRatioBudget: number;
  cpu: CoreRun;
  cpuBudget: number | null;
  wall: number;
  bare: number;
  network: number;
  /** The same requests from a bundle that does nothing else (see fetchOnlyBundle). */
  fetchOnly: number;
  verdict: string;
}

async function measure(
  name: string,
  scenario: 'typical' | 'large',
  budgets: { requests: number; cpu: number | null; wallRatio: number },
  fetchOnlyScript: string,
): Promise<Row> {
  const base = scenario === 'large' ? largeScenario() : typicalScenario();
  const cpu = await coreRun(scenario);
  const fake = await startFakeGitHub(cloneScenario(base));
  try {
    const network = await networkTime(fake, base);
    const { runs, bare } = await wholeRuns(fake, base, [DIST, fetchOnlyScript]);
    const [gate, fetchOnly] = runs as [(typeof runs)[number], (typeof runs)[number]];
    if (gate.code !== 0) throw new Error(`${name}: node dist/index.js exited ${gate.code}`);
    if (fetchOnly.code !== 0) throw new Error(`${name}: the fetch-only bundle exited ${fetchOnly.code}`);
    return { name, requests: gate.requests, requestBudget: budgets.requests, wallRatioBudget: budgets.wallRatio, cpu, cpuBudget: budgets.cpu, wall: gate.wall, bare, network, fetchOnly: fetchOnly.wall, verdict: cpu.verdict };
  } finally {
    await fake.close();
  }
}

/**
 * The requests-only floor the wall time is judged against: a bundle, built like dist/
 * (scripts/bundle-options.mjs), that reads the event, fetches the snapshot, writes a comment,
 * lists the comments written since it started (as the gate does after creating its comment),
 * writes a status with the gate's client and sets an output — the run's traffic with none of the
 * gate (no policy, evaluation or rendering).
 */
async function fetchOnlyBundle(dir: string): Promise<string> {
  const { build } = await import('esbuild');
  const { common, banner, lazyProxyFetch } = await import('./bundle-options.mjs');
  const src = resolve(import.meta.dirname, '../src/github');
  const entry = join(dir, 'fetch-only.ts');
  writeFileSync(
    entry,
    [
      "import * as core from '@actions/core';",
      "import { readFileSync } from 'node:fs';",
      `import { createGitHubClient, GATE_WRITE_SPACING_MS } from ${JSON.stringify(join(src, 'client.ts'))};`,
      `import { fetchSnapshot } from ${JSON.stringify(join(src, 'fetch-snapshot.ts'))};`,
      "const env = process.env as Record<string, string>;",
      "const pr = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')).pull_request;",
      "const [owner, repo] = env.GITHUB_REPOSITORY.split('/') as [string, string];",
      "const client = createGitHubClient({ token: env['INPUT_GITHUB-TOKEN'], apiUrl: env.GITHUB_API_URL, graphqlUrl: env.GITHUB_GRAPHQL_URL, writeSpacingMs: GATE_WRITE_SPACING_MS });",
      "const snapshot = await fetchSnapshot(client, { owner, name: repo, number: pr.number, baseSha: pr.base.sha, configPath: env.INPUT_CONFIG });",
      "const startedAt = new Date(Date.now() - 5 * 60_000).toISOString(); // the gate's margin for clock skew",
      "await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: pr.number, body: `<!-- agent-pr-gate -->\\n${snapshot.files.length} files` });",
      // After creating its comment the gate lists the comments written since it started, to find a
      // twin from a run started at the same moment (src/github/upsert-comment.ts): the same request.
      "await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: pr.number, since: startedAt, per_page: 100 });",
      "await client.request('POST /repos/{owner}/{repo}/statuses/{sha}', { owner, repo, sha: snapshot.headSha, state: 'success', context: 'agent-pr-gate' });",
      "core.setOutput('verdict', 'pass');",
    ].join('\n'),
  );
  const outfile = join(dir, 'fetch-only.mjs');
  // Like dist/: the proxy stack stays out (a run without a proxy never loads it).
  const plugins = [...(common.plugins ?? []), lazyProxyFetch];
  await build({ ...common, plugins, entryPoints: [entry], outfile, banner: { js: banner }, nodePaths: [resolve(import.meta.dirname, '../node_modules')], logLevel: 'error' });
  return outfile;
}

/**
 * Context for the wall-time budget (printed, not judged): what loading dist/index.js costs before
 * any work, and what any action built on @actions/core costs just to start (a bundle of
 * `import * as core from '@actions/core'; core.info('')`, built here as dist/ is built).
 */
async function startupFloors(): Promise<{ importOnly: number; coreOnly: number }> {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'agent-pr-gate-floor-'));
  try {
    const entry = join(dir, 'entry.mjs');
    writeFileSync(entry, "import * as core from '@actions/core';\ncore.info('');\n");
    const outfile = join(dir, 'core-only.mjs');
    const { common, banner } = await import('./bundle-options.mjs');
    await build({ ...common, entryPoints: [entry], outfile, banner: { js: banner }, nodePaths: [resolve(import.meta.dirname, '../node_modules')], logLevel: 'silent' });
    const env = { PATH: process.env.PATH ?? '' };
    const importOnly: number[] = [];
    const coreOnly: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const a = await spawnWall(['-e', `import(${JSON.stringify(DIST)}).catch(() => {})`], env, dir);
      const b = await spawnWall([outfile], env, dir);
      if (run === 0) continue;
      importOnly.push(a.wall);
      coreOnly.push(b.wall);
    }
    return { importOnly: median(importOnly), coreOnly: median(coreOnly) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface CpuTime {
  /** The main thread's CPU, ms; null where the kernel does not say (then `process` is judged). */
  thread: number | null;
  /** The whole process's CPU, ms. */
  process: number;
}
interface CoreRun {
  files: number;
  addedLines: number;
  cold: CpuTime;
  warm: CpuTime;
  verdict: string;
}

/** The CPU time a budget judges: the main thread's, else the process's. */
const judged = (time: CpuTime): number => time.thread ?? time.process;

/** scripts/bench-core.ts bundled as dist/ is, in `dir`; returns the bundle's path. */
async function coreBundle(dir: string): Promise<string> {
  const { build } = await import('esbuild');
  const { common, banner } = await import('./bundle-options.mjs');
  const outfile = join(dir, 'bench-core.mjs');
  await build({ ...common, entryPoints: [resolve(import.meta.dirname, 'bench-core.ts')], outfile, banner: { js: banner }, nodePaths: [resolve(import.meta.dirname, '../node_modules')], logLevel: 'error' });
  return outfile;
}

let coreScript: Promise<string> | null = null;

/**
 * How many fresh processes a CPU row runs; it reports the median by cold time. A cold call is
 * one sample per process, and on a shared VM one process in three can land in a slow moment.
 */
const CORE_RUNS = 5;

/** scripts/bench-core.ts (bundled) on a scenario in fresh processes: the median of CORE_RUNS runs by cold time. */
async function coreRun(scenario: 'typical' | 'large' | 'heavy'): Promise<CoreRun> {
  coreScript ??= coreBundle(mkdtempSync(join(tmpdir(), 'agent-pr-gate-core-')));
  const script = await coreScript;
  const runs: CoreRun[] = [];
  for (let run = 0; run < CORE_RUNS; run++) {
    const out = await new Promise<string>((resolveRun, reject) => {
      const child = spawn(NODE, [script, scenario], { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolveRun(text) : reject(new Error(`bench-core exited ${code}`))));
    });
    runs.push(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as CoreRun);
  }
  runs.sort((a, b) => judged(a.cold) - judged(b.cold));
  return runs[Math.floor(CORE_RUNS / 2)] as CoreRun;
}

/** `45.8 ms cold, 14.9 ms warm`: the judged time (main thread, else whole process). */
function cpuText(run: CoreRun): string {
  return `${ms(judged(run.cold))} cold, ${ms(judged(run.warm))} warm`;
}

/** The context line under a CPU row: the whole process's CPU, when the main thread's was judged. */
function processLine(run: CoreRun): string | null {
  if (run.cold.thread === null) return null;
  return `       ${'the whole process (+ V8 compiler and GC threads)'.padEnd(52)} ${ms(run.cold.process)} cold, ${ms(run.warm.process)} warm`;
}

/**
 * Report mode (SPEC §9 in docs/report-mode.md, "API use"): the bundled CLI (`node dist/cli.js
 * report`, the same code as `mode: report`, with its production pacing: GraphQL queries 1 s apart)
 * over generated repositories of 500 and 7,000 PRs served by report mode's stand-in. Requests per
 * PR over 500 PRs (budget ≤ 0.1), peak RSS of the report process for 7,000 PRs (budget < 512 MB),
 * and the run time with the stand-in's CPU share of it.
 */
async function reportRows(): Promise<boolean> {
  const { generateRepo, NAME, OWNER, WINDOW_INPUT } = await import('../__tests__/report/generate-repo.js');
  const { startFakeReportApi } = await import('../__tests__/report/fake-report-api.js');
  const cli = resolve(import.meta.dirname, '../dist/cli.js');
  let ok = true;
  console.log('report mode (node dist/cli.js report, production pacing: GraphQL queries 1 s apart)');
  for (const size of [500, 7000]) {
    const repo = generateRepo(20260105, size);
    const api = await startFakeReportApi({ owner: OWNER, name: NAME, pulls: repo.pulls, history: repo.history });
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const run = await new Promise<{ code: number | null; rssKb: number }>((done) => {
      const env = { PATH: process.env.PATH ?? '', GITHUB_TOKEN: 'bench', GITHUB_API_URL: api.url };
      const child = spawn('/usr/bin/time', ['-f', 'maxrss=%M', NODE, cli, 'report', `${OWNER}/${NAME}`, '--window', WINDOW_INPUT, '--json'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => done({ code, rssKb: Number(/maxrss=(\d+)/.exec(stderr)?.[1] ?? NaN) }));
    });
    const wall = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const standIn = (cpu.user + cpu.system) / 1000;
    const requests = api.total();
    await api.close();
    const perPr = requests / size;
    const rssMb = run.rssKb / 1024;
    const checks: Array<[string, string, string, boolean]> =
      size === 500
        ? [['API requests per PR', `${requests} / ${size} = ${perPr.toFixed(3)}`, '≤ 0.1', run.code === 0 && perPr <= 0.1]]
        : [['peak RSS of the report process', `${rssMb.toFixed(0)} MB`, '< 512 MB', run.code === 0 && rssMb < 512]];
    console.log(`  ${size} PRs: ${requests} requests, ${(wall / 1000).toFixed(1)} s (stand-in CPU ${(standIn / 1000).toFixed(1)} s of it), exit ${run.code}`);
    for (const [what, value, budget, pass] of checks) {
      ok &&= pass;
      console.log(`  ${pass ? 'ok  ' : 'MISS'} ${what.padEnd(52)} ${value.padEnd(26)} budget ${budget}`);
    }
  }
  console.log('');
  return ok;
}

async function main() {
  if (!existsSync(DIST)) {
    console.error(`${DIST} is missing: run npm run build first`);
    process.exit(1);
  }
  const runtime = onMachineNode ? `the machine's Node ${NODE_VERSION} (--machine-node), not the action's runtime` : `Node ${NODE_VERSION}, the action's runtime`;
  console.log(`agent-pr-gate bench — every measured process on ${runtime}; ${RUNS} runs each (medians), fake GitHub API on 127.0.0.1\n`);
  const bundleDir = mkdtempSync(join(tmpdir(), 'agent-pr-gate-fetch-only-'));
  const fetchOnly = await fetchOnlyBundle(bundleDir);
  const rows: Row[] = [];
  if (runs('typical')) rows.push(await measure('typical PR (3 files, 2 commits, 1 review, 1 comment)', 'typical', { requests: 5, cpu: null, wallRatio: 1.3 }, fetchOnly));
  if (runs('large')) rows.push(await measure('large PR (3000/3500 files, 250 commits, 300 reviews, 500 comments)', 'large', { requests: 45, cpu: 100, wallRatio: 1.5 }, fetchOnly));
  rmSync(bundleDir, { recursive: true, force: true });
  let ok = true;
  for (const row of rows) {
    const wallRatio = row.wall / row.fetchOnly;
    const checks = [
      ['API requests per run', `${row.requests}`, `≤ ${row.requestBudget}`, row.requests <= row.requestBudget],
      [
        'evaluation CPU, main thread',
        cpuText(row.cpu),
        row.cpuBudget === null ? '—' : `< ${row.cpuBudget} ms`,
        row.cpuBudget === null || judged(row.cpu.cold) < row.cpuBudget,
      ],
      [
        'whole run wall time (node dist/index.js)',
        `${ms(row.wall)} = ${wallRatio.toFixed(2)}× floor`,
        `≤ ${row.wallRatioBudget}× the requests-only floor`,
        wallRatio <= row.wallRatioBudget,
      ],
    ] as const;
    console.log(`${row.name} — verdict ${row.verdict}`);
    for (const [what, value, budget, pass] of checks) {
      ok &&= pass;
      console.log(`  ${pass ? 'ok  ' : 'MISS'} ${what.padEnd(52)} ${value.padEnd(26)} budget ${budget}`);
      if (what === 'evaluation CPU, main thread' && processLine(row.cpu)) console.log(processLine(row.cpu));
    }
    console.log(`       ${'requests-only floor (the same requests, nothing else)'.padEnd(52)} ${ms(row.fetchOnly)}`);
    console.log(`       ${'context: node -e 0; the requests made in-process'.padEnd(52)} ${ms(row.bare)}; ${ms(row.network)}`);
    console.log('');
  }
  if (runs('heavy')) {
    const heavy = await coreRun('heavy');
    const heavyPass = judged(heavy.cold) < 100;
    ok &&= heavyPass;
    console.log(`heavy PR (${heavy.files} files, ${heavy.addedLines} added lines, 250 commits, 300 reviews, 500 comments) — verdict ${heavy.verdict}`);
    console.log(`  ${heavyPass ? 'ok  ' : 'MISS'} ${'evaluation CPU, main thread'.padEnd(52)} ${cpuText(heavy).padEnd(26)} budget < 100 ms`);
    const heavyProcess = processLine(heavy);
    if (heavyProcess) console.log(heavyProcess);
    console.log('');
  }
  if (runs('report')) ok = (await reportRows()) && ok;
  const floors = await startupFloors();
  console.log('startup context (not budgets):');
  console.log(`  node -e 'import("dist/index.js")' (load only, no run)     ${ms(floors.importOnly)}`);
  console.log(`  a bundle of @actions/core alone (core.info(''))           ${ms(floors.coreOnly)}`);
  console.log('');
  if (coreScript) rmSync(dirname(await coreScript), { recursive: true, force: true });
  console.log(ok ? 'all budgets met' : 'some budgets missed');
  process.exit(ok ? 0 : 1);
}

await main();
