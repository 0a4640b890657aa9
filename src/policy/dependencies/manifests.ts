import { boundedMemo } from '../../bounded-memo.js';
import { lowerBaseName } from '../file-kinds.js';
import type { ManifestParser } from './dependency-change.js';
import { parseCargoToml } from './parse-cargo-toml.js';
import { parseGoMod } from './parse-go-mod.js';
import { parsePackageJson } from './parse-package-json.js';
import { parsePyproject } from './parse-pyproject.js';
import { parseRequirements } from './parse-requirements.js';
import { isRequirementsPath } from './whole-manifest.js';

/**
 * The dependency files of the common ecosystems, by file name. `manifest`: declares dependencies
 * (parsed where a parser exists); `lockfile`: pins them (integrity hashes, never secrets);
 * `config`: decides where packages come from (registries, indexes).
 */

export type DependencyFileKind = 'manifest' | 'lockfile' | 'config';

export interface DependencyFile {
  readonly kind: DependencyFileKind;
  readonly ecosystem: string;
  readonly parse: ManifestParser | null;
}

const LOCKFILES = new Map<string, string>(Object.entries({
  'package-lock.json': 'npm',
  'npm-shrinkwrap.json': 'npm',
  'yarn.lock': 'npm',
  'pnpm-lock.yaml': 'npm',
  'bun.lockb': 'npm',
  'bun.lock': 'npm',
  'deno.lock': 'deno',
  'pipfile.lock': 'python',
  'poetry.lock': 'python',
  'uv.lock': 'python',
  'pdm.lock': 'python',
  'pylock.toml': 'python',
  'go.sum': 'go',
  'go.work.sum': 'go',
  'cargo.lock': 'cargo',
  'gemfile.lock': 'ruby',
  'composer.lock': 'php',
  'gradle.lockfile': 'jvm',
  'packages.lock.json': 'nuget',
  'paket.lock': 'nuget',
  'mix.lock': 'elixir',
  'pubspec.lock': 'dart',
  'package.resolved': 'swift',
  'podfile.lock': 'cocoapods',
  'cartfile.resolved': 'carthage',
  'flake.lock': 'nix',
}));

const MANIFESTS = new Map<string, { ecosystem: string; parse: ManifestParser | null }>(Object.entries({
  'package.json': { ecosystem: 'npm', parse: parsePackageJson },
  'pnpm-workspace.yaml': { ecosystem: 'npm', parse: null },
  'deno.json': { ecosystem: 'deno', parse: null },
  'deno.jsonc': { ecosystem: 'deno', parse: null },
  'pyproject.toml': { ecosystem: 'python', parse: parsePyproject },
  pipfile: { ecosystem: 'python', parse: null },
  'setup.py': { ecosystem: 'python', parse: null },
  'setup.cfg': { ecosystem: 'python', parse: null },
  'environment.yml': { ecosystem: 'conda', parse: null },
  'environment.yaml': { ecosystem: 'conda', parse: null },
  'go.mod': { ecosystem: 'go', parse: parseGoMod },
  'go.work': { ecosystem: 'go', parse: null },
  'cargo.toml': { ecosystem: 'cargo', parse: parseCargoToml },
  gemfile: { ecosystem: 'ruby', parse: null },
  'composer.json': { ecosystem: 'php', parse: null },
  'pom.xml': { ecosystem: 'jvm', parse: null },
  'build.gradle': { ecosystem: 'jvm', parse: null },
  'build.gradle.kts': { ecosystem: 'jvm', parse: null },
  'settings.gradle': { ecosystem: 'jvm', parse: null },
  'settings.gradle.kts': { ecosystem: 'jvm', parse: null },
  'libs.versions.toml': { ecosystem: 'jvm', parse: null },
  'build.sbt': { ecosystem: 'jvm', parse: null },
  'packages.config': { ecosystem: 'nuget', parse: null },
  'directory.packages.props': { ecosystem: 'nuget', parse: null },
  'directory.build.props': { ecosystem: 'nuget', parse: null },
  'paket.dependencies': { ecosystem: 'nuget', parse: null },
  'mix.exs': { ecosystem: 'elixir', parse: null },
  'pubspec.yaml': { ecosystem: 'dart', parse: null },
  'package.swift': { ecosystem: 'swift', parse: null },
  podfile: { ecosystem: 'cocoapods', parse: null },
  cartfile: { ecosystem: 'carthage', parse: null },
  'vcpkg.json': { ecosystem: 'c', parse: null },
  'conanfile.txt': { ecosystem: 'c', parse: null },
  'conanfile.py': { ecosystem: 'c', parse: null },
}));

const CONFIGS = new Map<string, string>(Object.entries({
  '.npmrc': 'npm',
  '.yarnrc': 'npm',
  '.yarnrc.yml': 'npm',
  '.pnpmfile.cjs': 'npm',
  'pip.conf': 'python',
  'pip.ini': 'python',
  '.pypirc': 'python',
  'nuget.config': 'nuget',
  '.gemrc': 'ruby',
}));

/** The dependency file a path is, or null: answered once per path (every file of a PR is asked, more than once). */
export const dependencyFileOf: (path: string) => DependencyFile | null = boundedMemo(50_000, dependencyFileOfPath);

function dependencyFileOfPath(path: string): DependencyFile | null {
  const name = lowerBaseName(path);
  const lock = LOCKFILES.get(name);
  if (lock) return { kind: 'lockfile', ecosystem: lock, parse: null };
  const manifest = MANIFESTS.get(name);
  if (manifest) return { kind: 'manifest', ...manifest };
  if (isRequirementsPath(path)) {
    return { kind: 'manifest', ecosystem: 'python', parse: parseRequirements };
  }
  if (/\.(?:gemspec|csproj|fsproj|vbproj|nuspec)$/.test(name)) return { kind: 'manifest', ecosystem: name.endsWith('.gemspec') ? 'ruby' : 'nuget', parse: null };
  const config = CONFIGS.get(name);
  if (config) return { kind: 'config', ecosystem: config, parse: null };
  return null;
}

/** Files whose lines are hashes and checksums (lockfiles, go.sum, SHA256SUMS): never credentials. */
export function isChecksumPath(path: string): boolean {
  const name = lowerBaseName(path);
  if (LOCKFILES.has(name) || name.endsWith('.sum')) return true;
  return (name.includes('sum') || name.includes('.sha')) && /^sha\d*sums(?:\.txt)?$|\.sha\d+$|^checksums?\.txt$/.test(name);
}
