/**
 * The shape of dist/ and what a run starts. dist/ is one file per entry, plus the proxy stack
 * (undici and the REST methods of @actions/github) in its own dist/proxy-fetch.js, which an entry
 * imports only behind a proxy: a gate run must not parse or start it, and a run behind a proxy
 * must reach GitHub through it. Report mode is dist/report-mode.js, which the action imports only
 * in report mode, and RE2JS is dist/re2js.cjs, which it requires the first time it compiles an RE2
 * pattern. Other code only some runs need sits in the entry behind import().
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addedFile, typicalScenario } from '../fake-github/scenario.js';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server.js';
import { DIST, pullRequestPayload, runAction } from './run-action.js';

let fake: FakeGitHub | null = null;
let proxy: Server | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await fake?.close();
  fake = null;
  if (proxy) {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy?.close(resolve));
  }
  proxy = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Node built-ins undici requires when it starts, and nothing else of ours does. */
const UNDICI_BUILTINS = ['node:http2', 'node:worker_threads', 'node:zlib', 'node:dns'];

/** A preload (NODE_OPTIONS=--require) that writes every module id the bundle requires to a file. */
function requireRecorder(): { preload: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'agent-pr-gate-require-'));
  dirs.push(dir);
  const file = join(dir, 'required.txt');
  const preload = join(dir, 'record.cjs');
  writeFileSync(
    preload,
    [
      "const Module = require('node:module');",
      "const fs = require('node:fs');",
      'const load = Module._load;',
      'const seen = new Set();',
      'Module._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };',
      `process.on('exit', () => fs.writeFileSync(${JSON.stringify(file)}, [...seen].join('\\n')));`,
    ].join('\n'),
  );
  return { preload, file };
}

/** An HTTP proxy that tunnels CONNECT to `target` (whatever host is asked for), counting tunnels. */
async function startProxy(target: number): Promise<{ url: string; tunnels: string[] }> {
  const tunnels: string[] = [];
  proxy = createServer((_request, response) => response.writeHead(405).end());
  proxy.on('connect', (request, client, head) => {
    tunnels.push(request.url ?? '');
    const upstream = connect(target, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, tunnels };
}

describe('dist/', () => {
  it('is one file per entry, the proxy stack, report mode and RE2JS on their own, and the notices of each entry', () => {
    expect(readdirSync(dirname(DIST)).sort()).toEqual(['cli.js', 'cli.licenses.txt', 'index.js', 'index.licenses.txt', 'proxy-fetch.js', 're2js.cjs', 'report-mode.js']);
  });

  it('holds no RE2JS in what a gate run parses: a stand-in requires dist/re2js.cjs on first use', () => {
    const text = readFileSync(DIST, 'utf8');
    expect(text).not.toMatch(/^\/\/ node_modules\/re2js\//m);
    expect(text).toContain('__require("./re2js.cjs")');
    expect(readFileSync(join(dirname(DIST), 're2js.cjs'), 'utf8')).toMatch(/^\/\/ node_modules\/re2js\/build\/index\.js$/m);
  });

  it('holds no report mode in what a gate run parses; report mode holds no proxy stack', () => {
    const text = readFileSync(DIST, 'utf8');
    expect(text).toContain('import("./report-mode.js")');
    // Only the input checks of the report window (src/inputs.ts reads them) stay in.
    const reportModules = [...text.matchAll(/^\/\/ src\/(report[-/][^\n]*|github\/fetch-report[^\n]*)$/gm)].map((match) => match[1]);
    expect([...new Set(reportModules)].sort()).toEqual(['report-json.ts', 'report/cohorts.ts', 'report/window.ts']);
    const report = readFileSync(join(dirname(DIST), 'report-mode.js'), 'utf8');
    expect(report).toMatch(/^\/\/ src\/report-mode\.ts$/m);
    expect(report).not.toMatch(/^\/\/ node_modules\/(?:undici|@actions\/github)\//m);
  });

  it('holds no proxy stack in what a gate run parses: no undici, no REST methods, one http-client module', () => {
    const text = readFileSync(DIST, 'utf8');
    const packages = [...text.matchAll(/^\/\/ (node_modules\/(?:@[^/\n]+\/)?[^/\n]+)\//gm)].map((match) => match[1]);
    expect(packages.filter((name) => /undici|rest-endpoint-methods|paginate-rest|tunnel|bottleneck|@actions\/github/.test(name!))).toEqual([]);
    expect([...text.matchAll(/^\/\/ node_modules\/@actions\/http-client\/(.+)$/gm)].map((match) => match[1])).toEqual(['lib/proxy.js']);
    expect(text).toContain('import("./proxy-fetch.js")');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1_500_000);
  });

  it('carries zod’s English messages only, not every locale', () => {
    const locales = [...readFileSync(DIST, 'utf8').matchAll(/^\/\/ node_modules\/zod\/v4\/locales\/([^\n]+)$/gm)].map((match) => match[1]);
    // index.js: the (empty) module record of the locales namespace.
    expect(locales.filter((file) => file !== 'index.js')).toEqual(['en.js']);
  });
});

describe('a gate run', () => {
  it('does not start undici: requests go through Node’s own fetch', async () => {
    const scenario = typicalScenario();
    fake = await startFakeGitHub(scenario);
    const recorder = requireRecorder();
    const run = await runAction(fake, { event: 'pull_request_target', payload: pullRequestPayload(scenario), env: { NODE_OPTIONS: `--require ${recorder.preload}` } });
    expect(run.code).toBe(0);
    expect(fake.writes.statuses).toHaveLength(1);
    const required = readFileSync(recorder.file, 'utf8').split('\n');
    expect(required.filter((id) => UNDICI_BUILTINS.includes(id))).toEqual([]);
  });

  it('does not load RE2JS when no pattern needs it, and loads it for a secret only a generated rule finds', async () => {
    const plain = typicalScenario();
    fake = await startFakeGitHub(plain);
    const quiet = requireRecorder();
    const first = await runAction(fake, { event: 'pull_request_target', payload: pullRequestPayload(plain), env: { NODE_OPTIONS: `--require ${quiet.preload}` } });
    expect(first.code).toBe(0);
    expect(readFileSync(quiet.file, 'utf8').split('\n')).not.toContain('./re2js.cjs');
    await fake.close();

    // A SendGrid key: a provider rule generated from gitleaks' set (RE2), not a hand-written format.
    const key = ['SG.', 'ngeVfQFYQlKU0ufo8x5d1A', '.', 'TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr'].join('');
    const secret = typicalScenario({ files: [addedFile('src/mail.ts', [`const client = mailer("${key}");`])] });
    fake = await startFakeGitHub(secret);
    const loud = requireRecorder();
    const second = await runAction(fake, { event: 'pull_request_target', payload: pullRequestPayload(secret), env: { NODE_OPTIONS: `--require ${loud.preload}` } });
    expect(second.stderr).toBe('');
    expect(readFileSync(loud.file, 'utf8').split('\n')).toContain('./re2js.cjs');
    const report = JSON.parse(second.outputs.report ?? '{}') as { findings?: { category: string; message: string }[] };
    expect(report.findings?.find((finding) => finding.category === 'secrets')?.message).toMatch(/SendGrid/i);
  });

  it('behind a proxy reaches GitHub through it (undici, started only then)', async () => {
    const scenario = typicalScenario();
    fake = await startFakeGitHub(scenario);
    const port = new URL(fake.url).port;
    const { url: proxyUrl, tunnels } = await startProxy(Number(port));
    const recorder = requireRecorder();
    // A name that is not loopback (loopback never goes through a proxy); only the proxy resolves it.
    const api = `http://api.github.test:${port}`;
    const run = await runAction(fake, {
      event: 'pull_request_target',
      payload: pullRequestPayload(scenario),
      env: { GITHUB_API_URL: api, GITHUB_GRAPHQL_URL: `${api}/graphql`, http_proxy: proxyUrl, NODE_OPTIONS: `--require ${recorder.preload}` },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    // Snapshot, files, comment created and the check for a twin (upsert-comment.ts), status.
    expect(fake.requests).toHaveLength(5);
    expect(fake.writes.statuses).toHaveLength(1);
    expect(tunnels.length).toBeGreaterThan(0);
    expect(new Set(tunnels)).toEqual(new Set([`api.github.test:${port}`]));
    const required = readFileSync(recorder.file, 'utf8').split('\n');
    expect(required.filter((id) => UNDICI_BUILTINS.includes(id)).length).toBeGreaterThan(0);
  });
});
