/**
 * The shape of dist/: what a gate run loads before its first request is what it pays for on every
 * run, so it holds only what the run uses. Code some runs need (undici behind a proxy) lives in a
 * chunk loaded on demand, and that chunk must load on its own.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIST } from './run-action.js';

/** The files `file` loads at start (static imports), itself included, transitively. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/^(?:import|export)\s[^;]*?from\s*"(\.[^"]+)";|^import\s*"(\.[^"]+)";/gms)) {
    staticGraph(resolve(dirname(file), match[1] ?? match[2] ?? ''), seen);
  }
  return seen;
}

/** The dynamic `import("./…")` targets of the files in `graph`. */
function dynamicImports(graph: Set<string>): string[] {
  const targets = new Set<string>();
  for (const file of graph) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bimport\("(\.[^"]+)"\)/g)) targets.add(resolve(dirname(file), match[1] ?? ''));
  }
  return [...targets];
}

/** esbuild's `// node_modules/<package>/…` markers: which packages a file holds. */
function packagesIn(files: Iterable<string>): Set<string> {
  const packages = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/^\/\/ node_modules\/((?:@[^/\n]+\/)?[^/\n]+)\//gm)) packages.add(match[1] ?? '');
  }
  return packages;
}

describe('dist/index.js', () => {
  const graph = staticGraph(DIST);

  it('loads neither undici nor the @actions/github REST plugins at start (only http-client’s proxy rules)', () => {
    const packages = packagesIn(graph);
    expect(packages).toContain('@octokit/core');
    expect(packages).toContain('@octokit/plugin-retry');
    expect(packages).toContain('@octokit/plugin-throttling');
    for (const absent of ['undici', 'tunnel', '@actions/github', '@octokit/plugin-rest-endpoint-methods', '@actions/exec']) {
      expect(packages, absent).not.toContain(absent);
    }
  });

  it('carries zod’s English messages only, not every locale', () => {
    const locales = new Set<string>();
    for (const file of graph) {
      for (const match of readFileSync(file, 'utf8').matchAll(/^\/\/ node_modules\/zod\/v4\/locales\/([^\n]+)$/gm)) locales.add(match[1] ?? '');
    }
    expect([...locales]).toEqual(['en.js']);
  });

  it('loads the proxy-aware fetch (with undici) on demand, and that chunk loads on its own', async () => {
    const proxyChunks = dynamicImports(graph).filter((file) => packagesIn([file, ...staticGraph(file)]).has('undici'));
    expect(proxyChunks).toHaveLength(1);
    const module = (await import(pathToFileURL(proxyChunks[0] ?? '').href)) as { proxyFetch?: unknown };
    expect(typeof module.proxyFetch).toBe('function');
  });

  it('keeps its chunks inside dist/', () => {
    const root = dirname(DIST);
    for (const file of [...graph, ...dynamicImports(graph)]) expect(file.startsWith(join(root, '/'))).toBe(true);
  });
});
