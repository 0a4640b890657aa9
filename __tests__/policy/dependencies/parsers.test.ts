import { describe, expect, it } from 'vitest';
import { describeChanges, type DependencyChange } from '../../../src/policy/dependencies/dependency-change.js';
import { parseCargoToml } from '../../../src/policy/dependencies/parse-cargo-toml.js';
import { parseGoMod } from '../../../src/policy/dependencies/parse-go-mod.js';
import { parsePackageJson } from '../../../src/policy/dependencies/parse-package-json.js';
import { parsePyproject } from '../../../src/policy/dependencies/parse-pyproject.js';
import { parseRequirements } from '../../../src/policy/dependencies/parse-requirements.js';
import { parsePatch } from '../../../src/policy/diff.js';

const hunk = (header: string, ...lines: string[]) => parsePatch([header, ...lines].join('\n'));

/** `name: from → to (group)` per change, sorted, for compact assertions. */
function summary(changes: readonly DependencyChange[]): string[] {
  return changes.map((c) => `${c.name}: ${c.from ?? '∅'} → ${c.to ?? '∅'}${c.group ? ` (${c.group})` : ''}`).sort();
}

describe('package.json', () => {
  it('reads every dependency section with its group', () => {
    const result = parsePackageJson(
      hunk(
        '@@ -0,0 +1,20 @@',
        '+{',
        '+  "name": "app",',
        '+  "version": "1.0.0",',
        '+  "scripts": { "test": "vitest" },',
        '+  "dependencies": {',
        '+    "@scope/pkg": "^1.0.0",',
        '+    "react": "18.3.1"',
        '+  },',
        '+  "devDependencies": {',
        '+    "vitest": "^4.1.0"',
        '+  },',
        '+  "peerDependencies": {',
        '+    "react-dom": ">=18"',
        '+  },',
        '+  "optionalDependencies": { "fsevents": "^2.3.3" },',
        '+  "overrides": {',
        '+    "semver": "7.6.3"',
        '+  },',
        '+  "engines": { "node": ">=20" }',
        '+}',
      ),
    );
    expect(summary(result.changes)).toEqual([
      '@scope/pkg: ∅ → ^1.0.0',
      'fsevents: ∅ → ^2.3.3 (optional)',
      'react-dom: ∅ → >=18 (peer)',
      'react: ∅ → 18.3.1',
      'semver: ∅ → 7.6.3 (override)',
      'vitest: ∅ → ^4.1.0 (dev)',
    ]);
    expect(result.unclassified).toBe(0); // the one-line optionalDependencies object is read entry by entry
  });

  it('treats a moved line with the same version as formatting', () => {
    const result = parsePackageJson(hunk('@@ -3,4 +3,4 @@', '   "dependencies": {', '-    "b": "1.0.0",', '     "a": "2.0.0",', '+    "b": "1.0.0"', '   }'));
    expect(result).toEqual({ changes: [], unclassified: 0 });
  });

  it('does not take a script that looks like a path for a dependency when its section is unseen', () => {
    const result = parsePackageJson(hunk('@@ -20,3 +20,4 @@', '     "build": "tsc -p .",', '+    "bundle": "esbuild src/index.ts",', '+    "serve": "dist/server.js",', '     "test": "vitest"'));
    expect(result.changes).toEqual([]);
  });
});

describe('requirements.txt', () => {
  it('reads pins, ranges, extras, markers and options, comparing PEP 503 names', () => {
    const result = parseRequirements(
      hunk(
        '@@ -1,4 +1,6 @@',
        '-Django==5.0.6',
        '+django==5.0.7',
        '-python_dateutil>=2.8',
        '+python-dateutil >= 2.8',
        '+requests[socks]>=2.31 ; python_version > "3.8"',
        '+--extra-index-url https://pypi.acme.internal/simple',
        '+./vendor/localpkg',
        '+uvicorn==0.30.1 \\',
        '+    --hash=sha256:cd17daa7f3b9d7a24de3617820e634d0933b69eed8e33a516071174427238c81',
      ),
    );
    expect(summary(result.changes)).toEqual([
      '--extra-index-url https://pypi.acme.internal/simple: ∅ → ',
      './vendor/localpkg: ∅ → ',
      'django: ==5.0.6 → ==5.0.7',
      'requests: ∅ → [socks]>=2.31',
      'uvicorn: ∅ → ==0.30.1',
    ]);
  });
});

describe('pyproject.toml', () => {
  it('reads PEP 621 arrays, optional dependencies, dependency groups and build requirements', () => {
    const result = parsePyproject(
      hunk(
        '@@ -0,0 +1,16 @@',
        '+[build-system]',
        '+requires = ["hatchling>=1.24"]',
        '+[project]',
        '+name = "app"',
        '+version = "0.1.0"',
        '+dependencies = [',
        '+  "httpx>=0.27",',
        '+  "pydantic>=2.7,<3",',
        '+]',
        '+[project.optional-dependencies]',
        '+test = ["pytest>=8"]',
        '+[dependency-groups]',
        '+lint = [',
        '+  "ruff==0.4.8",',
        '+]',
        '+[tool.ruff]',
      ),
    );
    expect(summary(result.changes)).toEqual([
      'hatchling: ∅ → >=1.24 (build)',
      'httpx: ∅ → >=0.27',
      'pydantic: ∅ → >=2.7,<3',
      'pytest: ∅ → >=8 (test)',
      'ruff: ∅ → ==0.4.8 (lint)',
    ]);
    expect(result.unclassified).toBe(0);
  });

  it('reads Poetry sub-tables and ignores the python constraint', () => {
    const result = parsePyproject(
      hunk('@@ -1,6 +1,7 @@', ' [tool.poetry.dependencies]', '-python = "^3.10"', '+python = "^3.11"', ' ', ' [tool.poetry.dependencies.uvicorn]', '-version = "^0.29"', '+version = "^0.30"', '+extras = ["standard"]'),
    );
    expect(summary(result.changes)).toEqual(['uvicorn: ^0.29 → ^0.30']);
  });

  it('reports an unplaceable array item as unclassified rather than guessing', () => {
    const result = parsePyproject(hunk('@@ -40,3 +40,4 @@', '     "E501",', '+    "B008",', '     "W291",'));
    expect(result).toEqual({ changes: [], unclassified: 1 });
  });
});

describe('go.mod', () => {
  it('reads require blocks, single-line requires, replace and indirect markers', () => {
    const result = parseGoMod(
      hunk(
        '@@ -3,8 +3,10 @@',
        ' go 1.22',
        ' require (',
        '-\tgithub.com/spf13/cobra v1.8.0',
        '+\tgithub.com/spf13/cobra v1.8.1',
        '+\tgolang.org/x/sys v0.21.0 // indirect',
        ' )',
        '+require github.com/google/uuid v1.6.0',
        '+replace github.com/acme/lib => ../lib',
        '-toolchain go1.22.1',
        '+toolchain go1.22.4',
      ),
    );
    expect(summary(result.changes)).toEqual([
      'github.com/acme/lib: ∅ → => ../lib (replace)',
      'github.com/google/uuid: ∅ → v1.6.0',
      'github.com/spf13/cobra: v1.8.0 → v1.8.1',
      'golang.org/x/sys: ∅ → v0.21.0 (indirect)',
    ]);
    expect(result.unclassified).toBe(0);
  });

  it('uses the hunk header to know it is inside a require block', () => {
    const result = parseGoMod(hunk('@@ -9,3 +9,3 @@ require (', ' \tgithub.com/a/b v1.0.0', '-\tgithub.com/c/d v1.2.0', '+\tgithub.com/c/d v1.3.0'));
    expect(describeChanges(result.changes)).toBe('bumps github.com/c/d v1.2.0 → v1.3.0');
  });
});

describe('Cargo.toml', () => {
  it('reads plain, inline-table, workspace, git, path and target-specific dependencies', () => {
    const result = parseCargoToml(
      hunk(
        '@@ -0,0 +1,12 @@',
        '+[package]',
        '+name = "widgets"',
        '+version = "0.1.0"',
        '+[dependencies]',
        '+anyhow = "1"',
        '+serde = { version = "1.0", features = ["derive"] }',
        '+tracing.workspace = true',
        '+internal = { git = "https://github.com/acme/internal", tag = "v2" }',
        '+[target.\'cfg(unix)\'.dependencies]',
        '+nix = "0.29"',
        '+[dev-dependencies]',
        '+local = { path = "../local" }',
      ),
    );
    expect(summary(result.changes)).toEqual([
      'anyhow: ∅ → 1',
      'internal: ∅ → git+https://github.com/acme/internal#v2',
      'local: ∅ → path:../local (dev)',
      'nix: ∅ → 0.29',
      'serde: ∅ → 1.0',
      'tracing: ∅ → workspace',
    ]);
  });

  it('reads a [dependencies.name] sub-table and ignores [features]', () => {
    const result = parseCargoToml(hunk('@@ -10,6 +10,6 @@', ' [dependencies.reqwest]', '-version = "0.11"', '+version = "0.12"', ' ', ' [features]', '-default = []', '+default = ["tls"]'));
    expect(describeChanges(result.changes)).toBe('bumps reqwest 0.11 → 0.12');
  });
});

describe('describeChanges', () => {
  it('orders adds, bumps, downgrades and removes, and shortens long lists', () => {
    const change = (name: string, from: string | null, to: string | null): DependencyChange => ({ name, group: null, separator: '@', from, to });
    expect(describeChanges([change('z', '1.0.0', null), change('b', '2.0.0', '1.9.0'), change('a', null, '1.0.0')])).toBe('adds a@1.0.0, downgrades b 2.0.0 → 1.9.0, removes z');
    const many = Array.from({ length: 8 }, (_, i) => change(`pkg${i}`, null, '1.0.0'));
    expect(describeChanges(many)).toBe('adds pkg0@1.0.0, adds pkg1@1.0.0, adds pkg2@1.0.0, adds pkg3@1.0.0, adds pkg4@1.0.0, adds pkg5@1.0.0 and 2 more');
  });
});
