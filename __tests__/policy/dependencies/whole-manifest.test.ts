import { describe, expect, it } from 'vitest';
import type { DependencyChange } from '../../../src/policy/dependencies/dependency-change.js';
import { JsonSyntaxError, parseJsonDocument } from '../../../src/policy/dependencies/json-document.js';
import { readCargoToml } from '../../../src/policy/dependencies/whole-cargo.js';
import { readGemfile, readGoMod } from '../../../src/policy/dependencies/whole-line-manifests.js';
import { compareWholeManifest, isRequirementsPath, wholeReaderFor } from '../../../src/policy/dependencies/whole-manifest.js';
import { readPackageJson } from '../../../src/policy/dependencies/whole-package-json.js';
import { readPipfile, readPyproject, readRequirementsText } from '../../../src/policy/dependencies/whole-python.js';
import { timeRatio } from './time-ratio.js';

const names = (text: string, read: (t: string) => { entries: { name: string; spec: string; group: string | null }[] }) =>
  read(text).entries.map((e) => `${e.name}${e.spec ? ` ${e.spec}` : ''}${e.group ? ` (${e.group})` : ''}`);

function summary(changes: readonly DependencyChange[]): string[] {
  return changes.map((c) => `${c.name}: ${c.from ?? '∅'} → ${c.to ?? '∅'}${c.group ? ` (${c.group})` : ''}${c.line ? ` @${c.line}` : ''}`).sort();
}

function compare(path: string, base: string | null, head: string | null) {
  const result = compareWholeManifest({ path, base, head });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('parseJsonDocument', () => {
  it('keeps every key with its line and lists duplicates', () => {
    const doc = parseJsonDocument('{\n  "a": 1,\n  "b": { "c": "x", "c": "y" },\n  "a": [true, null]\n}');
    expect(doc.duplicates).toEqual([
      { path: 'b.c', line: 3 },
      { path: 'a', line: 4 },
    ]);
  });

  it.each(['{"a": 1,}', '{"a" 1}', '[1 2]', '{"a": tru}', '{"a": "\\x"}', '{} {}', '"unterminated'])('rejects %s', (text) => {
    expect(() => parseJsonDocument(text)).toThrow(JsonSyntaxError);
  });

  it('rejects nesting deeper than it reads, without overflowing the stack', () => {
    expect(() => parseJsonDocument('['.repeat(100_000))).toThrow(/nesting too deep/);
  });
});

describe('whole readers', () => {
  it('package.json: every section, nested overrides, workspaces, lifecycle scripts that fetch packages', () => {
    const text = JSON.stringify({
      name: 'x',
      version: '1.0.0',
      scripts: { test: 'vitest run', postinstall: 'npx -y x@latest', prepare: 'husky' },
      dependencies: { a: '1' },
      devDependencies: { b: '2' },
      peerDependencies: { c: '>=3' },
      optionalDependencies: { d: '4' },
      bundleDependencies: ['a'],
      overrides: { e: { '.': '5', f: '6' } },
      resolutions: { '**/g': '7' },
      pnpm: { overrides: { h: '8' }, patchedDependencies: { 'i@1': 'patches/i.patch' } },
      workspaces: { packages: ['packages/*'] },
      packageManager: 'pnpm@9.12.0',
    });
    expect(names(text, readPackageJson)).toEqual([
      'a 1',
      'b 2 (dev)',
      'c >=3 (peer)',
      'd 4 (optional)',
      'a (bundled)',
      'e 5 (override)',
      'e > f 6 (override)',
      '**/g 7 (override)',
      'h 8 (override)',
      'i@1 patches/i.patch (patch)',
      'packages/* (workspace)',
      'packageManager pnpm@9.12.0',
      'postinstall script npx -y x@latest',
    ]);
  });

  it('requirements: continuations, includes, indexes, URLs, and unknown lines as entries', () => {
    const text = '--index-url https://pypi.example/simple\n-r base.txt\n-c constraints.txt\nrequests==2.32.3 \\\n    --hash=sha256:abc\n-e git+https://github.com/a/b#egg=b\npkg @ https://x.example/pkg.whl\n# comment\n!!weird';
    expect(names(text, readRequirementsText)).toEqual([
      '--index-url https://pypi.example/simple',
      '-r base.txt',
      '-c constraints.txt',
      'requests ==2.32.3',
      '-e git+https://github.com/a/b#egg=b',
      'pkg @ https://x.example/pkg.whl',
      '!!weird',
    ]);
  });

  it('pyproject: PEP 621, extras, groups, build, poetry, uv and pdm', () => {
    const text = [
      '[project]',
      'dependencies = ["requests>=2"]',
      '[project.optional-dependencies]',
      'dev = ["pytest"]',
      '[dependency-groups]',
      'lint = ["ruff", { include-group = "dev" }]',
      '[build-system]',
      'requires = ["hatchling"]',
      '[tool.poetry.dependencies]',
      'python = "^3.12"',
      'flask = { version = "^3", source = "mirror" }',
      '[tool.poetry.group.docs.dependencies]',
      'mkdocs = "*"',
      '[[tool.poetry.source]]',
      'name = "mirror"',
      'url = "https://m.example/simple"',
      '[tool.uv]',
      'dev-dependencies = ["mypy"]',
      '[tool.uv.sources]',
      'requests = { git = "https://github.com/psf/requests" }',
      '[[tool.uv.index]]',
      'name = "corp"',
      'url = "https://corp.example/simple"',
    ].join('\n');
    expect(names(text, readPyproject)).toEqual([
      'requests >=2',
      'pytest (dev)',
      'ruff (lint)',
      '{ include-group = dev } (lint)',
      'hatchling (build)',
      'flask { source = mirror, version = ^3 }',
      'mkdocs * (docs)',
      'mirror { name = mirror, url = https://m.example/simple } (source)',
      'mypy (dev)',
      'requests { git = https://github.com/psf/requests } (source)',
      'corp { name = corp, url = https://corp.example/simple } (index)',
    ]);
  });

  it('Pipfile: packages, dev-packages, categories and sources', () => {
    const text = '[[source]]\nname = "pypi"\nurl = "https://pypi.org/simple"\n[packages]\nrequests = "*"\n[dev-packages]\npytest = ">=8"\n[docs]\nmkdocs = "*"\n[requires]\npython_version = "3.12"';
    expect(names(text, readPipfile)).toEqual(['requests *', 'pytest >=8 (dev)', 'mkdocs * (docs)', 'pypi { name = pypi, url = https://pypi.org/simple } (source)']);
  });

  it('Cargo.toml: kinds, targets, workspace, patch and replace; features are not a change', () => {
    const text = [
      '[dependencies]',
      'serde = { version = "1", features = ["derive"] }',
      'mine = { package = "their-crate", version = "2" }',
      '[dev-dependencies]',
      'proptest = "1"',
      "[target.'cfg(windows)'.build-dependencies]",
      'cc = "1"',
      '[workspace.dependencies]',
      'tokio = { git = "https://github.com/tokio-rs/tokio", rev = "abc" }',
      '[patch.crates-io]',
      'serde = { path = "../serde" }',
      '[replace]',
      '"foo:0.1.0" = { git = "https://example.com/foo" }',
    ].join('\n');
    expect(names(text, readCargoToml)).toEqual([
      'serde 1',
      'mine { package = their-crate, version = 2 }',
      'proptest 1 (dev)',
      'cc 1 (build, cfg(windows))',
      'tokio { git = https://github.com/tokio-rs/tokio, rev = abc } (workspace)',
      'serde { path = ../serde } (patch crates-io)',
      'foo:0.1.0 { git = https://example.com/foo } (replace)',
    ]);
  });

  it('go.mod and Gemfile', () => {
    expect(names('module x\n\ngo 1.22\n\nrequire (\n\ta.io/b v1.0.0\n\tc.io/d v2.0.0 // indirect\n)\nreplace a.io/b => ../b\ntool e.io/f', readGoMod)).toEqual([
      'a.io/b v1.0.0',
      'c.io/d v2.0.0 (indirect)',
      'a.io/b => ../b (replace)',
      'e.io/f (tool)',
    ]);
    expect(names('source "https://rubygems.org"\ngem "rails", "~> 7.1"\ngroup :test do\n  gem("rspec")\nend\ngem "pg"', readGemfile)).toEqual([
      'source "https://rubygems.org" (source)',
      'rails "~> 7.1"',
      'rspec (test)',
      'pg',
    ]);
  });
});

describe('compareWholeManifest', () => {
  it('names changes with their head line, and a reformatted file is no change', () => {
    const base = '{\n  "dependencies": {\n    "react": "18.2.0",\n    "lodash": "4.17.21"\n  }\n}';
    const head = '{\n    "dependencies": {\n        "lodash": "4.17.21",\n        "react": "19.0.0",\n        "zod": "3.23.8"\n    }\n}';
    expect(summary(compare('web/package.json', base, head).changes)).toEqual(['react: 18.2.0 → 19.0.0 @4', 'zod: ∅ → 3.23.8 @5']);
    expect(compare('package.json', base, base.replace(/ {2}/g, '\t')).changes).toEqual([]);
  });

  it('finds the line of a TOML or requirements entry in the head text', () => {
    expect(summary(compare('pyproject.toml', '[project]\ndependencies = []', '[project]\ndependencies = [\n  "Requests_Toolbelt>=1",\n]').changes)).toEqual(['Requests_Toolbelt: ∅ → >=1 @3']);
    expect(summary(compare('requirements/dev.txt', 'a==1', 'a==1\n\nb==2').changes)).toEqual(['b: ∅ → ==2 @3']);
  });

  it('a new or deleted manifest compares against nothing', () => {
    expect(summary(compare('go.mod', null, 'module x\nrequire a.io/b v1.0.0').changes)).toEqual(['a.io/b: ∅ → v1.0.0 @2']);
    expect(summary(compare('Cargo.toml', '[dependencies]\nx = "1"', null).changes)).toEqual(['x: 1 → ∅']);
  });

  it('fails with a reason on a read error, a parse error or an oversized file', () => {
    expect(compareWholeManifest({ path: 'package.json', base: '{}', head: null, error: 'not fetched' })).toEqual({ ok: false, reason: 'not fetched' });
    expect(compareWholeManifest({ path: 'Cargo.toml', base: '', head: '[dependencies]\nx = "1"\nx = "2"' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^the head version does not parse: /) });
    expect(compareWholeManifest({ path: 'package.json', base: '{}', head: ' '.repeat(4_000_001) })).toMatchObject({ ok: false, reason: expect.stringMatching(/larger than/) });
  });

  it('knows which paths it can read whole', () => {
    expect(['dev-requirements.txt', 'requirements/prod.txt', 'constraints.txt', 'requirements-test.in'].every(isRequirementsPath)).toBe(true);
    expect(['docs/notes.txt', 'README.txt'].some(isRequirementsPath)).toBe(false);
    expect(wholeReaderFor('pom.xml')).toBeNull();
  });
});

describe('whole readers run in linear time', () => {
  const shapes: Record<string, { read: (text: string) => unknown; shape: (n: number) => string }> = {
    'JSON keys': { read: parseJsonDocument, shape: (n) => `{${Array.from({ length: n / 12 }, (_, i) => `"k${i}": "v",`).join('')}"z": 1}` },
    'JSON long string': { read: parseJsonDocument, shape: (n) => `{"a": "${'\\"'.repeat(n / 2)}"}` },
    'requirements lines': { read: readRequirementsText, shape: (n) => 'a==1 \\\n'.repeat(n / 7) },
    'Gemfile spaces': { read: readGemfile, shape: (n) => `gem${' '.repeat(n)}x\ngroup${' '.repeat(n)}x` },
    'Gemfile do blocks': { read: readGemfile, shape: (n) => `x do |${'do |'.repeat(n / 4)}` },
    'Gemfile line separator after spaces': { read: readGemfile, shape: (n) => `gem "x"${' '.repeat(n)}\u2028x # ${' #'.repeat(n / 2)}\u2028` },
    'pyproject requirement with a line separator': { read: readPyproject, shape: (n) => `[project]\ndependencies = ["a${'a'.repeat(n)}${' '.repeat(n)}\u2028"]` },
    'go.mod lines': { read: readGoMod, shape: (n) => `require (\n${'\ta.io/b v1.0.0\n'.repeat(n / 15)})` },
    'head lines to locate': { read: (text) => compareWholeManifest({ path: 'requirements.txt', base: null, head: text }), shape: (n) => `${'-'.repeat(n)}\n${'x'.repeat(n)}\ngem ${')'.repeat(n)}a\n"${'"'.repeat(n)}a` },
  };
  it.each(Object.entries(shapes))('%s', (_name, { read, shape }) => {
    expect(timeRatio((text) => void read(text), shape(5_000), shape(40_000))).toBeLessThan(12);
  });
});
