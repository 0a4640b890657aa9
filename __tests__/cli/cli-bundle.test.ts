/**
 * The real thing: `node dist/cli.js` as `npx agent-pr-gate` runs it, and the npm package as a user
 * installs it. dist/ is built before the tests (`npm run build`); these tests never build or
 * delete it — whether dist/ matches the sources is CI's diff (.ci/run), not a test's business.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { unsupportedNode } from '../../src/cli/node-version.js';
import { NPM_PACKAGE, REPOSITORY } from '../../src/project.js';
import { removeDir, tempDir } from './cli-harness.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'cli.js');
/** The suite runs on Node 20 build machines too: the CLI's warning about it is tested on its own. */
const ENV = { ...process.env, AGENT_PR_GATE_ANY_NODE: '1' };
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { version: string };

beforeAll(() => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` before the tests`);
});

describe('dist/cli.js', () => {
  it('is an executable bundle that runs the example, validates a policy and exits with the documented codes', () => {
    expect(readFileSync(BUNDLE, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);

    const example = spawnSync(process.execPath, [BUNDLE, 'example'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', AGENT_PR_GATE_ANY_NODE: '1' } });
    expect(example.status).toBe(0);
    expect(example.stdout.split('\n').slice(0, 3)).toEqual(['Verdict: needs-review (copilot) — needs 1 more approval (0 of 1)', '', '<!-- agent-pr-gate -->']);

    const dir = tempDir({ '.github/agent-pr-gate.yml': 'reviews:\n  required-approvals: eleven\n' });
    try {
      const validate = spawnSync(process.execPath, [BUNDLE, 'validate'], { cwd: dir, encoding: 'utf8', env: ENV });
      expect(validate.status).toBe(1);
      expect(validate.stdout).toBe('.github/agent-pr-gate.yml:2:23: reviews.required-approvals: must be a number, got the text "eleven"\n');
    } finally {
      removeDir(dir);
    }

    const versionRun = spawnSync(process.execPath, [BUNDLE, '--version'], { encoding: 'utf8', env: ENV });
    expect([versionRun.status, versionRun.stdout]).toEqual([0, `${manifest.version}\n`]);
    const usage = spawnSync(process.execPath, [BUNDLE, 'check'], { encoding: 'utf8', env: ENV });
    expect([usage.status, usage.stdout, usage.stderr]).toEqual([
      2,
      '',
      'agent-pr-gate: check needs a pull request: owner/repo#123 or its URL (see `agent-pr-gate check --help`)\n',
    ]);
  });

  it('says on stderr that it needs Node 22 or newer when run on an older Node, and only then', () => {
    const env = { ...process.env };
    delete env.AGENT_PR_GATE_ANY_NODE;
    const run = spawnSync(process.execPath, [BUNDLE, '--version'], { encoding: 'utf8', env });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(Number(process.versions.node.split('.')[0]) < 22 ? `${unsupportedNode(process.versions.node, {})}\n` : '');
    expect(unsupportedNode('20.19.0', {})).toBe(
      'agent-pr-gate: warning: it needs Node.js 22 or newer, and this is Node.js 20.19.0; if it fails, install a current Node.js (https://nodejs.org/).',
    );
    expect(unsupportedNode('v22.0.0', {})).toBeNull();
    expect(unsupportedNode('24.22.3', {})).toBeNull();
    expect(unsupportedNode('18.0.0', { AGENT_PR_GATE_ANY_NODE: '1' })).toBeNull();
  });
});

describe('the npm package', () => {
  it('is publishable: named, with a repository, engines, a bin, and nothing to install beside it', () => {
    expect(manifest.name).toBe(NPM_PACKAGE);
    expect(manifest.private).toBeUndefined();
    expect(manifest.license).toBe('MIT');
    expect(manifest.repository).toEqual({ type: 'git', url: `git+https://github.com/${REPOSITORY}.git` });
    expect(manifest.engines).toEqual({ node: '>=22' });
    expect(manifest.bin).toEqual({ [NPM_PACKAGE]: 'dist/cli.js' });
    // Everything is bundled into dist/: `npx agent-pr-gate` downloads the one package.
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.optionalDependencies).toBeUndefined();
    expect(manifest.peerDependencies).toBeUndefined();
  });

  it('packs to a tarball that installs offline into an empty folder and runs --help and validate there', () => {
    const work = tempDir({ 'project/.github/agent-pr-gate.yml': 'extends: strict\nreviews:\n  required-approvals: 3\n' });
    try {
      const npm = (args: string[], cwd: string) =>
        execFileSync('npm', args, {
          cwd,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          // An empty cache and a registry that does not exist: nothing may come from the network.
          env: { ...process.env, npm_config_cache: join(work, 'cache'), npm_config_registry: 'http://127.0.0.1:9/', npm_config_update_notifier: 'false' },
        });
      const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT)) as Array<{ filename: string; files: Array<{ path: string }> }>;
      expect(packed[0]!.files.map((file) => file.path).sort()).toEqual(
        [...(manifest.files as string[]), 'package.json'].sort(),
      );

      const target = join(work, 'empty');
      execFileSync('mkdir', [target]);
      npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(work, packed[0]!.filename)], target);
      expect(readdirSync(join(target, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual([NPM_PACKAGE]);

      const bin = join(target, 'node_modules', '.bin', NPM_PACKAGE);
      const help = spawnSync(bin, ['--help'], { encoding: 'utf8', env: ENV });
      expect(help.status).toBe(0);
      expect(help.stdout.split('\n')[0]).toBe(`agent-pr-gate ${manifest.version} — gate pull requests opened by AI coding agents`);
      const validate = spawnSync(bin, ['validate'], { cwd: join(work, 'project'), encoding: 'utf8', env: ENV });
      expect([validate.status, validate.stderr]).toEqual([0, '']);
      expect(validate.stdout.split('\n')[0]).toBe('.github/agent-pr-gate.yml: valid (extends strict)');
    } finally {
      removeDir(work);
    }
  }, 120_000);
});
