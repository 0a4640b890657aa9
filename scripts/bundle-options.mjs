// The esbuild options of the bundles: scripts/build.mjs builds dist/ with them, and the bench
// builds its comparison bundle with them.

import { dirname, join, sep } from 'node:path';

// @actions/core imports its OIDC client, and with it @actions/http-client and undici, at load
// time; we never ask for an OIDC token. The @actions packages' modules have nothing to do at load
// but define things, so they are marked free of side effects: what nothing uses is left out
// (esbuild keeps any module whose exports are used).
export const actionsSideEffectFree = {
  name: 'actions-side-effect-free',
  setup(b) {
    b.onResolve({ filter: /^@actions\/|^\.\.?\// }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      if (!args.path.startsWith('@actions/') && !args.importer.includes('/node_modules/@actions/')) return undefined;
      const resolved = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'resolving' });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { ...resolved, sideEffects: false };
    });
  },
};

// yaml ships the same code twice: CommonJS (dist/, its `node` export) and ES modules (browser/,
// its `default` export; plain JavaScript, no browser API: binary tags use atob/btoa, which Node
// has). The bundles take the ES modules: esbuild leaves out what we never call (the stringifiers,
// the CST visitor) and needs no wrapper run per module at load, ~3 ms less to load.
export const yamlAsEsm = {
  name: 'yaml-as-esm',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await b.resolve('yaml/package.json', { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'resolving' });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: join(dirname(resolved.path), 'browser', 'index.js') };
    });
  },
};

/** The proxy stack's entry: its own bundle, dist/proxy-fetch.js (see src/github/client.ts). */
export const PROXY_FETCH_ENTRY = 'src/github/proxy-fetch.ts';

// In the entry bundles, client.ts's import('./proxy-fetch.js') stays an import of the file beside
// them in dist/, so only a run behind a proxy reads it.
export const lazyProxyFetch = {
  name: 'lazy-proxy-fetch',
  setup(b) {
    b.onResolve({ filter: /^\.\/proxy-fetch\.js$/ }, (args) =>
      args.kind === 'dynamic-import' && args.importer.endsWith(`${sep}src${sep}github${sep}client.ts`) ? { path: './proxy-fetch.js', external: true } : undefined,
    );
  },
};

/** Report mode's entry: its own bundle, dist/report-mode.js, which only a `mode: report` run loads. */
export const REPORT_MODE_ENTRY = 'src/report-mode.ts';

// In dist/index.js, main.ts's import('./report-mode.js') stays an import of the file beside it: a
// gate run never parses report mode. (The CLI keeps it inside dist/cli.js.) The report bundle has
// its own copies of the modules both use; what crosses over (the client, the inputs, the runner
// environment) is plain data and functions, and errors are read by their shape (src/github/errors.ts).
export const lazyReportMode = {
  name: 'lazy-report-mode',
  setup(b) {
    b.onResolve({ filter: /^\.\/report-mode\.js$/ }, (args) =>
      args.kind === 'dynamic-import' && args.importer.endsWith(`${sep}src${sep}main.ts`) ? { path: './report-mode.js', external: true } : undefined,
    );
  },
};

/** RE2JS's own bundle beside the action's, dist/re2js.cjs (CommonJS: dist/ is an ES module folder). */
export const RE2JS_CHUNK = 're2js.cjs';

// In dist/index.js, `re2js` is a stand-in that requires dist/re2js.cjs the first time a pattern is
// compiled with it (through the banner's `require`, so it is the file beside the bundle): a user
// pattern that needs RE2, or a generated secret rule whose keyword a line holds. Most gate runs
// compile none, and then never parse its 300 KB (docs/architecture.md, "Start-up cost"). The
// source imports re2js as usual; the CLI and report mode keep it inside their bundles.
const LAZY_RE2JS = [
  'let engine;',
  `const load = () => (engine ??= require('./${RE2JS_CHUNK}').RE2JS);`,
  // The class, standing in for itself: its static members (compile, the flags) and `new`.
  'export const RE2JS = new Proxy(function RE2JS() {}, {',
  '  get: (_target, key) => load()[key],',
  '  construct: (_target, args) => new (load())(...args),',
  '});',
].join('\n');

export const lazyRe2js = {
  name: 'lazy-re2js',
  setup(b) {
    b.onResolve({ filter: /^re2js$/ }, (args) => (args.importer.includes(`${sep}src${sep}`) ? { path: 're2js', namespace: 'lazy-re2js' } : undefined));
    b.onResolve({ filter: new RegExp(`^\\./${RE2JS_CHUNK.replace('.', '\\.')}$`) }, (args) => (args.namespace === 'lazy-re2js' ? { path: `./${RE2JS_CHUNK}`, external: true } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-re2js' }, () => ({ contents: LAZY_RE2JS, loader: 'js' }));
  },
};

export const banner = [
  '// Generated by scripts/build.mjs from src/. Do not edit.',
  "import { createRequire as __agentPrGateCreateRequire } from 'node:module';",
  'const require = __agentPrGateCreateRequire(import.meta.url);',
].join('\n');

export const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  legalComments: 'none',
  sourcemap: false,
  minify: false,
  logLevel: 'warning',
  plugins: [actionsSideEffectFree, yamlAsEsm],
};
