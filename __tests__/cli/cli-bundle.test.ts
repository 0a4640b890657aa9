/**
 * One smoke test of the real thing: `node dist/cli.js` as `npx agent-pr-gate` runs it. The bundle
 * is rebuilt first when it is missing or older than the sources (CI builds before testing).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from './cli-harness.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'cli.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

beforeAll(() => {
  const sources = Math.max(newestSource(join(ROOT, 'src')), newestSource(join(ROOT, 'policies')), statSync(join(ROOT, 'package.json')).mtimeMs);
  if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < sources) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
  }
}, 120_000);

describe('dist/cli.js', () => {
  it('is an executable bundle that runs the example, validates a policy and exits with the documented codes', () => {
    expect(readFileSync(BUNDLE, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

    const example = spawnSync(process.execPath, [BUNDLE, 'example'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(example.status).toBe(0);
    expect(example.stdout.split('\n').slice(0, 3)).toEqual(['Verdict: needs-review (copilot) — needs 1 more approval (0 of 1)', '', '<!-- agent-pr-gate -->']);

    const dir = tempDir({ '.github/agent-pr-gate.yml': 'reviews:\n  required-approvals: eleven\n' });
    try {
      const validate = spawnSync(process.execPath, [BUNDLE, 'validate'], { cwd: dir, encoding: 'utf8' });
      expect(validate.status).toBe(1);
      expect(validate.stdout).toBe('.github/agent-pr-gate.yml:2:23: reviews.required-approvals: must be a number, got the text "eleven"\n');
    } finally {
      removeDir(dir);
    }

    const versionRun = spawnSync(process.execPath, [BUNDLE, '--version'], { encoding: 'utf8' });
    expect([versionRun.status, versionRun.stdout]).toEqual([0, `${version}\n`]);
    const usage = spawnSync(process.execPath, [BUNDLE, 'check'], { encoding: 'utf8' });
    expect([usage.status, usage.stdout, usage.stderr]).toEqual([
      2,
      '',
      'agent-pr-gate: check needs a pull request: owner/repo#123 or its URL (see `agent-pr-gate check --help`)\n',
    ]);
  });
});
