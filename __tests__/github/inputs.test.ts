import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/inputs.js';

function inputs(values: Record<string, string>) {
  return parseInputs((name) => values[name] ?? '');
}

describe('parseInputs', () => {
  it('applies the documented defaults', () => {
    expect(inputs({ 'github-token': 'ghs_x' })).toEqual({
      githubToken: 'ghs_x',
      config: '.github/agent-pr-gate.yml',
      mode: 'gate',
      failOn: 'needs-review',
      comment: 'always',
      status: true,
      reportWindow: '14d',
      reportCompare: '',
      reportEvaluate: false,
    });
  });

  it('reads every input', () => {
    expect(
      inputs({ 'github-token': 't', config: './policies/gate.yml', mode: 'report', 'fail-on': 'never', comment: 'on-failure', status: 'false', 'report-window': '2026-01-01..2026-01-15', 'report-compare': 'label:model/', 'report-evaluate': 'true' }),
    ).toEqual({ githubToken: 't', config: 'policies/gate.yml', mode: 'report', failOn: 'never', comment: 'on-failure', status: false, reportWindow: '2026-01-01..2026-01-15', reportCompare: 'label:model/', reportEvaluate: true });
  });

  it('checks report-compare in report mode with one line naming the input', () => {
    expect(() => inputs({ 'github-token': 't', mode: 'report', 'report-compare': 'pattern:^Model: \\S+' })).toThrow('input report-compare "pattern:^Model: \\S+" needs exactly one capture group, it has 0');
    expect(() => inputs({ 'github-token': 't', mode: 'report', 'report-compare': 'split:2026-02-30' })).toThrow('input report-compare "split:2026-02-30": has an impossible date');
    expect(inputs({ 'github-token': 't', mode: 'report', 'report-compare': 'split:2026-02-05' }).reportCompare).toBe('split:2026-02-05');
  });

  it('names the input, the value and the allowed values on a bad enum', () => {
    expect(() => inputs({ 'github-token': 't', 'fail-on': 'failure' })).toThrow('input fail-on must be one of needs-review, fail, never; got "failure"');
    expect(() => inputs({ 'github-token': 't', comment: 'sometimes' })).toThrow('input comment must be one of always, on-failure, never; got "sometimes"');
    expect(() => inputs({ 'github-token': 't', mode: 'audit' })).toThrow('input mode must be one of gate, report; got "audit"');
  });

  it('accepts YAML booleans for status and rejects others', () => {
    expect(inputs({ 'github-token': 't', status: 'False' }).status).toBe(false);
    expect(() => inputs({ 'github-token': 't', status: 'yes' })).toThrow('input status must be true or false; got "yes"');
  });

  it('rejects a config path outside the repository', () => {
    expect(() => inputs({ 'github-token': 't', config: '../other/gate.yml' })).toThrow(
      'input config must be a file path inside the repository, like .github/agent-pr-gate.yml; got "../other/gate.yml"',
    );
  });

  it('checks report-window only in report mode, with the message report mode would give', () => {
    expect(inputs({ 'github-token': 't', 'report-window': 'soon' }).reportWindow).toBe('soon');
    expect(() => inputs({ 'github-token': 't', mode: 'report', 'report-window': 'soon' })).toThrow(
      'input report-window "soon" is not a duration or a range: use Nh, Nd or Nw (e.g. 14d) or an ISO range such as 2026-01-01..2026-01-15',
    );
    expect(() => inputs({ 'github-token': 't', mode: 'report', 'report-window': '2026-02-30..2026-03-01' })).toThrow(
      'input report-window "2026-02-30..2026-03-01" has an impossible date (2026-02-30): use Nh, Nd or Nw',
    );
  });

  it('accepts every report-window form report mode reads', () => {
    for (const window of ['36h', '14D', '2w', ' 14d ', '2026-01-01..2026-01-15', '2026-01-01T08:00:00Z..2026-01-02T08:00:00+02:00']) {
      expect(inputs({ 'github-token': 't', mode: 'report', 'report-window': window }).reportWindow).toBe(window);
    }
  });

  it('asks for a token when it is empty', () => {
    expect(() => inputs({})).toThrow('input github-token is empty');
  });
});
