import type { Policy } from '../config/policy.js';
import { createGitHubClient } from '../github/client.js';
import { fetchReport } from '../github/fetch-report.js';
import { fetchReportResult } from '../github/fetch-report-result.js';
import { renderReport } from '../report/render-report.js';
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

/**
 * `agent-pr-gate report owner/repo [--window 14d]`: report mode, locally. Reads every PR created
 * in the window with the token, runs the same detection and metrics as the action, and prints the
 * summary markdown (or the report JSON). Writes nothing to GitHub.
 */
export async function runReport(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    'report',
    {
      args,
      options: { window: { type: 'string' }, config: { type: 'string' }, 'policy-path': { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    },
    1,
  );
  const target = positionals[0];
  if (target === undefined) throw usageError('report needs a repository: owner/repo', 'report');
  const repo = parseRepoRef(target);
  if (!repo) throw usageError(`"${target}" is not a repository: use owner/repo`, 'report');
  const now = io.now();
  let window;
  try {
    window = parseReportWindow(values.window ?? '14d', now);
  } catch (error) {
    if (error instanceof ReportWindowError) throw usageError(error.message.replace(/^report-window/, '--window'), 'report');
    throw error;
  }
  const configPath = values['policy-path'] ?? DEFAULT_POLICY_PATH;
  const localText = values.config !== undefined ? await readLocalFile(io.cwd, values.config) : null;
  const env = readApiEnv(io.env, 'report');
  const client = createGitHubClient({ ...env, ...io.apiPacing, log: (message) => io.stderr(`${message}\n`) });
  const label = `${repo.owner}/${repo.name}`;

  io.stderr(`Reading agent PRs of ${label} created ${window.from.toISOString()} .. ${window.to.toISOString()} from ${env.apiUrl} …\n`);
  const readPolicy = (text: string | null): Policy => {
    const source: PolicySource =
      values.config !== undefined && localText !== null
        ? { text: localText, fileName: values.config, origin: 'local file' }
        : { text, fileName: configPath, origin: 'on the default branch' };
    return resolvePolicy(source, io);
  };
  let data;
  try {
    data = await fetchReport(client, { owner: repo.owner, name: repo.name, configPath, from: window.from, to: window.to, now }, readPolicy, {
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
    result = await fetchReportResult(client, data.policy, data, { repo, window, now });
  } catch (error) {
    throw new CliError(describeApiFailure(error, `the permissions ${label}'s report needs`, env.apiUrl));
  }
  const report = result.report;
  io.stderr(`${report.prs.length} agent PRs of ${data.snapshots.length} PRs in the window; ${result.requests} API requests\n`);
  if (values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const markdown = renderReport(report);
    io.stdout(markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  }
  return EXIT.ok;
}
