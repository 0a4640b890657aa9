import { register } from 'node:module';

/**
 * The presets are imported as `policies/*.yml?raw` (a bundler convention esbuild and vitest
 * understand); under plain Node or tsx, this loader hook turns such an import into the file's text.
 * Call `registerRawLoader()` before importing the core (with `await import(…)`).
 */
const RAW_LOADER = `
import { readFile } from 'node:fs/promises';
export async function resolve(specifier, context, next) {
  if (specifier.endsWith('?raw')) return { url: new URL(specifier, context.parentURL).href, shortCircuit: true };
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (!url.endsWith('?raw')) return next(url, context);
  const file = new URL(url);
  file.search = '';
  const text = await readFile(file, 'utf8');
  return { format: 'module', source: 'export default ' + JSON.stringify(text) + ';', shortCircuit: true };
}
`;

export function registerRawLoader(): void {
  register(`data:text/javascript,${encodeURIComponent(RAW_LOADER)}`, import.meta.url);
}
