import type { Policy } from '../config/policy.js';
import { createGitHubClient } from '../github/client.js';
import { fetchReport } from '../github/fetch-report.js';
import { fetchReportResult } from '../github/fetch-report-result.js';
import { CompareError, parseCompare, readSpan, type CompareSpec } from '../report/cohorts.js';
import { mergeReports, parseReportFile, ReportFileError } from '../report/merge-reports.js';
import { renderReportHtml } from '../report/render-html.js';
import { renderReport } from '../report/render-report.js';
import type { ReportJson } from '../report/report-types.js';
import { tierLabelsOf, type TierLabels } from '../report/tier-labels.js';
import { parseReportWindow, ReportWindowError } from '../report/window.js';
import { CliError, EXIT, usageError, type ExitCode } from './cli-error.js';
import type { CliIo } from './cli-io.js';
import { DEFAULT_POLICY_PATH } from './command-validate.js';
import { describeApiFailure } from './describe-api-failure.js';
import { parseCommandArgs } from './parse-command-args.js';
import { parseRepoRef } from './parse-target.js';
import { readApiEnv } from './read-api-env.js';
import { readLocalFile } from './read-local-file.js';
import { resolvePolicy, type PolicySource } from './run-gate.js';
import { writeLocalFile } from './write-local-file.js';

/**
 * `agent-pr-gate report …` (docs/report-mode.md):
 * - `report owner/repo [--window 14d] [--compare X] [--evaluate] [--gate-login L] [--json] [--html FILE]`: report
 *   mode, locally: reads with the token, prints the summary markdown (or the JSON); writes nothing
 *   to GitHub;
 * - `report merge a.json b.json …`: one report from several, recomputed from their PRs (JSON);
 * - `report render report.json [--html FILE]`: the summary markdown, or the self-contained page.
 */

async function output(io: CliIo, report: ReportJson, values: { json?: boolean; html?: string }): Promise<void> {
  if (values.html !== undefined) await writeLocalFile(io.cwd, values.html, renderReportHtml(report));
  if (values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (values.html === undefined) {
    const markdown = renderReport(report);
    io.stdout(markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  }
}

async function readReports(io: CliIo, paths: string[]): Promise<ReportJson[]> {
  const out: ReportJson[] = [];
  for (const path of paths) {
    try {
      out.push(parseReportFile(await readLocalFile(io.cwd, path), path));
    } catch (error) {
      if (error instanceof ReportFileError) throw new CliError(error.message);
      throw error;
    }
  }
  return out;
}

async function runMerge(args: string[], io: CliIo): Promise<ExitCode> {
  const { positionals } = parseCommandArgs('report', { args, options: {}, strict: true, allowPositionals: true }, 10_000);
  if (positionals.length === 0) throw usageError('report merge needs report files: report merge a.json b.json …', 'report');
  const reports = await readReports(io, positionals);
  let merged: ReportJson;
  try {
    merged = mergeReports(reports);
  } catch (error) {
    if (error instanceof ReportFileError) throw new CliError(error.message);
    throw error;
  }
  io.stdout(`${JSON.stringify(merged, null, 2)}\n`);
  return EXIT.ok;
}

async function runRender(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs('report', { args, options: { html: { type: 'string' }, json: { type: 'boolean' } }, strict: true, allowPositionals: true }, 1);
  if (positionals[0] === undefined) throw usageError('report render needs a report file: report render report.json --html out.html', 'report');
  const [report] = await readReports(io, positionals);
  await output(io, report!, values);
  if (values.html !== undefined) io.stderr(`Wrote ${values.html}\n`);
  return EXIT.ok;
}

function parseOptions(values: { window?: string; compare?: string }, now: Date) {
  try {
    const window = parseReportWindow(values.window ?? '14d', now);
    const compare: CompareSpec | null = parseCompare(values.compare ?? '', now);
    return { window, compare };
  } catch (error) {
    if (error instanceof ReportWindowError) throw usageError(error.message.replace(/^report-window/, '--window'), 'report');
    if (error instanceof CompareError) throw usageError(error.message.replace(/^report-compare/, '--compare'), 'report');
    throw error;
  }
}

export async function runReport(args: string[], io: CliIo): Promise<ExitCode> {
  if (args[0] === 'merge') return runMerge(args.slice(1), io);
  if (args[0] === 'render') return runRender(args.slice(1), io);
  const { values, positionals } = parseCommandArgs(
    'report',
    {
      args,
      options: {
        window: { type: 'string' },
        compare: { type: 'string' },
        evaluate: { type: 'boolean' },
        'gate-login': { type: 'string' },
        config: { type: 'string' },
        'policy-path': { type: 'string' },
        json: { type: 'boolean' },
        html: { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    },
    1,
  );
  const target = positionals[0];
  if (target === undefined) throw usageError('report needs a repository: owner/repo (or report merge, report render)', 'report');
  const repo = parseRepoRef(target);
  if (!repo) throw usageError(`"${target}" is not a repository: use owner/repo`, 'report');
  const now = io.now();
  const { window, compare } = parseOptions(values, now);
  const span = readSpan(window, compare);
  const gateLogin = values['gate-login'] ?? null;
  if (gateLogin !== null && !/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\[bot\]$/.test(gateLogin)) {
    throw usageError(`--gate-login "${gateLogin}" must be the gate's app login, such as github-actions[bot]`, 'report');
  }
  const configPath = values['policy-path'] ?? DEFAULT_POLICY_PATH;
  const localText = values.config !== undefined ? await readLocalFile(io.cwd, values.config) : null;
  const env = readApiEnv(io.env, 'report');
  const client = createGitHubClient({ ...env, ...io.apiPacing, log: (message) => io.stderr(`${message}\n`) });
  const label = `${repo.owner}/${repo.name}`;

  io.stderr(`Reading agent PRs of ${label} created ${span.from.toISOString()} .. ${span.to.toISOString()} from ${env.apiUrl} …\n`);
  let tierLabels: TierLabels = new Map();
  const readPolicy = (text: string | null): Policy => {
    const source: PolicySource =
      values.config !== undefined && localText !== null
        ? { text: localText, fileName: values.config, origin: 'local file' }
        : { text, fileName: configPath, origin: 'on the default branch' };
    const policy = resolvePolicy(source, io);
    tierLabels = tierLabelsOf(source.text, source.fileName);
    return policy;
  };
  let data;
  try {
    data = await fetchReport(client, { owner: repo.owner, name: repo.name, configPath, from: span.from, to: span.to, now }, readPolicy, {
      log: (message) => io.stderr(`  ${message}\n`),
      group: async (name, work) => {
        io.stderr(`${name} …\n`);
        return work();
      },
    });
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(describeApiFailure(error, label, env.apiUrl));
  }
  let result;
  try {
    result = await fetchReportResult(client, data.policy, data, {
      repo,
      window,
      now,
      tierLabels,
      compare,
      evaluate: values.evaluate === true,
      gateLogin,
    });
  } catch (error) {
    throw new CliError(describeApiFailure(error, `the permissions and files ${label}'s report needs`, env.apiUrl));
  }
  const report = result.report;
  io.stderr(`${report.prs.length} agent PRs of ${data.snapshots.length} PRs read; ${report.guardrails.length} guardrail suggestions; ${result.requests} API requests\n`);
  await output(io, report, values);
  return EXIT.ok;
}
