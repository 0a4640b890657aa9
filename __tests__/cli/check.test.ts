/**
 * `agent-pr-gate check` against the fake GitHub API (__tests__/fake-github/): the same reads as the
 * action, nothing written, the policy from the base commit or a local file, and a saved snapshot
 * that `evaluate` turns into the same result offline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../src/render/render-comment.js';
import { startFakeGitHub, type FakeGitHub, type RestRoute } from '../fake-github/server.js';
import { BASE_SHA, typicalScenario } from '../fake-github/scenario.js';
import { cli, removeDir, tempDir } from './cli-harness.js';

/** `GET /repos/{owner}/{repo}/pulls/{number}`: the CLI reads the base commit from the PR itself. */
const PULL_ROUTE: RestRoute = {
  method: 'GET',
  path: /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/,
  handle: (request, match) => {
    const { repo, pr } = request.scenario;
    if (match[1] !== repo.owner || match[2] !== repo.name || Number(match[3]) !== pr.number) {
      return { status: 404, body: { message: 'Not Found' } };
    }
    return { status: 200, body: { number: pr.number, state: pr.state, base: { ref: pr.base.ref, sha: pr.base.sha }, head: { ref: pr.head.ref, sha: pr.head.sha } } };
  },
};

let fake: FakeGitHub;
const dir = tempDir({ 'strict.yml': 'extends: strict\n', 'broken.yml': 'reviews:\n  required-approval: 2\n' });
const env = () => ({ GITHUB_TOKEN: 'test-token', GITHUB_API_URL: fake.url });

beforeAll(async () => {
  fake = await startFakeGitHub(typicalScenario(), { rest: [PULL_ROUTE] });
});
afterEach(() => fake.resetLog());
afterAll(async () => {
  await fake.close();
  removeDir(dir);
});

describe('agent-pr-gate check', () => {
  it('prints the verdict and the comment, with progress on stderr, and writes nothing to GitHub', async () => {
    const run = await cli(['check', 'acme/widgets#42'], { env: env(), cwd: dir });
    expect(run.code).toBe(0);
    const [verdict, blank, marker] = run.stdout.split('\n');
    expect(verdict).toBe('Verdict: pass (copilot) — all checks passed: 1 approval (bob)');
    expect(blank).toBe('');
    expect(marker).toBe(COMMENT_MARKER);
    const progress = run.stderr.split('\n');
    expect(progress[0]).toBe(`Fetching acme/widgets#42 from ${fake.url} …`);
    expect(progress[1]).toBe('policy: .github/agent-pr-gate.yml (on the base commit bbbbbbb, extends default)');
    expect(progress[2]).toMatch(/^Fetched acme\/widgets#42: 3 files, 2 commits, 1 review, 1 comment \(\d+\.\d s\)$/);
    expect(fake.writes).toEqual({ comments: [], statuses: [] });
    const kinds = fake.requests.map((request) => (request.operation ? `graphql ${request.operation}` : `${request.method} ${request.path}`));
    expect(kinds.sort()).toEqual(['GET /repos/acme/widgets/pulls/42', 'GET /repos/acme/widgets/pulls/42/files', 'graphql AgentPrGateSnapshot']);
  });

  it('accepts the PR URL and GH_TOKEN', async () => {
    const run = await cli(['check', 'https://github.com/acme/widgets/pull/42', '--json'], { env: { GH_TOKEN: 'gh-token', GITHUB_API_URL: fake.url }, cwd: dir });
    expect(run.code).toBe(0);
    expect(fake.requests.every((request) => request.authorization === 'token gh-token')).toBe(true);
  });

  it('prints the report JSON with --json', async () => {
    const run = await cli(['check', 'acme/widgets#42', '--json'], { env: env(), cwd: dir });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      version: 1,
      mode: 'gate',
      verdict: 'pass',
      pr: { number: 42, url: 'https://github.com/acme/widgets/pull/42' },
      agent: { id: 'copilot', requester: 'alice' },
      reviews: { required: 1, counted: ['bob'], satisfied: true, missing: [] },
    });
  });

  it('judges the PR by a local policy file with --config instead of the base commit\'s', async () => {
    const run = await cli(['check', 'acme/widgets#42', '--config', 'strict.yml', '--json'], { env: env(), cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n').slice(0, 2)).toEqual(['policy: strict.yml (local file, extends strict)', `Fetching acme/widgets#42 from ${fake.url} …`]);
    const report = JSON.parse(run.stdout) as { verdict: string; reviews: { required: number; missing: string[] } };
    expect(report.verdict).toBe('needs-review');
    expect(report.reviews.required).toBe(2);
  });

  it('exits 3 with --fail-on when the verdict reaches it', async () => {
    const run = await cli(['check', 'acme/widgets#42', '--config', 'strict.yml', '--fail-on', 'needs-review'], { env: env(), cwd: dir });
    expect(run.code).toBe(3);
    expect(run.stdout.split('\n')[0]).toMatch(/^Verdict: needs-review \(copilot\) — /);
  });

  it('saves the snapshot, and evaluate reproduces the same result offline', async () => {
    const checked = await cli(['check', 'acme/widgets#42', '--json', '--save', 'pr.json'], { env: env(), cwd: dir });
    expect(checked.code).toBe(0);
    expect(checked.stderr).toContain('Saved the snapshot to pr.json\n');
    expect(checked.stderr).toContain('Reproduce offline: agent-pr-gate evaluate --snapshot pr.json --now 2026-03-02T11:00:00.000Z\n');
    const saved = JSON.parse(readFileSync(join(dir, 'pr.json'), 'utf8')) as { number: number; base: { policy: { text: string } } };
    expect(saved.number).toBe(42);
    expect(saved.base.policy.text).toBe('extends: default\n');
    fake.resetLog();
    const evaluated = await cli(['evaluate', '--snapshot', 'pr.json', '--json', '--now', '2026-03-02T11:00:00.000Z'], { cwd: dir });
    expect(evaluated.code).toBe(0);
    expect(evaluated.stdout).toBe(checked.stdout);
    expect(fake.requests).toEqual([]);
  });

  it('reads the touched manifests once, saves them in their own field, and evaluate replays them', async () => {
    const scenario = typicalScenario();
    scenario.files.push({ filename: 'package.json', status: 'added', additions: 1, deletions: 0, patch: '@@ -0,0 +1 @@\n+{ "dependencies": { "lodash": "^4.17.21" } }' });
    scenario.trees[scenario.pr.head.sha] = { 'package.json': '{ "dependencies": { "lodash": "^4.17.21" } }\n' };
    const withManifest = await startFakeGitHub(scenario, { rest: [PULL_ROUTE] });
    try {
      const checkEnv = { GITHUB_TOKEN: 'test-token', GITHUB_API_URL: withManifest.url };
      const checked = await cli(['check', 'acme/widgets#42', '--json', '--save', 'manifest.json'], { env: checkEnv, cwd: dir });
      expect(checked.code).toBe(0);
      expect(withManifest.requests.filter((request) => request.operation === 'AgentPrGateManifests')).toHaveLength(1);
      const saved = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { manifests: unknown };
      expect(saved.manifests).toEqual([{ path: 'package.json', base: null, head: '{ "dependencies": { "lodash": "^4.17.21" } }\n' }]);
      const evaluated = await cli(['evaluate', '--snapshot', 'manifest.json', '--json', '--now', '2026-03-02T11:00:00.000Z'], { cwd: dir });
      expect(evaluated.stdout).toBe(checked.stdout);
    } finally {
      await withManifest.close();
    }
  });

  it('prints the located errors of an invalid local policy and exits 1 before calling the API', async () => {
    const run = await cli(['check', 'acme/widgets#42', '--config', 'broken.yml'], { env: env(), cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').slice(-3)).toEqual([
      'broken.yml:2:3: reviews.required-approval: unknown key (did you mean `required-approvals`?)',
      'agent-pr-gate: the policy broken.yml (local file) is invalid: 1 error above',
      '',
    ]);
    expect(fake.requests).toEqual([]);
  });

  it('reports an invalid policy on the base commit with its location', async () => {
    const scenario = typicalScenario();
    scenario.trees[BASE_SHA] = { '.github/agent-pr-gate.yml': 'permissions:\n  workflow: deny\n' };
    const other = await startFakeGitHub(scenario, { rest: [PULL_ROUTE] });
    try {
      const run = await cli(['check', 'acme/widgets#42'], { env: { GITHUB_TOKEN: 't', GITHUB_API_URL: other.url }, cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stderr.split('\n').slice(-3)).toEqual([
        '.github/agent-pr-gate.yml:2:3: permissions.workflow: unknown key (did you mean `workflows`?)',
        'agent-pr-gate: the policy .github/agent-pr-gate.yml (on the base commit bbbbbbb) is invalid: 1 error above',
        '',
      ]);
    } finally {
      await other.close();
    }
  });

  it('reads the policy from another path of the base commit with --policy-path', async () => {
    const scenario = typicalScenario();
    scenario.trees[BASE_SHA] = { '.github/gate-policy.yml': 'extends: strict\n' };
    const other = await startFakeGitHub(scenario, { rest: [PULL_ROUTE] });
    try {
      const run = await cli(['check', 'acme/widgets#42', '--policy-path', '.github/gate-policy.yml', '--json'], {
        env: { GITHUB_TOKEN: 't', GITHUB_API_URL: other.url },
        cwd: dir,
      });
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('policy: .github/gate-policy.yml (on the base commit bbbbbbb, extends strict)\n');
      expect((JSON.parse(run.stdout) as { reviews: { required: number } }).reviews.required).toBe(2);
      const plain = await cli(['check', 'acme/widgets#42'], { env: { GITHUB_TOKEN: 't', GITHUB_API_URL: other.url }, cwd: dir });
      expect(plain.stderr).toContain('policy: no .github/agent-pr-gate.yml on the base commit bbbbbbb: the `default` preset\n');
    } finally {
      await other.close();
    }
  });

  it('says in one line when the PR does not exist or the token cannot see it', async () => {
    const run = await cli(['check', 'acme/widgets#99'], { env: env(), cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('agent-pr-gate: acme/widgets#99 was not found, or the token cannot read it (Not Found (HTTP 404 on GET /repos/acme/widgets/pulls/99))');
  });

  it('says in one line when the API rejects the token', async () => {
    fake.faults.push({ kind: 'status', status: 401, message: 'Bad credentials', when: { path: '/pulls/42' } });
    const run = await cli(['check', 'acme/widgets#42'], { env: env(), cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(
      'agent-pr-gate: GitHub rejected the token while reading acme/widgets#42: check GITHUB_TOKEN or GH_TOKEN (Bad credentials (HTTP 401 on GET /repos/acme/widgets/pulls/42))',
    );
  });

  it('needs a token, and a PR reference it can read', async () => {
    expect(await cli(['check', 'acme/widgets#42'], { env: {}, cwd: dir })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'agent-pr-gate: check needs a GitHub token: set GITHUB_TOKEN or GH_TOKEN (for example GITHUB_TOKEN=$(gh auth token))\n',
    });
    expect(await cli(['check', 'acme/widgets'], { env: env(), cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'agent-pr-gate: "acme/widgets" is not a pull request: use owner/repo#123 or https://github.com/owner/repo/pull/123 (see `agent-pr-gate check --help`)\n',
    });
  });
});
