// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild, and writes the
// third-party notices beside them (scripts/notices.mjs).
// Reproducible byte for byte: no timestamps, no absolute paths, sorted inputs; CI rebuilds and diffs.
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { banner, common, lazyProxyFetch, lazyReportMode, PROXY_FETCH_ENTRY, REPORT_MODE_ENTRY } from './bundle-options.mjs';
import { bundledPackages, readExtraNotices, renderNotices } from './notices.mjs';

const root = process.cwd();
await rm('dist', { recursive: true, force: true });
await mkdir('dist');

// One file per entry (docs/architecture.md). Code only some runs need — the merge-queue status,
// the workflow_run lookup — is imported with import(): esbuild keeps such a module in the same
// file but runs its top level only when the import() is reached. Two stacks are files of their
// own, so that a gate run does not even parse them: the proxy stack (undici, the REST methods of
// @actions/github), dist/proxy-fetch.js, which only a run behind a proxy loads, and report mode,
// dist/report-mode.js, which only a `mode: report` run of the action loads.
const proxy = await build({ ...common, metafile: true, entryPoints: [PROXY_FETCH_ENTRY], outfile: 'dist/proxy-fetch.js', banner: { js: banner } });
const plugins = [...common.plugins, lazyProxyFetch];
const report = await build({ ...common, plugins, metafile: true, entryPoints: [REPORT_MODE_ENTRY], outfile: 'dist/report-mode.js', banner: { js: banner } });
const action = await build({ ...common, plugins: [...plugins, lazyReportMode], metafile: true, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', banner: { js: banner } });
const cli = await build({ ...common, plugins, metafile: true, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${banner}` } });

const extras = readExtraNotices(root);
const notices = [
  ['dist/index.licenses.txt', [action, report, proxy], 'dist/index.js (the action), dist/report-mode.js, which it loads in report mode, and dist/proxy-fetch.js, which it loads behind a proxy.'],
  ['dist/cli.licenses.txt', [cli, proxy], 'dist/cli.js (the CLI) and dist/proxy-fetch.js, which it loads behind a proxy.'],
];
for (const [file, results, what] of notices) {
  const folders = [...new Set(results.flatMap((result) => bundledPackages(result.metafile)))].sort();
  await writeFile(file, renderNotices(root, { title: `Third-party software in ${what}`, folders, extras }));
}
