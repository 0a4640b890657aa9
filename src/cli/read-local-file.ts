import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError, errorLine } from './cli-error.js';

/**
 * Reads a text file relative to the working directory. A missing file, a directory or an
 * unreadable file is a one-line `CliError` naming the path as the user wrote it.
 */
export async function readLocalFile(cwd: string, path: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new CliError(`${path}: ${describeFsError(error)}`);
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return errorLine(error);
}
