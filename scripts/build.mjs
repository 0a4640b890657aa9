// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild, and writes the
// third-party notices beside them (scripts/notices.mjs).
// Reproducible byte for byte: no timestamps, no absolute paths, sorted inputs; CI rebuilds and diffs.
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { banner, common, lazyProxyFetch, PROXY_FETCH_ENTRY } from './bundle-options.mjs';
import { bundledPackages, readExtraNotices, renderNotices } from './notices.mjs';

const root = process.cwd();
await rm('dist', { recursive: true, force: true });
await mkdir('dist');

// One file per entry (docs/architecture.md). Code only some runs need — report mode, the
// merge-queue status — is imported with import(): esbuild keeps such a module in the same file but
// runs its top level only when the import() is reached. The proxy stack (undici, the REST methods
// of @actions/github) is its own file, dist/proxy-fetch.js, which only a run behind a proxy loads:
// no other run parses it.
const proxy = await build({ ...common, metafile: true, entryPoints: [PROXY_FETCH_ENTRY], outfile: 'dist/proxy-fetch.js', banner: { js: banner } });
const plugins = [...common.plugins, lazyProxyFetch];
const action = await build({ ...common, plugins, metafile: true, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', banner: { js: banner } });
const cli = await build({ ...common, plugins, metafile: true, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${banner}` } });

const extras = readExtraNotices(root);
const notices = [
  ['dist/index.licenses.txt', 'dist/index.js (the action)', action],
  ['dist/cli.licenses.txt', 'dist/cli.js (the CLI)', cli],
];
for (const [file, what, result] of notices) {
  const folders = [...new Set([...bundledPackages(result.metafile), ...bundledPackages(proxy.metafile)])].sort();
  const title = `Third-party software in ${what} and dist/proxy-fetch.js, which it loads behind a proxy.`;
  await writeFile(file, renderNotices(root, { title, folders, extras }));
}
