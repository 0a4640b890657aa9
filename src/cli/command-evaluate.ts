import { CliError, usageError, type ExitCode } from './cli-error.js';
import type { CliIo } from './cli-io.js';
import { parseCommandArgs } from './parse-command-args.js';
import { parseSnapshot } from './parse-snapshot.js';
import { readLocalFile } from './read-local-file.js';
import { parseFailOn, parseNow, resolvePolicy, runGate, type PolicySource } from './run-gate.js';

/**
 * `agent-pr-gate evaluate --snapshot pr.json`: the gate pipeline, offline, on a snapshot saved by
 * `check --save`: plan and decide with what the file holds (its lookups and manifest contents),
 * so a saved run replays exactly. The policy is the base commit's text saved in the snapshot, or
 * `--config`.
 */
export async function runEvaluate(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    'evaluate',
    {
      args,
      options: {
        snapshot: { type: 'string' },
        config: { type: 'string' },
        workflow: { type: 'string' },
        now: { type: 'string' },
        json: { type: 'boolean' },
        'fail-on': { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    },
    1,
  );
  const stray = positionals[0];
  if (stray !== undefined) throw usageError(`unexpected argument "${stray}": name the snapshot with --snapshot ${stray}`, 'evaluate');
  if (values.snapshot === undefined) throw usageError('evaluate needs --snapshot FILE', 'evaluate');
  const failOn = parseFailOn(values['fail-on'], 'evaluate');
  const now = parseNow(values.now, io, 'evaluate');

  const parsed = parseSnapshot(await readLocalFile(io.cwd, values.snapshot), values.snapshot);
  if (!parsed.ok) throw new CliError(parsed.error);
  const snapshot = parsed.snapshot;

  const source: PolicySource =
    values.config !== undefined
      ? { text: await readLocalFile(io.cwd, values.config), fileName: values.config, origin: 'local file' }
      : { text: snapshot.base.policy.text, fileName: snapshot.base.policy.path, origin: 'saved in the snapshot from the base commit' };

  io.stderr(`snapshot: ${snapshot.repo.owner}/${snapshot.repo.name}#${snapshot.number} at ${snapshot.headSha.slice(0, 7)}, evaluated at ${now.toISOString()}\n`);
  const policy = resolvePolicy(source, io);
  return runGate({ snapshot, manifests: parsed.manifests, policy, now, workflowPath: values.workflow ?? null, json: values.json ?? false, failOn }, io);
}
