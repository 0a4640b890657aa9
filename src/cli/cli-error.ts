/**
 * An error the CLI reports as one line (no stack trace) with a chosen exit code. Anything else
 * that reaches `runCli` is an unexpected failure: still one line, exit code 1.
 */

export const EXIT = {
  /** Done (for `check`/`evaluate`: whatever the verdict, unless `--fail-on` says otherwise). */
  ok: 0,
  /** An invalid policy or snapshot, a missing file, a failed API call. */
  error: 1,
  /** Unknown command or option, missing or malformed argument. */
  usage: 2,
  /** `check`/`evaluate`: the verdict is at least `--fail-on`. */
  verdict: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  override name = 'CliError';
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode = EXIT.error) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** A usage error: exit code 2, and the message ends with where to find help. */
export function usageError(message: string, command?: string): CliError {
  const help = command ? `agent-pr-gate ${command} --help` : 'agent-pr-gate --help';
  return new CliError(`${message} (see \`${help}\`)`, EXIT.usage);
}

/** One line for any thrown value: the message of an Error, else its string form. */
export function errorLine(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
  const line = text.split('\n').find((part) => part.trim() !== '') ?? 'unknown error';
  return line.trim();
}
