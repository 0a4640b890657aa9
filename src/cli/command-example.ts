import { EXAMPLES } from '../examples/index.js';
import { EXIT, usageError, type ExitCode } from './cli-error.js';
import type { CliIo } from './cli-io.js';
import { parseCommandArgs } from './parse-command-args.js';
import { resolvePolicy, runGate } from './run-gate.js';
import { writeLocalFile } from './write-local-file.js';

/**
 * `agent-pr-gate example [name]` (and `npm start`): the real gate core on a bundled example PR,
 * offline, at the example's own evaluation time so the output is the same on every run.
 */
export async function runExample(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    'example',
    {
      args,
      options: { list: { type: 'boolean' }, json: { type: 'boolean' }, save: { type: 'string' } },
      strict: true,
      allowPositionals: true,
    },
    1,
  );
  if (values.list) {
    const width = Math.max(...EXAMPLES.map((example) => example.name.length));
    for (const example of EXAMPLES) io.stdout(`${example.name.padEnd(width)}  ${example.description}\n`);
    return EXIT.ok;
  }
  const name = positionals[0];
  const example = name === undefined ? EXAMPLES[0] : EXAMPLES.find((candidate) => candidate.name === name);
  if (!example) {
    throw usageError(`unknown example "${name}"; the examples are: ${EXAMPLES.map((candidate) => candidate.name).join(', ')}`, 'example');
  }
  io.stderr(`example: ${example.name} — ${example.description}\n`);
  if (values.save !== undefined) {
    // The example's policy becomes the snapshot's base-commit policy, so `evaluate` reproduces it.
    const snapshot = { ...example.snapshot, base: { ...example.snapshot.base, policy: { ...example.snapshot.base.policy, text: example.policyText } } };
    await writeLocalFile(io.cwd, values.save, `${JSON.stringify(snapshot, null, 2)}\n`);
    io.stderr(`Saved the example's snapshot to ${values.save} (agent-pr-gate evaluate --snapshot ${values.save} --now ${example.now})\n`);
  }
  return runGate(
    {
      snapshot: example.snapshot,
      policy: resolvePolicy({ text: example.policyText, fileName: example.snapshot.base.policy.path, origin: 'on the example\'s base commit' }, io),
      now: new Date(example.now),
      workflowPath: null,
      json: values.json ?? false,
      failOn: 'never',
    },
    io,
  );
}
