import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_HELP, COMMANDS, GENERAL_HELP } from '../../src/cli/help.js';
import { cli } from './cli-harness.js';

const VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

describe('agent-pr-gate (no command, help, version)', () => {
  it('prints the version of package.json', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(await cli(['-v'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('prints the general help, which names every command and the exit codes', async () => {
    const run = await cli(['--help']);
    expect(run).toEqual({ code: 0, stdout: GENERAL_HELP, stderr: '' });
    for (const command of COMMANDS) expect(GENERAL_HELP).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(GENERAL_HELP).toContain('Exit codes:\n  0  done');
    expect(GENERAL_HELP).toContain('  2  usage error');
  });

  it.each(COMMANDS)('prints the help of %s with --help, -h and `help %s`', async (command) => {
    const expected = { code: 0, stdout: COMMAND_HELP[command], stderr: '' };
    expect(await cli([command, '--help'])).toEqual(expected);
    expect(await cli([command, 'some-arg', '-h'])).toEqual(expected);
    expect(await cli(['help', command])).toEqual(expected);
    expect(COMMAND_HELP[command]).toMatch(new RegExp(`^Usage: agent-pr-gate ${command}`));
    expect(COMMAND_HELP[command]).toContain('Exit codes:');
  });

  it('prints the help on stderr and exits 2 without a command', async () => {
    expect(await cli([])).toEqual({ code: 2, stdout: '', stderr: GENERAL_HELP });
  });

  it('suggests the nearest command for a typo, in one line with exit 2', async () => {
    expect(await cli(['valdate'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'agent-pr-gate: unknown command "valdate" (did you mean "validate"?) (see `agent-pr-gate --help`)\n',
    });
    expect(await cli(['deploy'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'agent-pr-gate: unknown command "deploy"; the commands are example, validate, check, evaluate, report (see `agent-pr-gate --help`)\n',
    });
    expect(await cli(['--json'])).toEqual({ code: 2, stdout: '', stderr: 'agent-pr-gate: unknown option --json before the command (see `agent-pr-gate --help`)\n' });
  });

  it('suggests the nearest option for a typo', async () => {
    expect(await cli(['evaluate', '--snapshot', 'x.json', '--jsno'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'agent-pr-gate: unknown option --jsno (did you mean --json?) (see `agent-pr-gate evaluate --help`)\n',
    });
  });
});
