/**
 * Manifest texts and the text helpers the dependencies cases are built from (docs/dependencies.md):
 * a base text, an edit of it, and the patch GitHub would list for the edit.
 */

/** A unified-diff patch of head against base: one hunk around the changed lines. */
export function patchOf(base: string | null, head: string, header = '', context = 3): string {
  const after = head.split('\n');
  if (base === null) return [`@@ -0,0 +1,${after.length} @@${header ? ` ${header}` : ''}`, ...after.map((line) => `+${line}`)].join('\n');
  const before = base.split('\n');
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix += 1;
  const start = Math.max(0, prefix - context);
  const lead = before.slice(start, prefix);
  const trail = before.slice(before.length - suffix, Math.min(before.length, before.length - suffix + context));
  const removed = before.slice(prefix, before.length - suffix);
  const added = after.slice(prefix, after.length - suffix);
  const oldCount = lead.length + removed.length + trail.length;
  const newCount = lead.length + added.length + trail.length;
  return [
    `@@ -${start + 1},${oldCount} +${start + 1},${newCount} @@${header ? ` ${header}` : ''}`,
    ...lead.map((line) => ` ${line}`),
    ...removed.map((line) => `-${line}`),
    ...added.map((line) => `+${line}`),
    ...trail.map((line) => ` ${line}`),
  ].join('\n');
}

/** `text` with `line` inserted after the first line equal to `after`. */
export function insertAfter(text: string, after: string, ...lines: string[]): string {
  const all = text.split('\n');
  const at = all.indexOf(after);
  if (at === -1) throw new Error(`no line ${JSON.stringify(after)}`);
  all.splice(at + 1, 0, ...lines);
  return all.join('\n');
}

export function replaceLine(text: string, from: string, ...to: string[]): string {
  const all = text.split('\n');
  const at = all.indexOf(from);
  if (at === -1) throw new Error(`no line ${JSON.stringify(from)}`);
  all.splice(at, 1, ...to);
  return all.join('\n');
}

export const PACKAGE_JSON = `{
  "name": "app",
  "version": "1.0.0",
  "description": "The app",
  "main": "dist/index.js",
  "workspaces": [
    "packages/*"
  ],
  "scripts": {
    "build": "tsc",
    "test": "vitest run"
  },
  "dependencies": {
    "lodash": "4.17.21",
    "pino": "9.0.0",
    "react": "18.2.0",
    "undici": "6.19.2",
    "ws": "8.18.0",
    "zod": "3.23.8"
  },
  "optionalDependencies": {
    "fsevents": "2.3.3"
  },
  "devDependencies": {
    "typescript": "5.9.3",
    "vitest": "4.1.12"
  }
}`;

export const PYPROJECT = `[project]
name = "app"
version = "1.0.0"
dependencies = [
    "requests>=2.31",
]

[project.optional-dependencies]
dev = [
    "pytest>=8",
    "ruff==0.6.0",
    "mypy==1.11",
    "coverage>=7",
]

[tool.ruff]
line-length = 100
select = ["E", "F"]`;

export const CARGO_TOML = `[package]
name = "app"
version = "0.1.0"
edition = "2021"

[dependencies]
serde = { version = "1", features = ["derive"] }
tokio = "1.40"`;

export const GO_MOD = `module example.com/app

go 1.22

require (
	golang.org/x/crypto v0.26.0
	golang.org/x/sync v0.8.0
)`;

export const REQUIREMENTS = `# runtime
requests==2.32.3
flask==3.0.3`;
