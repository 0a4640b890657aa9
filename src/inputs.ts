import * as core from '@actions/core';
import { CompareError, parseCompare } from './report/cohorts.js';
import { parseReportWindow, ReportWindowError } from './report/window.js';
import { FAIL_ON, type FailOn } from './verdict.js';

export { FAIL_ON, failsJob, type FailOn } from './verdict.js';

/**
 * The action inputs (README.md, "Inputs and outputs"), read and checked once at the edge. A bad value stops the run with
 * one line naming the input, the value, and what is allowed.
 */

export const MODES = ['gate', 'report'] as const;
export const COMMENT_MODES = ['always', 'on-failure', 'never'] as const;

export type Mode = (typeof MODES)[number];
export type CommentMode = (typeof COMMENT_MODES)[number];

export interface Inputs {
  githubToken: string;
  /** The policy file path in the repository, normalized (no leading `./` or `/`). */
  config: string;
  mode: Mode;
  failOn: FailOn;
  comment: CommentMode;
  /** Whether to set the `agent-pr-gate` commit status. */
  status: boolean;
  /** Report mode window as given (`14d`, `12h`, `2w`, `2026-01-01..2026-01-15`). */
  reportWindow: string;
  /** Report mode comparison as given (a second window, `label:…`, `pattern:…`, `split:…`), or ''. */
  reportCompare: string;
  /** Report mode: evaluate PRs the gate never judged with the current policy. */
  reportEvaluate: boolean;
}

export const DEFAULT_CONFIG = '.github/agent-pr-gate.yml';

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  if (value === '') return fallback;
  const lower = value.toLowerCase();
  const match = allowed.find((item) => item === lower);
  if (match) return match;
  throw new InputError(`input ${name} must be one of ${allowed.join(', ')}; got "${value}"`);
}

function bool(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`input ${name} must be true or false; got "${value}"`);
}

function configPath(value: string): string {
  const raw = value === '' ? DEFAULT_CONFIG : value;
  const path = raw.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  const segments = path.split('/');
  if (path === '' || segments.some((segment) => segment === '..' || segment === '') || /^[A-Za-z]:/.test(path)) {
    throw new InputError(`input config must be a file path inside the repository, like ${DEFAULT_CONFIG}; got "${value}"`);
  }
  return path;
}

/** The report window as report mode will read it (`parseReportWindow`), checked up front. */
function checkReportWindow(value: string): void {
  try {
    parseReportWindow(value, new Date());
  } catch (error) {
    if (error instanceof ReportWindowError) throw new InputError(`input ${error.message}`);
    throw error;
  }
}

/** Parses the inputs from a getter (the action passes core.getInput; tests pass a map). */
export function parseInputs(get: (name: string) => string): Inputs {
  const mode = oneOf('mode', get('mode'), MODES, 'gate');
  const reportWindow = get('report-window') || '14d';
  if (mode === 'report') checkReportWindow(reportWindow);
  const reportCompare = get('report-compare').trim();
  if (mode === 'report') {
    try {
      parseCompare(reportCompare, new Date());
    } catch (error) {
      if (error instanceof CompareError) throw new InputError(`input ${error.message}`);
      throw error;
    }
  }
  const githubToken = get('github-token');
  if (githubToken === '') {
    throw new InputError('input github-token is empty: pass `github-token: ${{ github.token }}` (the default) or another token');
  }
  return {
    githubToken,
    config: configPath(get('config')),
    mode,
    failOn: oneOf('fail-on', get('fail-on'), FAIL_ON, 'needs-review'),
    comment: oneOf('comment', get('comment'), COMMENT_MODES, 'always'),
    status: bool('status', get('status'), true),
    reportWindow,
    reportCompare,
    reportEvaluate: bool('report-evaluate', get('report-evaluate'), false),
  };
}

export function readInputs(): Inputs {
  return parseInputs((name) => core.getInput(name));
}
