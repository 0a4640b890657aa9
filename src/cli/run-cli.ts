import { nearest } from '../config/parse.js';
import { CliError, EXIT, errorLine, usageError } from './cli-error.js';
import type { CliIo } from './cli-io.js';
import { runCheck } from './command-check.js';
import { runEvaluate } from './command-evaluate.js';
import { runExample } from './command-example.js';
import { runReport } from './command-report.js';
import { runValidate } from './command-validate.js';
import { COMMAND_HELP, COMMANDS, GENERAL_HELP, VERSION, type CommandName } from './help.js';

export type { CliIo } from './cli-io.js';

const HANDLERS: Record<CommandName, (args: string[], io: CliIo) => Promise<number>> = {
  example: runExample,
  validate: runValidate,
  check: runCheck,
  evaluate: runEvaluate,
  report: runReport,
};

/**
 * The whole CLI: `argv` without `node` and the script, and the outside world as `io`. Resolves
 * to the exit code; never throws. Every failure is one line on stderr, `agent-pr-gate: …`.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.stderr(GENERAL_HELP);
      return EXIT.usage;
    }
    if (first === '-h' || first === '--help') {
      io.stdout(GENERAL_HELP);
      return EXIT.ok;
    }
    if (first === 'help') return showHelp(rest[0], io);
    if (first === '-v' || first === '--version') {
      io.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    if (!isCommand(first)) {
      if (first.startsWith('-')) throw usageError(`unknown option ${first} before the command`);
      const best = nearest(first, COMMANDS);
      throw usageError(`unknown command "${first}"${best ? ` (did you mean "${best}"?)` : `; the commands are ${COMMANDS.join(', ')}`}`);
    }
    const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
    if (options.includes('-h') || options.includes('--help')) {
      io.stdout(COMMAND_HELP[first]);
      return EXIT.ok;
    }
    return await HANDLERS[first](rest, io);
  } catch (error) {
    io.stderr(`agent-pr-gate: ${errorLine(error)}\n`);
    return error instanceof CliError ? error.exitCode : EXIT.error;
  }
}

function showHelp(topic: string | undefined, io: CliIo): number {
  if (topic === undefined) {
    io.stdout(GENERAL_HELP);
    return EXIT.ok;
  }
  if (!isCommand(topic)) throw usageError(`no help for "${topic}": the commands are ${COMMANDS.join(', ')}`);
  io.stdout(COMMAND_HELP[topic]);
  return EXIT.ok;
}

function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}
