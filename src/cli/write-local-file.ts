import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from './cli-error.js';
import { describeFsError } from './read-local-file.js';

/** Writes a text file relative to the working directory; a failure is a one-line CliError. */
export async function writeLocalFile(cwd: string, path: string, text: string): Promise<void> {
  try {
    await writeFile(resolve(cwd, path), text, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new CliError(`cannot write ${path}: ${code === 'ENOENT' ? 'its folder does not exist' : describeFsError(error)}`);
  }
}
