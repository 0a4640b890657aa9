// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// Reproducible byte for byte: no timestamps, no absolute paths, sorted inputs; CI rebuilds and diffs.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { banner, common } from './bundle-options.mjs';

await rm('dist', { recursive: true, force: true });
// One file per entry (STYLE.md). Code only some runs need — undici behind a proxy, report mode,
// the merge-queue status — is imported with import(): esbuild keeps such a module in the same
// file but runs its top level only when the import() is reached, so a gate run never starts it.
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', banner: { js: banner } });
await build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${banner}` } });
