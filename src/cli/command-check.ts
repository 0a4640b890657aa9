import { createGitHubClient, GATE_WRITE_SPACING_MS } from '../github/client.js';
import { runGatePipeline, type GateRun } from '../gate/pipeline.js';
import { firstReads, type Reads } from '../gate/reads.js';
import { gateFetch } from '../github/fetch-gate-reads.js';
import type { StagedSnapshot } from '../github/fetch-snapshot.js';
import type { Policy } from '../config/policy.js';
import { plural } from '../policy/text.js';
import type { PrSnapshot } from '../snapshot.js';
import { CliError, usageError, type ExitCode } from './cli-error.js';
import type { CliIo } from './cli-io.js';
import { DEFAULT_POLICY_PATH } from './command-validate.js';
import { describeApiFailure } from './describe-api-failure.js';
import { fetchPrSnapshotStaged } from './fetch-pr-snapshot.js';
import { parseCommandArgs } from './parse-command-args.js';
import { parsePrRef } from './parse-target.js';
import { readApiEnv } from './read-api-env.js';
import { readLocalFile } from './read-local-file.js';
import { parseFailOn, reportGate, resolvePolicy, type PolicySource } from './run-gate.js';
import { writeLocalFile } from './write-local-file.js';

/**
 * `agent-pr-gate check owner/repo#123`: the gate on a real PR, as a dry run. Reads the PR with
 * the token (the policy from the base commit, or `--config` from a local file), prints the
 * verdict and the comment (or the report JSON), writes nothing to GitHub. It runs the gate
 * pipeline as the action does (plan → fetch → decide, src/gate/pipeline.ts). `--save` writes the
 * snapshot with what the run read beside it (lookups, manifest contents) for `evaluate`.
 */
export async function runCheck(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    'check',
    {
      args,
      options: {
        config: { type: 'string' },
        'policy-path': { type: 'string' },
        workflow: { type: 'string' },
        json: { type: 'boolean' },
        save: { type: 'string' },
        'fail-on': { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    },
    1,
  );
  const target = positionals[0];
  if (target === undefined) throw usageError('check needs a pull request: owner/repo#123 or its URL', 'check');
  const ref = parsePrRef(target);
  if (!ref) throw usageError(`"${target}" is not a pull request: use owner/repo#123 or https://github.com/owner/repo/pull/123`, 'check');
  const failOn = parseFailOn(values['fail-on'], 'check');
  const configPath = values['policy-path'] ?? DEFAULT_POLICY_PATH;
  const workflowPath = values.workflow ?? null;
  const env = readApiEnv(io.env, 'check');
  // A local policy is read and checked first: a mistake in it should not cost API calls.
  const localPolicy =
    values.config !== undefined
      ? resolvePolicy({ text: await readLocalFile(io.cwd, values.config), fileName: values.config, origin: 'local file' }, io)
      : null;
  // The reads of a gate run: one at a time, not spaced (see GATE_WRITE_SPACING_MS).
  const client = createGitHubClient({ ...env, writeSpacingMs: GATE_WRITE_SPACING_MS, ...io.apiPacing, log: (message) => io.stderr(`${message}\n`) });
  const label = `${ref.owner}/${ref.name}#${ref.number}`;

  io.stderr(`Fetching ${label} from ${env.apiUrl} …\n`);
  const started = io.now().getTime();
  let staged: StagedSnapshot;
  try {
    staged = await fetchPrSnapshotStaged(client, ref, configPath);
  } catch (error) {
    throw new CliError(describeApiFailure(error, label, env.apiUrl));
  }

  let policy: Policy;
  try {
    policy = localPolicy ?? resolvePolicy(basePolicySource(staged.snapshot), io);
  } catch (error) {
    if (values.save !== undefined) await save(values.save, firstReads(staged.snapshot), io);
    throw error;
  }
  const now = io.now();
  let run: GateRun;
  try {
    const first = firstReads(staged.snapshot, { morePages: staged.moreFiles });
    run = await runGatePipeline(policy, first, gateFetch(client, staged), { now, workflowPath });
  } catch (error) {
    throw new CliError(describeApiFailure(error, `the files, permissions and teams ${label} needs`, env.apiUrl));
  }
  const { snapshot } = run.reads;
  const seconds = ((io.now().getTime() - started) / 1000).toFixed(1);
  io.stderr(`Fetched ${label}: ${plural(snapshot.files.length, 'file')}, ${plural(snapshot.commits.length, 'commit')}, ${plural(snapshot.reviews.length, 'review')}, ${plural(snapshot.comments.length, 'comment')} (${seconds} s)\n`);
  if (values.save !== undefined) {
    await save(values.save, run.reads, io);
    io.stderr(`Reproduce offline: agent-pr-gate evaluate --snapshot ${values.save} --now ${now.toISOString()}${values.config ? ` --config ${values.config}` : ''}${workflowPath ? ` --workflow ${workflowPath}` : ''}\n`);
  }
  return reportGate(run.result, values.json ?? false, failOn, io);
}

function basePolicySource(snapshot: PrSnapshot): PolicySource {
  return { text: snapshot.base.policy.text, fileName: snapshot.base.policy.path, origin: `on the base commit ${snapshot.baseSha.slice(0, 7)}` };
}

/** The saved run: the snapshot, the lookups answered, and the manifests read in their own field. */
async function save(path: string, reads: Reads, io: CliIo): Promise<void> {
  const saved = { ...reads.snapshot, lookups: reads.lookups, ...(reads.manifests !== null ? { manifests: reads.manifests } : {}) };
  await writeLocalFile(io.cwd, path, `${JSON.stringify(saved, null, 2)}\n`);
  io.stderr(`Saved the snapshot to ${path}\n`);
}
