import type { ClientPacing } from '../github/client.js';

/**
 * What the CLI touches outside its arguments, passed in so tests run it in-process: output
 * streams, environment, working directory, the clock and the API client's pacing. Files are read
 * and written with node:fs relative to `cwd`.
 */
export interface CliIo {
  /** Writes to standard output (the result: verdict, comment, JSON). */
  stdout: (text: string) => void;
  /** Writes to standard error (progress lines, notes, the error line). */
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now: () => Date;
  /** How the API client waits (retries, write pacing): its production defaults when absent. */
  apiPacing?: ClientPacing;
}
