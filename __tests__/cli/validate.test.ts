import { afterAll, describe, expect, it } from 'vitest';
import { cli, removeDir, tempDir } from './cli-harness.js';

const STRICT_WITH_RULE = [
  'extends: strict',
  'bots: [robobun]',
  'permissions:',
  '  custom:',
  '    - name: billing',
  '      level: review',
  '      paths: ["services/billing/**"]',
  '      reviewers: ["@acme/payments"]',
  '',
].join('\n');

const WITH_ERRORS = ['extends: strict', 'permissions:', '  workflow: deny', '  secrets: maybe', 'reviews:', '  required-approvals: -1', ''].join('\n');

const dir = tempDir({
  'ok.yml': STRICT_WITH_RULE,
  'bad.yml': WITH_ERRORS,
  'empty.yml': '# nothing yet\n',
  'tabs.yml': 'permissions:\n\tworkflows: deny\n',
  'bomb.yml': ['bots: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((name, i) => `k${name}: &${name} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`), ''].join('\n'),
  'two.yml': 'extends: default\n---\nextends: strict\n',
  'repo/.github/agent-pr-gate.yml': 'reviews:\n  required-approvals: 2\n',
});
afterAll(() => removeDir(dir));

describe('agent-pr-gate validate', () => {
  it('prints "valid (extends …)" and a summary of the resolved levels', async () => {
    const run = await cli(['validate', 'ok.yml'], { cwd: dir });
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'ok.yml: valid (extends strict)',
        '  deny:     workflows, secrets',
        '  review:   dependencies, network, tests-weakened, gate-config, sensitive-paths (6 paths), size (over 30 files or 800 lines), custom billing (reviewers @acme/payments)',
        '  allow:    -',
        "  reviews:  2 approvals; requester's approval does not count; only approvals of the head commit; code owners must approve review-level files; changes requested block the PR",
        '  override: label `agent-pr-gate/override` (admin or maintain permission)',
        '  bots:     robobun',
        '',
      ].join('\n'),
    });
  });

  it('prints one located error per line and exits 1', async () => {
    const run = await cli(['validate', 'bad.yml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'bad.yml:3:3: permissions.workflow: unknown key (did you mean `workflows`?)',
        'bad.yml:4:12: permissions.secrets: must be one of `allow`, `review`, `deny`, got the text "maybe"',
        'bad.yml:6:23: reviews.required-approvals: must be at least 0, got the number -1',
        '',
      ].join('\n'),
    );
  });

  it('reports a YAML syntax error with its location', async () => {
    const run = await cli(['validate', 'tabs.yml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('tabs.yml:2:1: YAML syntax error: tabs are not allowed for indentation, use spaces\n');
  });

  it('reads .github/agent-pr-gate.yml when no file is named', async () => {
    const run = await cli(['validate'], { cwd: `${dir}/repo` });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('.github/agent-pr-gate.yml: valid (extends default)');
    expect(run.stdout).toContain('  reviews:  2 approvals;');
  });

  it('says a file with only comments is valid and means the default preset', async () => {
    const run = await cli(['validate', 'empty.yml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('empty.yml: valid (extends default: the file is empty)');
  });

  it('makes a missing file an error naming the path', async () => {
    const named = await cli(['validate', 'nope.yml'], { cwd: dir });
    expect(named).toEqual({ code: 1, stdout: 'nope.yml: file not found\n', stderr: '' });
    const byDefault = await cli(['validate'], { cwd: dir });
    expect(byDefault).toEqual({
      code: 1,
      stdout: '.github/agent-pr-gate.yml: file not found (without a policy file the action applies the `default` preset)\n',
      stderr: '',
    });
  });

  it('checks every file named and exits 1 when any is invalid', async () => {
    const run = await cli(['validate', 'ok.yml', 'bad.yml', 'empty.yml'], { cwd: dir });
    expect(run.code).toBe(1);
    const heads = run.stdout.split('\n').filter((line) => !line.startsWith('  '));
    expect(heads).toEqual([
      'ok.yml: valid (extends strict)',
      'bad.yml:3:3: permissions.workflow: unknown key (did you mean `workflows`?)',
      'bad.yml:4:12: permissions.secrets: must be one of `allow`, `review`, `deny`, got the text "maybe"',
      'bad.yml:6:23: reviews.required-approvals: must be at least 0, got the number -1',
      'empty.yml: valid (extends default: the file is empty)',
      '',
    ]);
  });

  it('rejects an option it does not know with exit 2', async () => {
    const run = await cli(['validate', '--strict', 'ok.yml'], { cwd: dir });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'agent-pr-gate: unknown option --strict (see `agent-pr-gate validate --help`)\n',
    });
  });

  it('checks every file it was given, an alias bomb and two documents included, and exits 1', async () => {
    const run = await cli(['validate', 'bad.yml', 'bomb.yml', 'two.yml', 'ok.yml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines).toContain('bomb.yml:2:9: YAML aliases expand to more than 100 copies (an alias bomb, or aliases of aliases): write the values out instead of `*alias` references');
    expect(lines).toContain('two.yml:2:1: a policy file holds one YAML document, and a second one starts here (after `---`): merge them or remove one');
    expect(lines).toContain('ok.yml: valid (extends strict)');
    expect(lines.filter((line) => line.startsWith('bad.yml:'))).toHaveLength(3);
  });
});
