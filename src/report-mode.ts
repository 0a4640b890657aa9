import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicy, type PolicyError } from './config/load-policy.js';
import type { GitHubClient } from './github/client.js';
import { fetchReport, type ReportProgress } from './github/fetch-report.js';
import { fetchReportResult } from './github/fetch-report-result.js';
import { annotatePolicyErrors, describePolicyErrors } from './github/publish-policy-error.js';
import type { RunnerEnv } from './github/runner-env.js';
import type { Inputs } from './inputs.js';
import { escapeForLog } from './render/escape-log.js';
import { parseCompare, readSpan } from './report/cohorts.js';
import { renderReport } from './report/render-report.js';
import type { ReportJson } from './report/report-types.js';
import { tierLabelsOf } from './report/tier-labels.js';
import { parseReportWindow } from './report/window.js';

/**
 * `mode: report` (docs/report-mode.md): every PR created in `report-window`, through the same detection and
 * metrics as a gate run, aggregated per agent. Writes the job summary, the `report` output (one
 * line of JSON), and the same JSON to a file in RUNNER_TEMP whose path is the `report-path` output
 * (for actions/upload-artifact). Writes no comment and no status; it fails only when it cannot run
 * (bad window, unreadable repository, invalid policy file).
 */

/** The file name of the report JSON in the temp directory. */
export const REPORT_FILE = 'agent-pr-gate-report.json';
/** Step outputs share a 1 MiB limit per job; a larger report leaves its `prs` to the file. */
export const MAX_OUTPUT_LENGTH = 900_000;

export interface ReportModeOptions {
  /** The evaluation time (default: the current time). */
  now?: Date;
  /** Where the JSON file goes (default: the runner's temp directory, RUNNER_TEMP, else the OS one). */
  tempDir?: string;
}

/** The `report` output: the whole JSON on one line, or without `prs` when that is too long. */
export function reportOutput(report: ReportJson): string {
  const full = JSON.stringify(report);
  if (full.length <= MAX_OUTPUT_LENGTH) return full;
  return JSON.stringify({
    ...report,
    prs: [],
    incomplete: [...report.incomplete, `prs: ${report.prs.length} PRs left out of this output (too long); the file at report-path has them`],
  });
}

class PolicyLoadError extends Error {
  constructor(readonly errors: readonly PolicyError[]) {
    super(describePolicyErrors(errors));
    this.name = 'PolicyLoadError';
  }
}

export async function runReportMode(inputs: Inputs, client: GitHubClient, env: RunnerEnv, options: ReportModeOptions = {}): Promise<void> {
  const now = options.now ?? new Date();
  const repo = env.repository;
  if (!repo) throw new Error('report mode needs the repository to report on, and GITHUB_REPOSITORY is not set');
  const window = parseReportWindow(inputs.reportWindow, now);
  core.info(`agent-pr-gate: report on ${repo.owner}/${repo.name}, PRs created ${window.from.toISOString()} .. ${window.to.toISOString()}`);

  const progress: ReportProgress = {
    log: (message) => core.info(escapeForLog(message)),
    group: (name, work) => core.group(escapeForLog(name), work),
  };
  const compare = parseCompare(inputs.reportCompare, now);
  const span = readSpan(window, compare);
  const target = { owner: repo.owner, name: repo.name, configPath: inputs.config, from: span.from, to: span.to, now };
  const readPolicy = (text: string | null) => {
    const result = loadPolicy(text, inputs.config);
    if (!result.ok) throw new PolicyLoadError(result.errors);
    return { ...result, tierLabels: tierLabelsOf(text, inputs.config) };
  };
  const data = await fetchReport(client, target, readPolicy, progress).catch((error: unknown) => {
    if (!(error instanceof PolicyLoadError)) throw error;
    annotatePolicyErrors(error.errors);
    core.setFailed(`agent-pr-gate: ${escapeForLog(error.message)}`);
    return null;
  });
  if (!data) return;
  const loaded = data.policy;

  const { report, requests } = await fetchReportResult(client, loaded.policy, data, {
    repo,
    window,
    now,
    tierLabels: loaded.tierLabels,
    compare,
    evaluate: inputs.reportEvaluate,
  });
  const snapshots = data.snapshots;

  const summary = Object.entries(report.agents)
    .map(([id, agent]) => `${id} ${agent.prs}`)
    .join(', ');
  core.info(
    `agent-pr-gate: ${report.prs.length} agent PRs of ${snapshots.length} PRs in the window${summary ? ` (${summary})` : ''}; ` +
      `${report.failures.length} failure samples; ${report.guardrails.length} guardrail suggestions; ${requests} API requests`,
  );

  const dir = options.tempDir ?? env.tempDir ?? tmpdir();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, REPORT_FILE);
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  core.setOutput('report', reportOutput(report));
  core.setOutput('report-path', path);

  try {
    await core.summary.addRaw(renderReport(report), true).write();
  } catch (error) {
    core.warning(`agent-pr-gate: could not write the job summary: ${escapeForLog(error instanceof Error ? error.message : String(error))}`);
  }
}
