/**
 * Runs the CLI in-process (`runCli`) with captured output, a chosen working directory, environment
 * and clock (and the tests' API pacing); and makes temporary directories with files in them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../src/cli/run-cli.js';
import { TEST_PACING } from '../fake-github/test-pacing.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  now?: string;
}

export async function cli(argv: string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    now: () => new Date(options.now ?? '2026-03-02T11:00:00Z'),
    apiPacing: TEST_PACING,
  });
  return { code, stdout, stderr };
}

/** A fresh temporary directory holding `files` (path → text); returns its path. */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'agent-pr-gate-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
