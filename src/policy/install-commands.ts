/**
 * Commands that install packages, found in lines of scripts, Dockerfiles, package scripts and CI
 * configs: `npm install x`, `npm i -g x`, `yarn add`, `pnpm add`, `pip install`, `uv add`,
 * `go get`, `cargo add`, `gem install`, `apt-get install`, … A command counts only when it names
 * something to install: `npm ci`, `npm install`, `pip install -r requirements.txt` and
 * `pip install -e .` install what the manifests already declare.
 */

export interface InstallCommand {
  /** Index of the command's first word in the line. */
  index: number;
  /** The command as written, whitespace collapsed, at most 80 characters. */
  text: string;
}

/** Verb sequences that install, per tool. */
const TOOLS: Record<string, readonly (readonly string[])[]> = {
  npm: [['install'], ['i'], ['in'], ['add']],
  cnpm: [['install'], ['i'], ['add']],
  yarn: [['add'], ['global', 'add']],
  pnpm: [['add'], ['install'], ['i']],
  bun: [['add'], ['a'], ['install'], ['i']],
  pip: [['install']],
  uv: [['add'], ['pip', 'install'], ['tool', 'install']],
  poetry: [['add']],
  pipx: [['install']],
  conda: [['install']],
  mamba: [['install']],
  micromamba: [['install']],
  go: [['get'], ['install']],
  cargo: [['add'], ['install']],
  gem: [['install']],
  bundle: [['add']],
  composer: [['require'], ['global', 'require']],
  dotnet: [['add'], ['tool', 'install']],
  'apt-get': [['install']],
  apt: [['install']],
  aptitude: [['install']],
  apk: [['add']],
  yum: [['install']],
  dnf: [['install']],
  microdnf: [['install']],
  zypper: [['install'], ['in']],
  brew: [['install']],
  choco: [['install']],
  scoop: [['install']],
  winget: [['install']],
  snap: [['install']],
  dart: [['pub', 'add']],
  flutter: [['pub', 'add']],
  deno: [['add'], ['install']],
};

/** Options whose next word is their value, not a package. */
const VALUE_OPTIONS = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-t', '--target',
  '--prefix', '--registry', '-f', '--find-links', '--path', '--git', '--branch', '--tag', '--rev', '--filter', '-F', '-w',
  '--workspace', '--cwd', '--root', '--project', '--python', '-p', '--source', '--version', '--framework', '-o', '--output',
]);

const PREFILTER = /\b(?:install|add|get|require|i|in|a)\b/;
const SEGMENT_SPLIT = /&&|\|\||[;|]|\$\(|`/;

function cleanWord(word: string): string {
  return word.replace(/^[\s"'([{]+|[\s"')\]},]+$/g, '');
}

function toolName(word: string): string {
  const base = word.slice(word.lastIndexOf('/') + 1);
  if (/^pip[0-9.]*$/.test(base)) return 'pip';
  return base;
}

function matchVerb(words: readonly string[], from: number, verbs: readonly (readonly string[])[]): number {
  for (const verb of verbs) {
    if (verb.every((part, offset) => words[from + offset] === part)) return from + verb.length;
  }
  return -1;
}

function packagesAfter(words: readonly string[], from: number, tool: string): string[] {
  const packages: string[] = [];
  for (let i = from; i < words.length; i += 1) {
    const word = words[i] ?? '';
    if (word === '' || word.startsWith('#') || word.startsWith('>') || word.startsWith('2>') || word === '\\') break;
    if (word.startsWith('-')) {
      if (VALUE_OPTIONS.has(word)) i += 1;
      continue;
    }
    if (tool === 'dotnet' && (word === 'package' || /\.(?:cs|fs|vb)proj$/.test(word))) continue;
    if (word.startsWith('.') || word.startsWith('/') || word.startsWith('~')) continue;
    packages.push(word);
  }
  return packages;
}

export function findInstallCommands(line: string): InstallCommand[] {
  if (!PREFILTER.test(line)) return [];
  const found: InstallCommand[] = [];
  let offset = 0;
  for (const segment of line.split(SEGMENT_SPLIT)) {
    const start = line.indexOf(segment, offset);
    offset = start + segment.length;
    const words = segment.split(/\s+/).map(cleanWord);
    for (let i = 0; i < words.length; i += 1) {
      let tool = toolName(words[i] ?? '');
      let verbFrom = i + 1;
      if (/^(?:python[0-9.]*|py)$/.test(tool) && words[i + 1] === '-m' && /^pip[0-9.]*$/.test(words[i + 2] ?? '')) {
        tool = 'pip';
        verbFrom = i + 3;
      }
      const verbs = TOOLS[tool];
      if (!verbs) continue;
      while ((words[verbFrom] ?? '').startsWith('-') && verbFrom < words.length) verbFrom += 1;
      const after = matchVerb(words, verbFrom, verbs);
      if (after === -1) continue;
      if (packagesAfter(words, after, tool).length === 0) continue;
      const text = words.slice(i).filter((word) => word !== '').join(' ').replace(/\s+#.*$/, '');
      const index = Math.max(0, segment.indexOf(words[i] ?? '') + start);
      found.push({ index, text: text.length > 80 ? `${text.slice(0, 79)}…` : text });
      break;
    }
  }
  return found;
}
