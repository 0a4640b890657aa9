import { boundedMemo } from '../bounded-memo.js';

/**
 * What kind of file a repository path is, by naming conventions alone (the core never sees file
 * contents beyond the diff). Paths are repository-relative with `/` separators.
 */

/**
 * What is known of a path, worked out once: a PR's files are each asked about by every category
 * (is it a doc? a script? a test?), and on a large PR the repeated slicing and matching added up.
 * Each kind is filled in on first use; the record is kept by path (bounded).
 */
interface PathFacts {
  readonly name: string;
  /** The extension, lower-cased, without the dot ('' for none or a dotfile). */
  readonly ext: string;
  /** `name` lower-cased (made on first use). */
  lowerName: string | undefined;
  doc: boolean | undefined;
  script: boolean | undefined;
  test: boolean | undefined;
  ci: boolean | undefined;
}

const factsOf: (path: string) => PathFacts = boundedMemo(50_000, (path) => {
  const slash = path.lastIndexOf('/');
  const name = slash === -1 ? path : path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const ext = dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
  // Every record has every field from the start: one shape, so each reader's lookups stay fast.
  return { name, ext, lowerName: undefined, doc: undefined, script: undefined, test: undefined, ci: undefined };
});

export function baseName(path: string): string {
  return factsOf(path).name;
}

/** baseName, lower-cased. */
export function lowerBaseName(path: string): string {
  const facts = factsOf(path);
  facts.lowerName ??= facts.name.toLowerCase();
  return facts.lowerName;
}

export function dirName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

function extension(path: string): string {
  return factsOf(path).ext;
}

const TEST_DIR = /(?:^|\/)(?:__tests__|__test__|__snapshots__|tests?|specs?|e2e|cypress|playwright)\//;
const TEST_FILE =
  /[._-](?:test|tests|spec|specs|e2e)\.[A-Za-z0-9]+$|(?:^|\/)test_[^/]*\.py$|_test\.[A-Za-z0-9]+$|(?:Test|Tests|Spec|IT)\.(?:java|kt|kts|scala|groovy|cs|fs|vb|php|swift|m)$|_spec\.rb$|(?:^|\/)conftest\.py$/;

/**
 * Test files in the common conventions: `*.test.*`, `*.spec.*`, `test_*.py`, `*_test.py`,
 * `*_test.go`, `FooTest.java`, `foo_spec.rb`, and anything under `__tests__/`, `test/`, `tests/`,
 * `spec/`, `e2e/` (which covers JUnit's `src/test/` and Rust's `tests/`).
 */
export function isTestPath(path: string): boolean {
  const facts = factsOf(path);
  facts.test ??= TEST_DIR.test(path) || TEST_FILE.test(path);
  return facts.test;
}

const DOC_EXTENSIONS = new Set(['md', 'mdx', 'markdown', 'rst', 'adoc', 'asciidoc', 'txt', 'rdoc', 'org']);
const DOC_NAMES = /^(?:license|licence|copying|notice|authors|contributors|changelog|changes|history)(?:\.|$)/i;

/** Prose: Markdown, reStructuredText, plain text (but not pip's `*requirements*.txt`, `constraints*.txt`, `requirements/*.txt`), licenses, changelogs. */
export function isDocPath(path: string): boolean {
  const facts = factsOf(path);
  facts.doc ??= isDoc(path, facts);
  return facts.doc;
}

function isDoc(path: string, { name, ext }: PathFacts): boolean {
  if (ext === 'txt' && (/requirements[^/]*\.txt$|^constraints[^/]*\.txt$/i.test(name) || /(?:^|\/)requirements\/[^/]*\.txt$/i.test(path))) return false;
  return DOC_EXTENSIONS.has(ext) || DOC_NAMES.test(name);
}

const CODE_EXTENSIONS = new Set([
  'js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts', 'vue', 'svelte', 'astro',
  'py', 'pyi', 'go', 'rs', 'java', 'kt', 'kts', 'scala', 'groovy', 'cs', 'fs', 'vb',
  'rb', 'php', 'swift', 'm', 'mm', 'c', 'h', 'cc', 'cpp', 'cxx', 'hpp', 'hh',
  'dart', 'ex', 'exs', 'erl', 'clj', 'cljs', 'lua', 'pl', 'pm', 'r', 'jl', 'zig', 'nim', 'sol',
]);

/** Source code in a programming language (where lint suppressions and test markers live). */
export function isCodePath(path: string): boolean {
  return CODE_EXTENSIONS.has(extension(path));
}

const LANGUAGE_BY_EXTENSION: Record<string, Language> = {
  js: 'js', jsx: 'js', mjs: 'js', cjs: 'js', ts: 'js', tsx: 'js', mts: 'js', cts: 'js', vue: 'js', svelte: 'js', astro: 'js',
  py: 'python', pyi: 'python',
  go: 'go',
  rs: 'rust',
  java: 'jvm', kt: 'jvm', kts: 'jvm', scala: 'jvm', groovy: 'jvm',
  cs: 'dotnet', fs: 'dotnet', vb: 'dotnet',
  rb: 'ruby',
  php: 'php',
  swift: 'swift',
  c: 'c', h: 'c', cc: 'c', cpp: 'c', cxx: 'c', hpp: 'c', hh: 'c', m: 'c', mm: 'c',
};

export type Language = 'js' | 'python' | 'go' | 'rust' | 'jvm' | 'dotnet' | 'ruby' | 'php' | 'swift' | 'c';

export function languageOf(path: string): Language | null {
  return LANGUAGE_BY_EXTENSION[extension(path)] ?? null;
}

const CI_CONFIG =
  /^(?:\.github\/workflows\/|\.github\/actions\/|\.circleci\/|\.buildkite\/|\.azure-pipelines\/|\.gitlab\/ci\/|\.woodpecker\/)|(?:^|\/)action\.ya?ml$|^(?:\.gitlab-ci\.ya?ml|azure-pipelines[^/]*\.ya?ml|\.travis\.ya?ml|bitbucket-pipelines\.ya?ml|appveyor\.ya?ml|\.appveyor\.ya?ml|\.drone\.ya?ml|\.woodpecker\.ya?ml|cloudbuild\.ya?ml|\.github\/dependabot\.ya?ml|renovate\.json5?|\.renovaterc(?:\.json5?)?|\.github\/renovate\.json5?)$|(?:^|\/)Jenkinsfile[^/]*$/;

/**
 * CI configuration: GitHub Actions workflows and actions (`action.yml` anywhere), GitLab, CircleCI,
 * Azure Pipelines, Jenkins, Buildkite, Travis, Bitbucket, AppVeyor, Drone, Woodpecker, Cloud Build,
 * and the dependency bots' configs (Dependabot, Renovate), which decide what CI runs.
 */
export function isCiConfigPath(path: string): boolean {
  const facts = factsOf(path);
  facts.ci ??= mayBeCiConfig(path, facts) && CI_CONFIG.test(path);
  return facts.ci;
}

/** What every CI_CONFIG path has: a leading dot, a YAML or JSON extension, or a Jenkinsfile name. */
function mayBeCiConfig(path: string, { name, ext }: PathFacts): boolean {
  return path.startsWith('.') || ext === 'yml' || ext === 'yaml' || ext === 'json' || ext === 'json5' || name.startsWith('Jenkinsfile');
}

const SCRIPT_EXTENSIONS = new Set(['sh', 'bash', 'zsh', 'ksh', 'fish', 'ps1', 'psm1', 'bat', 'cmd', 'mk', 'dockerfile', 'nix']);
const SCRIPT_NAMES =
  /^(?:Dockerfile(?:\..+)?|Containerfile(?:\..+)?|Makefile|GNUmakefile|makefile|[Jj]ustfile|Taskfile\.ya?ml|Procfile|Vagrantfile|Earthfile|package\.json|devcontainer\.json|\.devcontainer\.json|\.gitpod\.ya?ml|docker-compose[^/]*\.ya?ml|compose\.ya?ml|tox\.ini|noxfile\.py)$/;

/**
 * Files whose lines run as commands: shell and PowerShell scripts, Dockerfiles, Makefiles, package
 * scripts, dev containers, CI configs, and extension-less files under `scripts/` or `bin/`.
 */
export function isScriptPath(path: string): boolean {
  const facts = factsOf(path);
  facts.script ??= isScript(path, facts);
  return facts.script;
}

/** The extensions SCRIPT_NAMES's names have (besides `Dockerfile.*` and `Containerfile.*`). */
const SCRIPT_NAME_EXTENSIONS = new Set(['', 'json', 'yml', 'yaml', 'ini', 'py']);

function isScript(path: string, facts: PathFacts): boolean {
  const { name, ext } = facts;
  if (SCRIPT_EXTENSIONS.has(ext)) return true;
  if ((SCRIPT_NAME_EXTENSIONS.has(ext) || name.startsWith('Dockerfile') || name.startsWith('Containerfile')) && SCRIPT_NAMES.test(name)) return true;
  if (isCiConfigPath(path) || path.startsWith('.devcontainer/') || path.includes('/.devcontainer/')) return true;
  // An extension-less file under scripts/, bin/ or tools/.
  return !name.includes('.') && /(?:^|\/)(?:scripts?|bin|tools)\/[^/.]+$/.test(path);
}
