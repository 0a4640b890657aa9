/**
 * What the CLI touches outside its arguments, passed in so tests run it in-process: output
 * streams, environment, working directory and the clock. Files are read and written with node:fs
 * relative to `cwd`.
 */
export interface CliIo {
  /** Writes to standard output (the result: verdict, comment, JSON). */
  stdout: (text: string) => void;
  /** Writes to standard error (progress lines, notes, the error line). */
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now: () => Date;
}
