import { formatPolicyError, loadPolicy } from '../config/load-policy.js';
import { CliError, EXIT, type ExitCode } from './cli-error.js';
import type { CliIo } from './cli-io.js';
import { parseCommandArgs } from './parse-command-args.js';
import { readLocalFile } from './read-local-file.js';
import { renderPolicySummary } from './render-policy-summary.js';

export const DEFAULT_POLICY_PATH = '.github/agent-pr-gate.yml';

/**
 * `agent-pr-gate validate [file...]`: each file is parsed and resolved like the action does on
 * the base commit. Prints `FILE: valid (extends PRESET)` and a summary, or one located error per
 * line. Every file given is checked, whatever happened to the ones before it; exit 1 when any
 * file is invalid, missing or could not be checked.
 */
export async function runValidate(args: string[], io: CliIo): Promise<ExitCode> {
  const { positionals } = parseCommandArgs('validate', { args, options: {}, strict: true, allowPositionals: true }, Infinity);
  const files = positionals.length > 0 ? positionals : [DEFAULT_POLICY_PATH];
  let exitCode: ExitCode = EXIT.ok;
  for (const file of files) {
    let text: string;
    try {
      text = await readLocalFile(io.cwd, file);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      const hint = file === DEFAULT_POLICY_PATH ? ' (without a policy file the action applies the `default` preset)' : '';
      io.stdout(`${error.message}${hint}\n`);
      exitCode = EXIT.error;
      continue;
    }
    let result: ReturnType<typeof loadPolicy>;
    try {
      result = loadPolicy(text, file);
    } catch (error) {
      // One file's unexpected failure must not hide the files after it: report it, go on.
      io.stdout(`${file}: could not be checked: ${error instanceof Error ? error.message : String(error)}\n`);
      exitCode = EXIT.error;
      continue;
    }
    if (!result.ok) {
      for (const error of result.errors) io.stdout(`${formatPolicyError(error)}\n`);
      exitCode = EXIT.error;
      continue;
    }
    const empty = text.trim() === '' || text.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('#') || line.trim() === '---');
    io.stdout(`${file}: valid (extends ${result.policy.preset}${empty ? ': the file is empty' : ''})\n`);
    for (const line of renderPolicySummary(result.policy)) io.stdout(`${line}\n`);
  }
  return exitCode;
}
