// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// Reproducible byte for byte: no timestamps, no absolute paths, sorted inputs; CI rebuilds and diffs.
import { build } from 'esbuild';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { banner, common } from './bundle-options.mjs';

await rm('dist', { recursive: true, force: true });
// One build, split: code only some runs need (undici behind a proxy, report mode, the CLI's
// commands) sits in dist/chunks/ and is loaded when used, so a gate run compiles less.
await build({
  ...common,
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: banner },
});
const cli = await readFile('dist/cli.js', 'utf8');
await writeFile('dist/cli.js', `#!/usr/bin/env node\n${cli}`);
