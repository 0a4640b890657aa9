import { describe, expect, it } from 'vitest';
import type { PolicyFile } from '../../src/config/schema.js';
import { evaluatePolicy } from '../../src/policy/evaluate-policy.js';
import type { FileChange, PrSnapshot } from '../../src/snapshot.js';
import { createSnapshot, policyFrom } from '../factories.js';
import { added, BASE_POLICY, compact, deleted, finding, modified, renamed, unseen, type Expected } from './corpus-helpers.js';

/**
 * The policy corpus: realistic agent diffs, each with the exact findings the engine must produce —
 * positives for every category and the look-alikes that must stay quiet. Read a row as "this PR
 * changes these files → these findings (category, level, files, message, new-file lines)".
 */

interface CorpusCase {
  name: string;
  files: FileChange[];
  /** Merged over BASE_POLICY (top-level keys replace). */
  policy?: PolicyFile;
  workflowPath?: string;
  snapshot?: Partial<PrSnapshot>;
  expect: Expected[];
}

const FAKE_GITHUB_TOKEN = ['ghp', '_', 'R4nd0mT0k3nV4lu3xYz0123456789abcdEFG'].join('');
const FAKE_AWS_KEY = ['AKIA', 'Q3EGRP7LZ2MN4HXB'].join('');
const FAKE_STRIPE_KEY = ['sk', '_live_', '51HqLyjWDarjtT1zdp7dcXYZ8Kq2'].join('');
const FAKE_SLACK_TOKEN = ['xoxb', '-2871635-1876523-9fKq2LmZ8xTw4PcV'].join('');
const FAKE_GOOGLE_KEY = ['AIza', 'SyD7kq3LmZ8xTw4PcV2nB6rJ9hF1gE0aQcS'].join('');
const FAKE_JWT = ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'].join('.');
const FAKE_NPM_TOKEN = ['npm', '_', 'q8Wm2ZkL4xT7vB1nR9cY3pD6fH0jG5sA2eU4'].join('');
const HIGH_ENTROPY = 'x8Kq2LmZ8xTw4PcV2nB6rJ9h';

const CASES: CorpusCase[] = [
  // ── dependencies ────────────────────────────────────────────────────────────────────────────
  {
    name: 'package.json: a dependency added inside the dependencies section',
    files: [
      modified(
        'package.json',
        ['@@ -10,6 +10,7 @@', '   "dependencies": {', '     "express": "^4.19.2",', '+    "lodash": "^4.17.21",', '     "zod": "^4.0.0"', '   },', '   "devDependencies": {'].join('\n'),
      ),
    ],
    expect: [finding('dependencies', ['package.json'], 'adds lodash@^4.17.21', ['package.json:12'])],
  },
  {
    name: 'package.json + lockfile: an added and a bumped dependency, the lockfile joins the finding',
    files: [
      modified(
        'package.json',
        ['@@ -12,7 +12,8 @@', '   "dependencies": {', '     "clsx": "2.1.1",', '-    "react": "18.2.0",', '+    "lodash": "4.17.21",', '+    "react": "18.3.1",', '     "react-dom": "18.2.0"', '   },'].join('\n'),
      ),
      modified(
        'package-lock.json',
        [
          '@@ -1402,9 +1402,9 @@',
          '     "node_modules/react": {',
          '-      "version": "18.2.0",',
          '-      "resolved": "https://registry.npmjs.org/react/-/react-18.2.0.tgz",',
          '-      "integrity": "sha512-/3IjMdb2L9QbBdWiW5e3P2/npwMBaU9mHCSCUzNln0ZCYbcfTsGbTJrU/kGemdH2IWmB2ioZ+zkxtmq6g09fGQ==",',
          '+      "version": "18.3.1",',
          '+      "resolved": "https://registry.npmjs.org/react/-/react-18.3.1.tgz",',
          '+      "integrity": "sha512-wS+hAgJShR0KhEvPJArfuPVN1+Hz1t0Y6n5jLrGQbkb4urgPE/0Rve+1kMB1v/oWgHgm4WIcV+i7F2pTVj+2iQ==",',
          '       "dependencies": {',
          '         "loose-envify": "^1.1.0"',
        ].join('\n'),
      ),
    ],
    expect: [finding('dependencies', ['package-lock.json', 'package.json'], 'adds lodash@4.17.21, bumps react 18.2.0 → 18.3.1', ['package.json:14', 'package.json:15'])],
  },
  {
    name: 'package.json: the package’s own version bump is not a dependency change',
    files: [modified('package.json', ['@@ -1,5 +1,5 @@', ' {', '   "name": "@acme/widgets",', '-  "version": "1.2.3",', '+  "version": "1.2.4",', '   "type": "module",'].join('\n'))],
    expect: [],
  },
  {
    name: 'package.json + lockfile: a release version bump (lockfile only follows the version) is nothing',
    files: [
      modified('package.json', ['@@ -1,4 +1,4 @@', ' {', '   "name": "@acme/widgets",', '-  "version": "1.2.3",', '+  "version": "1.3.0",'].join('\n')),
      modified(
        'package-lock.json',
        ['@@ -1,12 +1,12 @@', ' {', '   "name": "@acme/widgets",', '-  "version": "1.2.3",', '+  "version": "1.3.0",', '   "lockfileVersion": 3,', '   "requires": true,', '   "packages": {', '     "": {', '       "name": "@acme/widgets",', '-      "version": "1.2.3",', '+      "version": "1.3.0",', '       "license": "MIT",'].join('\n'),
      ),
    ],
    expect: [],
  },
  {
    name: 'package.json: editing scripts is not a dependency change',
    files: [
      modified(
        'package.json',
        ['@@ -6,8 +6,9 @@', '   "scripts": {', '     "build": "tsc -p .",', '-    "test": "jest"', '+    "test": "vitest run",', '+    "lint": "eslint ."', '   },', '   "dependencies": {', '     "zod": "^4.0.0"'].join('\n'),
      ),
    ],
    expect: [],
  },
  {
    name: 'package.json: re-indenting the whole file changes no dependency',
    files: [
      modified(
        'package.json',
        [
          '@@ -1,8 +1,8 @@',
          ' {',
          '-    "name": "widgets",',
          '-    "dependencies": {',
          '-        "react": "18.2.0",',
          '-        "zod": "^4.0.0"',
          '-    }',
          '+  "name": "widgets",',
          '+  "dependencies": {',
          '+    "react": "18.2.0",',
          '+    "zod": "^4.0.0"',
          '+  }',
          ' }',
        ].join('\n'),
      ),
    ],
    expect: [],
  },
  {
    name: 'package.json: a devDependency is marked (dev)',
    files: [
      modified('package.json', ['@@ -20,4 +20,5 @@', '   "devDependencies": {', '+    "vitest": "^4.1.0",', '     "typescript": "5.9.3"', '   }'].join('\n')),
    ],
    expect: [finding('dependencies', ['package.json'], 'adds vitest@^4.1.0 (dev)', ['package.json:21'])],
  },
  {
    name: 'package.json: a hunk that starts inside an unseen section still names the dependency',
    files: [modified('package.json', ['@@ -31,6 +31,7 @@', '     "pino": "^9.0.0",', '     "undici": "^6.19.2",', '+    "ws": "^8.18.0",', '     "yaml": "2.9.1"', '   },', '   "engines": {'].join('\n'))],
    expect: [finding('dependencies', ['package.json'], 'adds ws@^8.18.0', ['package.json:33'])],
  },
  {
    name: 'package.json: a removed dependency brings no code in (docs/dependencies.md)',
    files: [modified('package.json', ['@@ -10,5 +10,4 @@', '   "dependencies": {', '-    "left-pad": "1.3.0",', '     "lodash": "4.17.21"', '   },'].join('\n'))],
    expect: [],
  },
  {
    name: 'package.json: a git dependency is shown with its source',
    files: [modified('package.json', ['@@ -10,3 +10,4 @@', '   "dependencies": {', '+    "internal-sdk": "github:acme/internal-sdk#v2.1.0",', '     "lodash": "4.17.21"'].join('\n'))],
    expect: [finding('dependencies', ['package.json'], 'adds internal-sdk@github:acme/internal-sdk#v2.1.0', ['package.json:11'])],
  },
  {
    name: 'package-lock.json alone: reported as updated, its integrity hashes are not secrets',
    files: [
      modified(
        'package-lock.json',
        [
          '@@ -2210,7 +2210,7 @@',
          '     "node_modules/semver": {',
          '-      "version": "7.6.2",',
          '-      "integrity": "sha512-FNAIBWCx9qcRhoHcgcJ0gvU7SN1lYU2ZGPTe0w9FcS8TgHrntk8+4H4kPq4PZXOzY7VAK+0w/+LfdXVQ1QZQpA==",',
          '+      "version": "7.6.3",',
          '+      "integrity": "sha512-oVekvSPtNxKHpT2ILpGNxiLyrUzdkOaq0TdxzOHwZz9Q2CZ1hPcfRGpRmHkRexJfDX+N5qb5ZeUc7A/5nvXLdQ==",',
          '       "license": "ISC",',
        ].join('\n'),
      ),
    ],
    expect: [finding('dependencies', ['package-lock.json'], 'updates package-lock.json')],
  },
  {
    name: 'yarn.lock in a workspace folder, alone',
    files: [modified('packages/web/yarn.lock', ['@@ -40,3 +40,3 @@', ' "@babel/core@^7.24.0":', '-  version "7.24.0"', '+  version "7.24.5"'].join('\n'))],
    expect: [finding('dependencies', ['packages/web/yarn.lock'], 'updates packages/web/yarn.lock')],
  },
  {
    name: 'requirements.txt: a pinned addition and a bump',
    files: [modified('requirements.txt', ['@@ -1,4 +1,5 @@', ' django==5.0.6', '-flask==3.0.0', '+flask==3.0.3', '+requests==2.32.3', ' gunicorn>=22.0'].join('\n'))],
    expect: [finding('dependencies', ['requirements.txt'], 'adds requests==2.32.3, bumps flask 3.0.0 → 3.0.3', ['requirements.txt:3', 'requirements.txt:2'].sort())],
  },
  {
    name: 'requirements-dev.txt: comments and blank lines only',
    files: [modified('requirements-dev.txt', ['@@ -1,3 +1,5 @@', '+# Test tools', '+', ' pytest==8.2.0', ' pytest-cov==5.0.0'].join('\n'))],
    expect: [],
  },
  {
    name: 'pyproject.toml: a PEP 621 dependency inside the array (hunk header names it)',
    files: [
      modified('pyproject.toml', ['@@ -8,6 +8,7 @@ dependencies = [', '     "pydantic>=2.7",', '     "typer>=0.12",', '+    "httpx>=0.27",', ' ]', ' ', ' [project.optional-dependencies]'].join('\n')),
    ],
    expect: [finding('dependencies', ['pyproject.toml'], 'adds httpx>=0.27', ['pyproject.toml:10'])],
  },
  {
    name: 'pyproject.toml: Poetry main and dev-group dependencies',
    files: [
      modified(
        'pyproject.toml',
        [
          '@@ -9,10 +9,12 @@',
          ' [tool.poetry.dependencies]',
          ' python = "^3.11"',
          '-fastapi = "^0.110.0"',
          '+fastapi = "^0.111.0"',
          '+requests = { version = "^2.32", extras = ["socks"] }',
          ' ',
          ' [tool.poetry.group.dev.dependencies]',
          ' pytest = "^8.2"',
          '+pytest-asyncio = "^0.23"',
          ' ',
          ' [build-system]',
        ].join('\n'),
      ),
    ],
    expect: [
      finding('dependencies', ['pyproject.toml'], 'adds pytest-asyncio@^0.23 (dev), adds requests@^2.32, bumps fastapi ^0.110.0 → ^0.111.0', [
        'pyproject.toml:11',
        'pyproject.toml:12',
        'pyproject.toml:16',
      ]),
    ],
  },
  {
    name: 'pyproject.toml: tool settings are not dependencies',
    files: [modified('pyproject.toml', ['@@ -30,4 +30,4 @@', ' [tool.ruff]', '-line-length = 88', '+line-length = 100', ' target-version = "py311"'].join('\n'))],
    expect: [],
  },
  {
    name: 'pyproject.toml: the project’s own version bump is nothing',
    files: [modified('pyproject.toml', ['@@ -1,4 +1,4 @@', ' [project]', ' name = "widgets"', '-version = "0.4.1"', '+version = "0.5.0"'].join('\n'))],
    expect: [],
  },
  {
    name: 'go.mod + go.sum: a new requirement (go.sum hashes are no secrets)',
    files: [
      modified('go.mod', ['@@ -5,6 +5,7 @@ go 1.22', ' require (', ' \tgithub.com/go-chi/chi/v5 v5.0.12', '+\tgithub.com/google/uuid v1.6.0', ' \tgolang.org/x/sync v0.7.0', ' )'].join('\n')),
      modified('go.sum', ['@@ -12,2 +12,4 @@', ' github.com/go-chi/chi/v5 v5.0.12/go.mod h1:DslCQbL2OYiznFReuXYUmQ2hGd1aDpCnlMNITLSKoi8=', '+github.com/google/uuid v1.6.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=', '+github.com/google/uuid v1.6.0/go.mod h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo='].join('\n')),
    ],
    expect: [finding('dependencies', ['go.mod', 'go.sum'], 'adds github.com/google/uuid@v1.6.0', ['go.mod:7'])],
  },
  {
    name: 'go.mod: only the go directive changes',
    files: [modified('go.mod', ['@@ -1,3 +1,3 @@', ' module github.com/acme/widgets', ' ', '-go 1.21', '+go 1.22'].join('\n'))],
    expect: [],
  },
  {
    name: 'Cargo.toml: an inline-table dependency and a bump',
    files: [
      modified('Cargo.toml', ['@@ -7,3 +7,4 @@', ' [dependencies]', '-tokio = { version = "1.37", features = ["full"] }', '+tokio = { version = "1.38", features = ["full"] }', '+serde = { version = "1.0", features = ["derive"] }'].join('\n')),
    ],
    expect: [finding('dependencies', ['Cargo.toml'], 'adds serde@1.0, bumps tokio 1.37 → 1.38', ['Cargo.toml:8', 'Cargo.toml:9'])],
  },
  {
    name: 'Cargo.toml: the crate’s own version bump is nothing',
    files: [modified('Cargo.toml', ['@@ -1,4 +1,4 @@', ' [package]', ' name = "widgets"', '-version = "0.3.0"', '+version = "0.3.1"'].join('\n'))],
    expect: [],
  },
  {
    name: 'Gemfile: an ecosystem without a parser is reported as edited',
    files: [modified('Gemfile', ['@@ -4,2 +4,3 @@', " gem 'rails', '~> 7.1'", "+gem 'sidekiq', '~> 7.2'", " gem 'pg'"].join('\n'))],
    expect: [finding('dependencies', ['Gemfile'], 'edits Gemfile')],
  },
  {
    name: 'package.json with no patch (too large): reported, not guessed',
    files: [unseen('package.json')],
    expect: [finding('dependencies', ['package.json'], 'edits package.json')],
  },
  {
    name: 'Dockerfile: a global npm install',
    files: [modified('Dockerfile', ['@@ -3,2 +3,3 @@', ' WORKDIR /app', '+RUN npm install -g pnpm@9.1.0', ' COPY . .'].join('\n'))],
    expect: [finding('dependencies', ['Dockerfile'], 'adds install command `npm install -g pnpm@9.1.0` in Dockerfile', ['Dockerfile:4'])],
  },
  {
    name: 'Dockerfile: installing what the manifests already declare is not a new dependency',
    files: [modified('Dockerfile', ['@@ -5,2 +5,4 @@', ' COPY package*.json ./', '+RUN npm ci --omit=dev', '+RUN pip install --no-cache-dir -r requirements.txt', ' COPY . .'].join('\n'))],
    expect: [],
  },
  {
    name: 'README: "npm install" in documentation is not an install command',
    files: [modified('README.md', ['@@ -10,2 +10,4 @@', ' ## Install', '+', '+    npm install @acme/widgets', ' '].join('\n'))],
    expect: [],
  },
  {
    name: 'CI: apt-get and pip installs in a workflow step',
    files: [
      modified(
        '.github/workflows/ci.yml',
        ['@@ -14,4 +14,6 @@', '       - uses: actions/checkout@v4', '+      - run: sudo apt-get install -y --no-install-recommends libvips-dev', '+      - run: pip install ruff==0.4.8', '       - run: npm test'].join('\n'),
      ),
    ],
    expect: [
      finding('dependencies', ['.github/workflows/ci.yml'], 'adds install commands `apt-get install -y --no-install-recommends libvips-dev`, `pip install ruff==0.4.8` in .github/workflows/ci.yml', [
        '.github/workflows/ci.yml:15',
        '.github/workflows/ci.yml:16',
      ]),
      finding('workflows', ['.github/workflows/ci.yml'], 'edits .github/workflows/ci.yml'),
    ],
  },
  {
    name: 'package.json: a postinstall script that installs globally',
    files: [modified('package.json', ['@@ -5,3 +5,4 @@', '   "scripts": {', '+    "postinstall": "npm i -g node-gyp",', '     "build": "tsc"'].join('\n'))],
    expect: [finding('dependencies', ['package.json'], 'adds install command `npm i -g node-gyp` in package.json', ['package.json:6'])],
  },
  {
    name: 'Makefile: go get and cargo add',
    files: [modified('Makefile', ['@@ -1,3 +1,5 @@', ' tools:', '+\tgo get golang.org/x/tools/cmd/stringer@v0.22.0', '+\tcargo add anyhow', ' \tgo generate ./...'].join('\n'))],
    expect: [finding('dependencies', ['Makefile'], 'adds install commands `go get golang.org/x/tools/cmd/stringer@v0.22.0`, `cargo add anyhow` in Makefile', ['Makefile:2', 'Makefile:3'])],
  },
  {
    name: 'setup script: curl piped to sh (dependencies and network)',
    files: [added('scripts/setup.sh', ['#!/usr/bin/env bash', 'set -euo pipefail', 'curl -fsSL https://install.tool.dev/install.sh | sh'])],
    expect: [
      finding('dependencies', ['scripts/setup.sh'], 'adds install command `curl -fsSL https://install.tool.dev/install.sh | sh` in scripts/setup.sh', ['scripts/setup.sh:3']),
      finding('network', ['scripts/setup.sh'], 'references 1 host outside network.allowed-hosts: install.tool.dev', ['scripts/setup.sh:3']),
      finding('network', ['scripts/setup.sh'], 'pipes a download into a shell in scripts/setup.sh', ['scripts/setup.sh:3']),
    ],
  },

  // ── network ─────────────────────────────────────────────────────────────────────────────────
  {
    name: 'network: a call to an unlisted host',
    files: [modified('src/telemetry.ts', ['@@ -1,2 +1,3 @@', " import { send } from './send.js';", "+const ENDPOINT = 'https://collect.acme-analytics.io/v1/events';", ' export function track() {}'].join('\n'))],
    expect: [finding('network', ['src/telemetry.ts'], 'references 1 host outside network.allowed-hosts: collect.acme-analytics.io', ['src/telemetry.ts:2'])],
  },
  {
    name: 'network: a documentation link to an allowed host',
    files: [modified('docs/setup.md', ['@@ -3,2 +3,3 @@', ' ## Setup', '+See [the issue](https://github.com/acme/widgets/issues/12) and https://api.github.com/repos/acme/widgets.', ' '].join('\n'))],
    expect: [],
  },
  {
    name: 'network: *.npmjs.org allows subdomains but not npmjs.org itself',
    files: [added('docs/registry.md', ['registry: https://registry.npmjs.org/', 'home: https://npmjs.org/package/widgets'])],
    expect: [finding('network', ['docs/registry.md'], 'references 1 host outside network.allowed-hosts: npmjs.org', ['docs/registry.md:2'])],
  },
  {
    name: 'network: loopback and documentation hosts are benign',
    files: [added('src/dev-server.ts', ["const local = 'http://localhost:3000/api';", "const loop = 'http://127.0.0.1:8080';", "const doc = 'https://example.com/callback';", "const org = 'https://api.example.org/v1';"])],
    expect: [],
  },
  {
    name: 'network: template placeholders are not hosts',
    files: [added('src/client.ts', ['const url = `https://${HOST}/api/v1`;', "const other = 'https://{{ .Values.host }}/x';"])],
    expect: [],
  },
  {
    name: 'network: SVG namespaces are not network access',
    files: [added('assets/logo.svg', ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">', '<path d="M0 0h24v24H0z"/>', '</svg>'])],
    expect: [],
  },
  {
    name: 'network: wget piped into bash in a Dockerfile',
    files: [modified('Dockerfile', ['@@ -2,2 +2,3 @@', ' FROM node:20-slim', '+RUN wget -qO- https://deb.nodesource.com/setup_20.x | bash -', ' WORKDIR /app'].join('\n'))],
    expect: [
      finding('dependencies', ['Dockerfile'], 'adds install command `wget -qO- https://deb.nodesource.com/setup_20.x | bash` in Dockerfile', ['Dockerfile:3']),
      finding('network', ['Dockerfile'], 'references 1 host outside network.allowed-hosts: deb.nodesource.com', ['Dockerfile:3']),
      finding('network', ['Dockerfile'], 'pipes a download into a shell in Dockerfile', ['Dockerfile:3']),
    ],
  },
  {
    name: 'network: PowerShell iwr | iex',
    files: [added('tools/bootstrap.ps1', ['Set-ExecutionPolicy Bypass -Scope Process', 'iwr -useb get.scoop.sh | iex'])],
    expect: [
      finding('dependencies', ['tools/bootstrap.ps1'], 'adds install command `iwr -useb get.scoop.sh | iex` in tools/bootstrap.ps1', ['tools/bootstrap.ps1:2']),
      finding('network', ['tools/bootstrap.ps1'], 'pipes a download into a shell in tools/bootstrap.ps1', ['tools/bootstrap.ps1:2']),
    ],
  },
  {
    name: 'network: the agent firewall settings',
    files: [added('.github/copilot/firewall.json', ['{ "allow": ["registry.npmjs.org", "pypi.org"] }'])],
    expect: [finding('network', ['.github/copilot/firewall.json'], 'adds .github/copilot/firewall.json (egress configuration)')],
  },
  {
    name: 'network: proxy and squid configs',
    files: [modified('deploy/squid.conf', ['@@ -1 +1,2 @@', ' http_port 3128', '+acl allowed dstdomain .acme.dev'].join('\n')), added('deploy/nginx-proxy.conf', ['proxy_pass http_backend;'])],
    expect: [finding('network', ['deploy/nginx-proxy.conf', 'deploy/squid.conf'], 'adds deploy/nginx-proxy.conf, edits deploy/squid.conf (egress configuration)')],
  },
  {
    name: 'network: a source file named firewall is code, not egress config',
    files: [added('src/firewall.ts', ['export function isBlocked(ip: string): boolean {', '  return ip.startsWith("10.");', '}'])],
    expect: [],
  },
  {
    name: 'network: an SSH git remote and a raw IP with a port',
    files: [added('scripts/mirror.sh', ['git remote add mirror git@gitlab.com:acme/widgets.git', 'curl -s http://10.0.0.5:8080/metrics > /tmp/m'])],
    expect: [finding('network', ['scripts/mirror.sh'], 'references 2 hosts outside network.allowed-hosts: 10.0.0.5:8080, gitlab.com', ['scripts/mirror.sh:1', 'scripts/mirror.sh:2'])],
  },
  {
    name: 'network: lockfile registry URLs belong to dependencies',
    files: [modified('yarn.lock', ['@@ -8,3 +8,3 @@', ' lodash@^4.17.21:', '-  resolved "https://registry.yarnpkg.com/lodash/-/lodash-4.17.20.tgz"', '+  resolved "https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz"'].join('\n'))],
    expect: [finding('dependencies', ['yarn.lock'], 'updates yarn.lock')],
  },

  // ── workflows ───────────────────────────────────────────────────────────────────────────────
  {
    name: 'workflows: an edited workflow',
    files: [modified('.github/workflows/ci.yml', ['@@ -20,2 +20,2 @@', '-      - run: npm test', '+      - run: npm test -- --coverage'].join('\n'))],
    expect: [finding('workflows', ['.github/workflows/ci.yml'], 'edits .github/workflows/ci.yml')],
  },
  {
    name: 'workflows: a new composite action',
    files: [added('.github/actions/setup/action.yml', ['name: setup', 'runs:', '  using: composite', '  steps:', '    - run: echo ready', '      shell: bash'])],
    expect: [finding('workflows', ['.github/actions/setup/action.yml'], 'adds .github/actions/setup/action.yml')],
  },
  {
    name: 'workflows: other CI systems',
    files: [
      modified('.gitlab-ci.yml', ['@@ -1 +1,2 @@', ' stages: [test]', '+variables: { CI_DEBUG: "1" }'].join('\n')),
      modified('ci/Jenkinsfile', ['@@ -1 +1,2 @@', ' pipeline {', "+  agent { label 'linux' }"].join('\n')),
      added('.circleci/config.yml', ['version: 2.1']),
    ],
    expect: [finding('workflows', ['.circleci/config.yml', '.gitlab-ci.yml', 'ci/Jenkinsfile'], 'adds .circleci/config.yml, edits .gitlab-ci.yml, edits ci/Jenkinsfile')],
  },
  {
    name: 'workflows: disabling a workflow by renaming it away',
    files: [renamed('.github/workflows/release.yml', '.github/release.yml.disabled')],
    expect: [finding('workflows', ['.github/release.yml.disabled', '.github/workflows/release.yml'], 'renames .github/workflows/release.yml → .github/release.yml.disabled')],
  },
  {
    name: 'workflows: Dependabot config',
    files: [modified('.github/dependabot.yml', ['@@ -4,2 +4,2 @@', '   - package-ecosystem: npm', '-    schedule: { interval: weekly }', '+    schedule: { interval: daily }'].join('\n'))],
    expect: [finding('workflows', ['.github/dependabot.yml'], 'edits .github/dependabot.yml')],
  },
  {
    name: 'workflows: documentation about workflows is not a workflow',
    files: [added('docs/workflows.md', ['# Our CI', 'The `ci.yml` workflow runs on every push.'])],
    expect: [],
  },
  {
    name: 'workflows: a secrets reference in a workflow is not a secret',
    files: [modified('.github/workflows/release.yml', ['@@ -30,2 +30,4 @@', '       - run: npm publish', '+        env:', '+          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}'].join('\n'))],
    expect: [finding('workflows', ['.github/workflows/release.yml'], 'edits .github/workflows/release.yml')],
  },

  // ── secrets ─────────────────────────────────────────────────────────────────────────────────
  {
    name: 'secrets: a committed .env file',
    files: [added('.env', ['DATABASE_URL=postgres://app@localhost:5432/app', 'DEBUG=1'])],
    expect: [finding('secrets', ['.env'], 'adds .env')],
  },
  {
    name: 'secrets: .env.example, .env.sample and .env.template are documentation',
    files: [added('.env.example', ['API_KEY=your-api-key-here']), added('config/.env.sample', ['TOKEN=changeme']), added('.env.template', ['SECRET='])],
    expect: [],
  },
  {
    name: 'secrets: key and certificate files',
    files: [added('certs/server.key', ['(binary)']), unseen('certs/server.p12', 'added'), added('deploy/ca.pem', ['-----BEGIN CERTIFICATE-----'])],
    expect: [finding('secrets', ['certs/server.key', 'certs/server.p12', 'deploy/ca.pem'], 'adds certs/server.key, adds certs/server.p12, adds deploy/ca.pem')],
  },
  {
    name: 'secrets: an SSH private key file, but not its .pub',
    files: [unseen('ops/id_ed25519', 'added'), added('ops/id_ed25519.pub', ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO2 deploy@acme'])],
    expect: [finding('secrets', ['ops/id_ed25519'], 'adds ops/id_ed25519')],
  },
  {
    name: 'secrets: deleting a secret file is not a leak',
    files: [deleted('.env.production', ['API_KEY=abc'])],
    expect: [],
  },
  {
    name: 'secrets: .npmrc reading the token from the environment',
    files: [added('.npmrc', ['//registry.npmjs.org/:_authToken=${NPM_TOKEN}', 'save-exact=true'])],
    expect: [finding('dependencies', ['.npmrc'], 'adds .npmrc')],
  },
  {
    name: 'secrets: .npmrc with a literal token',
    files: [added('.npmrc', [`//registry.npmjs.org/:_authToken=${FAKE_NPM_TOKEN}`])],
    expect: [
      finding('dependencies', ['.npmrc'], 'adds .npmrc'),
      finding('secrets', ['.npmrc'], 'adds .npmrc'),
      finding('secrets', ['.npmrc'], 'adds 1 possible secret (npm token) in .npmrc', ['.npmrc:1']),
    ],
  },
  {
    name: 'secrets: an AWS access key id in code',
    files: [modified('src/s3.ts', ['@@ -1,2 +1,3 @@', " import { S3Client } from '@aws-sdk/client-s3';", `+const accessKeyId = '${FAKE_AWS_KEY}';`, ' export const client = new S3Client({});'].join('\n'))],
    expect: [finding('secrets', ['src/s3.ts'], 'adds 1 possible secret (AWS access key ID) in src/s3.ts', ['src/s3.ts:2'])],
  },
  {
    name: 'secrets: the AWS documentation example key is a placeholder',
    files: [added('docs/aws.md', ['Set `AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE` for the local stack.'])],
    expect: [],
  },
  {
    name: 'secrets: a GitHub token in a test fixture',
    files: [added('test/fixtures/config.json', [`{ "token": "${FAKE_GITHUB_TOKEN}" }`])],
    expect: [finding('secrets', ['test/fixtures/config.json'], 'adds 1 possible secret (GitHub token) in test/fixtures/config.json', ['test/fixtures/config.json:1'])],
  },
  {
    name: 'secrets: Slack, Stripe and Google keys in one file',
    files: [added('src/keys.py', [`SLACK = "${FAKE_SLACK_TOKEN}"`, `STRIPE = "${FAKE_STRIPE_KEY}"`, `MAPS = "${FAKE_GOOGLE_KEY}"`])],
    expect: [finding('secrets', ['src/keys.py'], 'adds 3 possible secrets (Google API key, Slack token, Stripe live key) in src/keys.py', ['src/keys.py:1', 'src/keys.py:2', 'src/keys.py:3'])],
  },
  {
    name: 'secrets: a private key block, reported once at its header',
    files: [added('src/signing.ts', ['export const KEY = `', '-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun', 'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK', '-----END RSA PRIVATE KEY-----', '`;'])],
    expect: [finding('secrets', ['src/signing.ts'], 'adds 1 possible secret (private key) in src/signing.ts', ['src/signing.ts:2'])],
  },
  {
    name: 'secrets: a JWT in an HTTP test',
    files: [added('tests/api.http', [`Authorization: Bearer ${FAKE_JWT}`])],
    expect: [finding('secrets', ['tests/api.http'], 'adds 1 possible secret (JWT) in tests/api.http', ['tests/api.http:1'])],
  },
  {
    name: 'secrets: a random value assigned to a password name',
    files: [added('config/settings.py', [`DB_PASSWORD = "${HIGH_ENTROPY}"`, 'DB_USER = "app"'])],
    expect: [finding('secrets', ['config/settings.py'], 'adds 1 possible secret (secret assigned to a credential name) in config/settings.py', ['config/settings.py:1'])],
  },
  {
    name: 'secrets: placeholders and environment lookups are not secrets',
    files: [
      added('src/config.ts', [
        "const password = 'changeme';",
        'const apiKey = process.env.API_KEY;',
        "const token = '<your-token>';",
        "const secret = 'xxxxxxxxxxxxxxxxxxxxxxxx';",
        'const clientSecret = config.get("oauth.clientSecret");',
      ]),
    ],
    expect: [],
  },
  {
    name: 'secrets: checksums and hashes assigned to names are not secrets',
    files: [added('scripts/versions.sh', ['TOOL_SHA256="e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"', 'token_hash="9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"'])],
    expect: [],
  },
  {
    name: 'secrets: a password in a connection URL',
    files: [added('docker-compose.override.yml', ['    environment:', '      DATABASE_URL: postgres://app:Zr8qL2mX9vK4tP7w@db.internal:5432/app'])],
    expect: [
      finding('network', ['docker-compose.override.yml'], 'references 1 host outside network.allowed-hosts: db.internal:5432', ['docker-compose.override.yml:2']),
      finding('secrets', ['docker-compose.override.yml'], 'adds 1 possible secret (password in URL) in docker-compose.override.yml', ['docker-compose.override.yml:2']),
    ],
  },

  // ── tests-weakened ──────────────────────────────────────────────────────────────────────────
  {
    name: 'tests-weakened: a deleted test file',
    files: [deleted('src/utils/format.test.ts', ["import { format } from './format.js';", "it('formats', () => expect(format(1)).toBe('1'));"])],
    expect: [finding('tests-weakened', ['src/utils/format.test.ts'], 'deletes 1 test file: src/utils/format.test.ts')],
  },
  {
    name: 'tests-weakened: deleted tests across languages',
    files: [deleted('tests/test_api.py', ['def test_ok(): pass']), deleted('pkg/store/store_test.go', ['package store']), deleted('src/test/java/acme/WidgetTest.java', ['class WidgetTest {}']), deleted('spec/models/user_spec.rb', ['describe User do; end'])],
    expect: [finding('tests-weakened', ['pkg/store/store_test.go', 'spec/models/user_spec.rb', 'src/test/java/acme/WidgetTest.java', 'tests/test_api.py'], 'deletes 4 test files: pkg/store/store_test.go, spec/models/user_spec.rb, src/test/java/acme/WidgetTest.java and 1 more')],
  },
  {
    name: 'tests-weakened: a test file renamed (still a test) is not deleted',
    files: [renamed('src/format.test.ts', 'src/utils/format.test.ts')],
    expect: [],
  },
  {
    name: 'tests-weakened: a test renamed out of the test naming',
    files: [renamed('src/format.test.ts', 'src/format.test.ts.bak')],
    expect: [finding('tests-weakened', ['src/format.test.ts', 'src/format.test.ts.bak'], 'renames 1 test file out of the test naming: src/format.test.ts → src/format.test.ts.bak')],
  },
  {
    name: 'tests-weakened: it.skip and describe.only in two test files',
    files: [
      modified('src/a.test.ts', ['@@ -3,2 +3,2 @@', " describe('a', () => {", "-  it('works', () => {", "+  it.skip('works', () => {"].join('\n')),
      modified('src/b.spec.tsx', ['@@ -1,2 +1,2 @@', " import { render } from '@testing-library/react';", "-describe('b', () => {", "+describe.only('b', () => {"].join('\n')),
    ],
    expect: [finding('tests-weakened', ['src/a.test.ts', 'src/b.spec.tsx'], 'adds `describe.only`, `it.skip` in 2 test files', ['src/a.test.ts:4', 'src/b.spec.tsx:2'])],
  },
  {
    name: 'tests-weakened: "skip" as a word and an it.skipped variable',
    files: [added('src/pager.test.ts', ["it('skips empty pages', () => {", '  const skip = pageSize * page;', '  const it_skipped = it.skipped ?? 0;', '  expect(skip).toBe(20);', '});'])],
    expect: [],
  },
  {
    name: 'tests-weakened: xit and fit in a jest test; fit() in application code is not a marker',
    files: [added('src/cart.test.js', ["xit('adds an item', () => {});", "fit('removes an item', () => {});"]), added('src/model.js', ['export const result = model.fit(data);', 'fit(data);'])],
    expect: [finding('tests-weakened', ['src/cart.test.js'], 'adds `fit`, `xit` in src/cart.test.js', ['src/cart.test.js:1', 'src/cart.test.js:2'])],
  },
  {
    name: 'tests-weakened: test.todo and vitest skipIf',
    files: [added('src/todo.test.ts', ["test.todo('handles unicode');", "describe.skipIf(process.platform === 'win32')('posix', () => {});"])],
    expect: [finding('tests-weakened', ['src/todo.test.ts'], 'adds `describe.skipIf`, `test.todo` in src/todo.test.ts', ['src/todo.test.ts:1', 'src/todo.test.ts:2'])],
  },
  {
    name: 'tests-weakened: pytest and unittest skips',
    files: [added('tests/test_sync.py', ['@pytest.mark.skip(reason="flaky")', 'def test_sync(): ...', '@pytest.mark.xfail', 'def test_b(): pytest.skip("later")', 'class T(unittest.TestCase):', '    @unittest.skipIf(sys.platform == "win32", "posix")', '    def test_c(self): self.skipTest("no")'])],
    expect: [
      finding('tests-weakened', ['tests/test_sync.py'], 'adds `@pytest.mark.skip`, `@pytest.mark.xfail`, `@unittest.skipIf`, `pytest.skip`, `skipTest` in tests/test_sync.py', [
        'tests/test_sync.py:1',
        'tests/test_sync.py:3',
        'tests/test_sync.py:4',
        'tests/test_sync.py:6',
        'tests/test_sync.py:7',
      ]),
    ],
  },
  {
    name: 'tests-weakened: go t.Skip',
    files: [modified('internal/cache/cache_test.go', ['@@ -10,2 +10,3 @@', ' func TestEvict(t *testing.T) {', '+\tt.Skip("flaky on CI")', ' \tc := New(2)'].join('\n'))],
    expect: [finding('tests-weakened', ['internal/cache/cache_test.go'], 'adds `t.Skip` in internal/cache/cache_test.go', ['internal/cache/cache_test.go:11'])],
  },
  {
    name: 'tests-weakened: a Rust #[ignore] inside a unit-test module of a source file',
    files: [modified('src/lib.rs', ['@@ -40,2 +40,3 @@', '     #[test]', '+    #[ignore = "slow"]', '     fn big_input() {}'].join('\n'))],
    expect: [finding('tests-weakened', ['src/lib.rs'], 'adds `#[ignore]` in src/lib.rs', ['src/lib.rs:41'])],
  },
  {
    name: 'tests-weakened: JUnit @Disabled',
    files: [modified('src/test/java/acme/PaymentTest.java', ['@@ -12,2 +12,3 @@', '     @Test', '+    @Disabled("until the sandbox is back")', '     void chargesCard() {}'].join('\n'))],
    expect: [finding('tests-weakened', ['src/test/java/acme/PaymentTest.java'], 'adds `@Disabled` in src/test/java/acme/PaymentTest.java', ['src/test/java/acme/PaymentTest.java:13'])],
  },
  {
    name: 'tests-weakened: RSpec xit, skip and focus; "skip" in application Ruby is a word',
    files: [
      added('spec/models/order_spec.rb', ['describe Order do', "  xit 'totals' do", '  end', "  it 'ships', focus: true do", '    skip', '  end', 'end']),
      added('app/models/order.rb', ['def skip = @skip', 'def pending; end']),
    ],
    expect: [finding('tests-weakened', ['spec/models/order_spec.rb'], 'adds `focus: true`, `skip`, `xit` in spec/models/order_spec.rb', ['spec/models/order_spec.rb:2', 'spec/models/order_spec.rb:4', 'spec/models/order_spec.rb:5'])],
  },
  {
    name: 'tests-weakened: lint and type suppressions in TypeScript',
    files: [added('src/legacy.ts', ['/* eslint-disable @typescript-eslint/no-explicit-any */', '// @ts-ignore', 'const x: number = "1";', '// @ts-expect-error old api', 'legacy.call();'])],
    expect: [finding('tests-weakened', ['src/legacy.ts'], 'adds `@ts-expect-error`, `@ts-ignore`, `eslint-disable` in src/legacy.ts', ['src/legacy.ts:1', 'src/legacy.ts:2', 'src/legacy.ts:4'])],
  },
  {
    name: 'tests-weakened: Python, Go, Rust and Java suppressions',
    files: [
      added('app/views.py', ['from .models import *  # noqa: F403', 'value = compute()  # type: ignore[arg-type]']),
      added('cmd/main.go', ['func run() error { //nolint:errcheck', '}']),
      added('src/main.rs', ['#[allow(dead_code)]', 'fn unused() {}']),
      added('src/Main.java', ['@SuppressWarnings("unchecked")', 'class Main {}']),
    ],
    expect: [
      finding('tests-weakened', ['app/views.py', 'cmd/main.go', 'src/Main.java', 'src/main.rs'], 'adds `# noqa`, `# type: ignore`, `#[allow(…)]`, `//nolint`, `@SuppressWarnings` in 4 files', [
        'app/views.py:1',
        'app/views.py:2',
        'cmd/main.go:1',
        'src/Main.java:1',
        'src/main.rs:1',
      ]),
    ],
  },
  {
    name: 'tests-weakened: a README explaining eslint-disable is documentation',
    files: [added('CONTRIBUTING.md', ['Do not add `// eslint-disable` or `@ts-ignore` comments.'])],
    expect: [],
  },
  {
    name: 'tests-weakened: assertions removed from a test file',
    files: [
      modified(
        'src/cart.test.ts',
        ["@@ -5,8 +5,4 @@", "   it('totals', () => {", '     const cart = new Cart();', '-    expect(cart.total).toBe(0);', '-    expect(cart.items).toHaveLength(0);', '-    cart.add(item);', '-    expect(cart.total).toBe(10);', '+    cart.add(item);', '+    expect(cart).toBeDefined();', '-    expect(cart.items).toEqual([item]);', '   });'].join('\n'),
      ),
    ],
    expect: [finding('tests-weakened', ['src/cart.test.ts'], 'removes 3 assertions from src/cart.test.ts')],
  },

  // ── gate-config ─────────────────────────────────────────────────────────────────────────────
  {
    name: 'gate-config: the policy file',
    files: [modified('.github/agent-pr-gate.yml', ['@@ -2,2 +2,2 @@', ' permissions:', '-  workflows: deny', '+  workflows: allow'].join('\n'))],
    expect: [finding('gate-config', ['.github/agent-pr-gate.yml'], 'edits .github/agent-pr-gate.yml')],
  },
  {
    name: 'gate-config: CODEOWNERS in each of its places',
    files: [modified('.github/CODEOWNERS', ['@@ -1 +1 @@', '-* @acme/core', '+* @acme/core @copilot'].join('\n')), added('docs/CODEOWNERS', ['* @acme/docs'])],
    expect: [finding('gate-config', ['.github/CODEOWNERS', 'docs/CODEOWNERS'], 'edits .github/CODEOWNERS, adds docs/CODEOWNERS')],
  },
  {
    name: 'gate-config: the workflow that runs the gate (from GITHUB_WORKFLOW_REF)',
    workflowPath: 'acme/widgets/.github/workflows/agent-gate.yml@refs/heads/main',
    files: [modified('.github/workflows/agent-gate.yml', ['@@ -8,2 +8,2 @@', '     steps:', '-      - uses: acme/agent-pr-gate@v1', '+      - uses: acme/agent-pr-gate@v0'].join('\n'))],
    expect: [
      finding('workflows', ['.github/workflows/agent-gate.yml'], 'edits .github/workflows/agent-gate.yml'),
      finding('gate-config', ['.github/workflows/agent-gate.yml'], 'edits .github/workflows/agent-gate.yml'),
    ],
  },
  {
    name: 'gate-config: a policy file at a custom path, and preset-like gate files',
    snapshot: { base: { policy: { path: 'config/gate-policy.yml', text: 'extends: strict' }, codeowners: null } },
    files: [modified('config/gate-policy.yml', ['@@ -1 +1 @@', '-extends: strict', '+extends: observe'].join('\n')), added('.github/agent-pr-gate.local.yaml', ['extends: none'])],
    expect: [finding('gate-config', ['.github/agent-pr-gate.local.yaml', 'config/gate-policy.yml'], 'adds .github/agent-pr-gate.local.yaml, edits config/gate-policy.yml')],
  },
  {
    name: 'gate-config: never below review even when the policy asks for allow',
    policy: { permissions: { ...BASE_POLICY.permissions, 'gate-config': 'allow' } },
    files: [modified('CODEOWNERS', ['@@ -1 +1 @@', '-* @acme/core', '+*'].join('\n'))],
    expect: [finding('gate-config', ['CODEOWNERS'], 'edits CODEOWNERS', [], { level: 'review' })],
  },

  // ── sensitive-paths and custom ──────────────────────────────────────────────────────────────
  {
    name: 'sensitive-paths: the user’s globs, with reviewers',
    policy: { permissions: { ...BASE_POLICY.permissions, 'sensitive-paths': { level: 'review', paths: ['infra/**', '**/migrations/**'], reviewers: ['@acme/platform'] } } },
    files: [modified('infra/prod/main.tf', ['@@ -1 +1 @@', '-instance_type = "t3.small"', '+instance_type = "t3.large"'].join('\n')), added('db/migrations/0042_add_index.sql', ['CREATE INDEX ON orders (created_at);']), added('src/app.ts', ['export {};'])],
    expect: [finding('sensitive-paths', ['db/migrations/0042_add_index.sql', 'infra/prod/main.tf'], 'adds db/migrations/0042_add_index.sql, edits infra/prod/main.tf', [], { reviewers: ['@acme/platform'] })],
  },
  {
    name: 'sensitive-paths: an added-lines pattern',
    policy: { permissions: { ...BASE_POLICY.permissions, 'sensitive-paths': { level: 'deny', 'added-lines': ['\\bDROP\\s+TABLE\\b'] } } },
    files: [added('db/cleanup.sql', ['-- remove the old table', 'DROP TABLE legacy_orders;', 'drop table legacy_items;'])],
    expect: [finding('sensitive-paths', ['db/cleanup.sql'], 'adds 2 lines matching `\\bDROP\\s+TABLE\\b` in db/cleanup.sql', ['db/cleanup.sql:2', 'db/cleanup.sql:3'], { level: 'deny' })],
  },
  {
    name: 'custom: the SPEC billing rule (paths and added lines)',
    policy: { permissions: { ...BASE_POLICY.permissions, custom: [{ name: 'billing', level: 'review', paths: ['services/billing/**'], 'added-lines': ['\\bstripe\\.'], reviewers: ['@acme/payments'] }] } },
    files: [modified('services/billing/invoice.ts', ['@@ -1 +1,2 @@', ' export {};', '+export const TAX = 0.2;'].join('\n')), added('src/checkout.ts', ['await stripe.paymentIntents.create({ amount });'])],
    expect: [finding('custom', ['services/billing/invoice.ts', 'src/checkout.ts'], 'edits services/billing/invoice.ts; adds 1 line matching `\\bstripe\\.` in src/checkout.ts', ['src/checkout.ts:1'], { rule: 'billing', reviewers: ['@acme/payments'] })],
  },
  {
    name: 'custom: one finding per rule, none for a rule that does not match',
    policy: {
      permissions: {
        ...BASE_POLICY.permissions,
        custom: [
          { name: 'auth', level: 'deny', paths: ['src/auth/**'] },
          { name: 'feature-flags', level: 'review', 'added-lines': ['featureFlag\\('] },
          { name: 'unused', level: 'review', paths: ['nothing/**'], 'added-lines': ['never-matches-anything'] },
        ],
      },
    },
    files: [added('src/auth/session.ts', ["if (featureFlag('new-login')) login();"])],
    expect: [
      finding('custom', ['src/auth/session.ts'], 'adds src/auth/session.ts', [], { rule: 'auth', level: 'deny' }),
      finding('custom', ['src/auth/session.ts'], 'adds 1 line matching `featureFlag\\(` in src/auth/session.ts', ['src/auth/session.ts:1'], { rule: 'feature-flags' }),
    ],
  },
  {
    name: 'custom: globs match dotfiles',
    policy: { permissions: { ...BASE_POLICY.permissions, custom: [{ name: 'editor-config', level: 'review', paths: ['**/.vscode/**'] }] } },
    files: [added('.vscode/settings.json', ['{ "editor.formatOnSave": true }'])],
    expect: [finding('custom', ['.vscode/settings.json'], 'adds .vscode/settings.json', [], { rule: 'editor-config' })],
  },
  {
    name: 'built-in categories take the user’s extra paths and patterns',
    policy: {
      permissions: {
        ...BASE_POLICY.permissions,
        dependencies: { level: 'review', paths: ['tools/versions.txt'] },
        network: { level: 'deny', 'added-lines': ['\\bnew WebSocket\\('] },
      },
    },
    files: [modified('tools/versions.txt', ['@@ -1 +1 @@', '-node 20', '+node 22'].join('\n')), added('src/live.ts', ["const ws = new WebSocket(url);"])],
    expect: [
      finding('dependencies', ['tools/versions.txt'], 'edits tools/versions.txt'),
      finding('network', ['src/live.ts'], 'adds 1 line matching `\\bnew WebSocket\\(` in src/live.ts', ['src/live.ts:1'], { level: 'deny' }),
    ],
  },

  // ── size and levels ─────────────────────────────────────────────────────────────────────────
  {
    name: 'size: more files than allowed',
    policy: { permissions: { ...BASE_POLICY.permissions, size: { level: 'review', 'max-files': 3, 'max-lines': 5000 } } },
    files: ['a', 'b', 'c', 'd'].map((name) => added(`src/${name}.ts`, ['export {};'])),
    expect: [finding('size', [], 'changes 4 files (limit 3)')],
  },
  {
    name: 'size: more lines than allowed (from the PR totals, which count unlisted files)',
    policy: { permissions: { ...BASE_POLICY.permissions, size: { level: 'deny', 'max-files': 5000, 'max-lines': 1000 } } },
    snapshot: { totals: { files: 3500, additions: 12000, deletions: 345, commits: 3 } },
    files: [added('src/a.ts', ['export {};'])],
    expect: [finding('size', [], 'changes 12,345 lines (limit 1,000)', [], { level: 'deny' })],
  },
  {
    name: 'size: both limits at once',
    policy: { permissions: { ...BASE_POLICY.permissions, size: { level: 'review', 'max-files': 1, 'max-lines': 2 } } },
    files: [added('src/a.ts', ['a', 'b']), added('src/b.ts', ['c'])],
    expect: [finding('size', [], 'changes 2 files (limit 1) and 3 lines (limit 2)')],
  },
  {
    name: 'size: within the limits',
    files: [added('src/a.ts', ['export {};'])],
    expect: [],
  },
  {
    name: 'an allow-level category still reports, for information',
    policy: { permissions: { ...BASE_POLICY.permissions, workflows: 'allow' } },
    files: [modified('.github/workflows/lint.yml', ['@@ -1 +1 @@', '-name: lint', '+name: Lint'].join('\n'))],
    expect: [finding('workflows', ['.github/workflows/lint.yml'], 'edits .github/workflows/lint.yml', [], { level: 'allow' })],
  },
  {
    name: 'an ordinary code change produces nothing',
    files: [modified('src/format.ts', ['@@ -3,3 +3,3 @@', ' export function format(n: number): string {', "-  return n.toString();", "+  return n.toLocaleString('en-US');", ' }'].join('\n'))],
    expect: [],
  },
];

function run(testCase: CorpusCase): Expected[] {
  const policy = policyFrom({ ...BASE_POLICY, ...testCase.policy });
  const snapshot = createSnapshot({ files: testCase.files, ...testCase.snapshot });
  return evaluatePolicy(policy, snapshot, { workflowPath: testCase.workflowPath ?? null }).map(compact);
}

describe('policy corpus', () => {
  it('has at least 80 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    expect(run(testCase)).toEqual(testCase.expect);
  });
});
