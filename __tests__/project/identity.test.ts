/**
 * The project's identity is defined once (src/project.ts); package.json, the docs, the examples
 * and the `$schema` URL agree with it, and no placeholder owner is left anywhere. The README is
 * the five-minute read: quick start and the two commands first, everything else a link.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_REF, NPM_PACKAGE, REPOSITORY, REPOSITORY_URL, SCHEMA_URL } from '../../src/project.js';
import { ROOT } from '../cli/workflow-check.js';

const SKIP = new Set(['node_modules', 'dist', '.git', 'coverage', '.tmp', 'preview']);
const TEXT = /\.(md|ya?ml|json|ts|mts|mjs|js|txt)$|^(run|CODEOWNERS|LICENSE)$/;

function textFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return textFiles(path);
    return TEXT.test(entry.name) ? [relative(ROOT, path)] : [];
  });
}

const files = textFiles(ROOT);
/** The placeholder the docs once used for the owner, built so this file does not contain it. */
const PLACEHOLDER = ['O', 'WNER'].join('');
const PLACEHOLDER_REF = new RegExp(`\\b${PLACEHOLDER}/agent-pr-gate|github:${PLACEHOLDER}/`);
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const readme = read('README.md');

describe('the project identity', () => {
  it('is the repository agent-pr-gate/agent-pr-gate and the npm package agent-pr-gate, in package.json too', () => {
    expect([REPOSITORY, NPM_PACKAGE, ACTION_REF]).toEqual(['agent-pr-gate/agent-pr-gate', 'agent-pr-gate', 'agent-pr-gate/agent-pr-gate@v1']);
    const manifest = JSON.parse(read('package.json')) as { name: string; homepage: string; bugs: { url: string }; repository: { url: string } };
    expect(manifest.name).toBe(NPM_PACKAGE);
    expect(manifest.repository.url).toBe(`git+${REPOSITORY_URL}.git`);
    expect(manifest.homepage).toBe(`${REPOSITORY_URL}#readme`);
    expect(manifest.bugs.url).toBe(`${REPOSITORY_URL}/issues`);
  });

  it('leaves no placeholder owner in any file', () => {
    expect(files.length).toBeGreaterThan(100);
    const placeholders = files.filter((path) => PLACEHOLDER_REF.test(read(path)));
    expect(placeholders).toEqual([]);
  });

  it('is what every action reference and $schema URL in the docs and examples names', () => {
    const documents = files.filter((path) => /^(README\.md|docs\/|examples\/|policies\/)/.test(path));
    const refs = documents.flatMap((path) => [...read(path).matchAll(/uses:\s*([\w.-]+\/agent-pr-gate@[\w.-]+)/g)].map((match) => `${path}: ${match[1]}`));
    const schemas = documents.flatMap((path) => [...read(path).matchAll(/\$schema=(\S+)/g)].map((match) => `${path}: ${match[1]}`));
    expect(refs.length).toBeGreaterThan(3);
    expect(refs.filter((ref) => !ref.endsWith(`: ${ACTION_REF}`))).toEqual([]);
    expect(schemas.length).toBeGreaterThan(1);
    expect(schemas.filter((url) => !url.endsWith(`: ${SCHEMA_URL}`))).toEqual([]);
  });
});

describe('README.md', () => {
  const lines = readme.split('\n');
  const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;

  it('shows the quick start with the safe trigger pair and the two commands on its first screens', () => {
    expect(lineOf('## Quick start')).toBeGreaterThan(0);
    expect(lineOf('## Quick start')).toBeLessThan(20);
    expect(lineOf('pull_request_target:')).toBeLessThan(30);
    expect(lineOf('workflow_run:')).toBeLessThan(35);
    expect(lineOf(`uses: ${ACTION_REF}`)).toBeLessThan(50);
    expect(lineOf('npm ci && npm start')).toBeGreaterThan(0);
    expect(lineOf('npm ci && npm start')).toBeLessThan(100);
    expect(lineOf('npm test')).toBeLessThan(100);
  });

  it('is short, holds one sample comment, and leaves the policy reference to docs/', () => {
    expect(lines.length).toBeLessThan(150);
    expect(readme.match(/Needs review —/g)).toHaveLength(1);
    expect(readme).toContain('(docs/policy-reference.md)');
    expect(readme).not.toContain('agent-pr-gate:policy-reference:start');
    expect(readme).not.toMatch(/^\| `extends` \|/m);
  });

  it('links only to files that exist', () => {
    const links = [...readme.matchAll(/\]\(((?!https?:|#)[^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((link) => !existsSync(join(ROOT, link)))).toEqual([]);
  });
});
