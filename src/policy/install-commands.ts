/**
 * Commands that install or fetch-and-run packages, found in lines of scripts, Dockerfiles, package
 * scripts and CI configs (docs/dependencies.md): `npm install x`, `yarn add`, `pip install`,
 * `go get`, `cargo install`, `apt-get install`, … and the runners that fetch a package and run it
 * in one go: `npx`, `npm exec`, `pnpm dlx`, `yarn dlx`, `bunx`, `uvx`, `pipx run`,
 * `go run pkg@version`. A command counts only when it names something: `npm ci`, `npm install`,
 * `pip install -r requirements.txt` and `pip install -e .` install what the manifests declare,
 * and `npx --no-install tsc` runs only what is already installed.
 *
 * Linear time: words come from one split, are trimmed by index loops (no regex), and every word
 * is looked at a bounded number of times (a segment whose rest names nothing is left at once).
 */

export interface InstallCommand {
  /** Index of the command's first word in the line. */
  index: number;
  /** Index where the command's segment ends (the next `&&`, `;`, `|`, … or the line's end). */
  end: number;
  /** The command as written, whitespace collapsed, at most 80 characters. */
  text: string;
}

/** Verb sequences that install, per tool. */
const TOOLS: Record<string, readonly (readonly string[])[]> = {
  npm: [['install'], ['i'], ['in'], ['add'], ['exec'], ['x']],
  cnpm: [['install'], ['i'], ['add']],
  yarn: [['add'], ['global', 'add'], ['dlx']],
  pnpm: [['add'], ['install'], ['i'], ['dlx']],
  bun: [['add'], ['a'], ['install'], ['i'], ['x']],
  npx: [[]],
  pnpx: [[]],
  bunx: [[]],
  uvx: [[]],
  pip: [['install']],
  uv: [['add'], ['pip', 'install'], ['tool', 'install'], ['tool', 'run']],
  poetry: [['add']],
  pipx: [['install'], ['run']],
  conda: [['install']],
  mamba: [['install']],
  micromamba: [['install']],
  go: [['get'], ['install'], ['run']],
  cargo: [['add'], ['install'], ['binstall']],
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
  deno: [['add'], ['install'], ['run']],
};

/** Options whose next word is their value, not a package. */
const VALUE_OPTIONS = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-t', '--target',
  '--prefix', '--registry', '-f', '--find-links', '--path', '--git', '--branch', '--tag', '--rev', '--filter', '-F', '-w',
  '--workspace', '--cwd', '--root', '--project', '--python', '--source', '--version', '--framework', '-o', '--output', '--call',
]);

/** Options of the runners that name the package to fetch (`npx -p cowsay cowsay`, `uvx --from x y`). */
const PACKAGE_OPTIONS = new Set(['-p', '--package', '--from', '--with', '--spec']);

/** Runner options that forbid fetching: what runs is already installed. */
const NO_FETCH = new Set(['--no-install', '--no', '--offline', '--prefer-offline']);

const PREFILTER = /\b(?:install|binstall|add|get|require|i|in|a|x|exec|dlx|run|npx|pnpx|bunx|uvx)\b/;
const SEGMENT_SPLIT = /&&|\|\||[;|]|\$\(|`/g;
/** `"`, `'`, `(`, `[`, `{` */
/**
 * `golang.org/x/tools/cmd/stringer@v0.1.0`: a module path (its first element holds a dot) at a
 * version. Read by index, not by one pattern: `[\w.-]+\.[\w.-]+\/` backtracks quadratically
 * over a long dotted word without a slash.
 */
function isModuleAtVersion(word: string): boolean {
  const slash = word.indexOf('/');
  const at = word.lastIndexOf('@');
  const host = word.slice(0, Math.max(0, slash));
  return slash > 0 && at > slash && at < word.length - 1 && host.includes('.') && /^[\w.-]+$/.test(host) && !/\s/.test(word);
}

/** The command without a trailing shell comment (` # …`), found once rather than retried at every blank. */
function withoutComment(text: string): string {
  const hash = text.search(/\s#/);
  return hash < 0 ? text : text.slice(0, hash);
}

function isLeading(code: number): boolean {
  return code === 34 || code === 39 || code === 40 || code === 91 || code === 123;
}

/** `"`, `'`, `)`, `]`, `}`, `,` */
function isTrailing(code: number): boolean {
  return code === 34 || code === 39 || code === 41 || code === 93 || code === 125 || code === 44;
}

/** A word without the quotes, brackets and commas around it (`["pip",` → `pip`). Two index loops, no regex. */
function cleanWord(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && isLeading(word.charCodeAt(start))) start += 1;
  while (end > start && isTrailing(word.charCodeAt(end - 1))) end -= 1;
  return start === 0 && end === word.length ? word : word.slice(start, end);
}

function toolName(word: string): string {
  const base = word.slice(word.lastIndexOf('/') + 1);
  if (/^pip[0-9.]*$/.test(base)) return 'pip';
  return base;
}

function matchVerb(words: readonly string[], from: number, verbs: readonly (readonly string[])[]): { after: number; verb: string } | null {
  for (const verb of verbs) {
    if (verb.every((part, offset) => words[from + offset] === part)) return { after: from + verb.length, verb: verb.join(' ') };
  }
  return null;
}

/** Whether the command names a package: a plain word (runners: or a package option); `npx --no-install` never. */
function namesPackage(words: readonly string[], from: number, tool: string, verb: string): boolean {
  const runner = verb === '' || verb === 'exec' || verb === 'x' || verb === 'dlx' || verb === 'run';
  for (let i = from; i < words.length; i += 1) {
    const word = words[i] ?? '';
    if (word === '' || word.startsWith('#')) return false;
    if (word === '>' || word === '2>' || word === '>>' || word === '<') {
      i += 1;
      continue;
    }
    if (word.startsWith('>') || word.startsWith('2>') || word.startsWith('<')) continue;
    if (word.startsWith('-')) {
      if (runner && NO_FETCH.has(word)) return false;
      if (runner && (PACKAGE_OPTIONS.has(word) || /^--(?:package|from|with|spec)=./.test(word))) return true;
      if (VALUE_OPTIONS.has(word)) i += 1;
      continue;
    }
    if (tool === 'dotnet' && (word === 'package' || /\.(?:cs|fs|vb)proj$/.test(word))) continue;
    if (word.startsWith('.') || word.startsWith('/') || word.startsWith('~') || word.startsWith('$')) {
      if (runner) return false;
      continue;
    }
    // `go run` builds local code unless given a module at a version; `deno run` a local file unless remote.
    if (tool === 'go' && verb === 'run') return isModuleAtVersion(word);
    if (tool === 'deno' && verb === 'run') return /^(?:npm:|jsr:|https?:)/.test(word);
    return true;
  }
  return false;
}

/**
 * The line up to a shell comment: a `#` that starts a word outside quotes. (`echo "#"` keeps its
 * `#`; `url#anchor` is not a comment.) One pass over the characters.
 */
export function stripShellComment(line: string): string {
  if (!line.includes('#')) return line;
  let quote = '';
  for (let i = 0; i < line.length; i += 1) {
    const char = line.charAt(i);
    if (quote !== '') {
      if (char === '\\' && quote === '"') i += 1;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '\\') {
      i += 1;
    } else if (char === '#' && (i === 0 || /\s/.test(line.charAt(i - 1)))) {
      return line.slice(0, i);
    }
  }
  return line;
}

/**
 * Finds the commands in one line (or the lines of a `\`-continued command joined by spaces). A
 * shell comment is not a command: the text from an unquoted `#` on is not read.
 */
export function findInstallCommands(text: string): InstallCommand[] {
  if (!PREFILTER.test(text)) return [];
  const line = stripShellComment(text);
  const found: InstallCommand[] = [];
  const bounds: number[] = [0];
  SEGMENT_SPLIT.lastIndex = 0;
  for (let match = SEGMENT_SPLIT.exec(line); match !== null; match = SEGMENT_SPLIT.exec(line)) bounds.push(match.index, match.index + match[0].length);
  bounds.push(line.length);
  for (let s = 0; s + 1 < bounds.length; s += 2) {
    const start = bounds[s] ?? 0;
    const end = bounds[s + 1] ?? line.length;
    const segment = line.slice(start, end);
    const raw = segment.split(/\s+/);
    const words = raw.map(cleanWord);
    for (let i = 0; i < words.length; i += 1) {
      let tool = toolName(words[i] ?? '');
      let verbFrom = i + 1;
      if (/^(?:python[0-9.]*|py)$/.test(tool) && words[i + 1] === '-m' && /^pip[0-9.]*$/.test(words[i + 2] ?? '')) {
        tool = 'pip';
        verbFrom = i + 3;
      }
      const verbs = TOOLS[tool];
      if (!verbs) continue;
      const optionsFrom = verbFrom;
      while (verbFrom < words.length && (words[verbFrom] ?? '').startsWith('-')) verbFrom += 1;
      const matched = matchVerb(words, verbFrom, verbs);
      if (matched === null) {
        i = Math.max(i, verbFrom - 1);
        continue;
      }
      const noFetch = words.slice(optionsFrom, verbFrom).some((word) => NO_FETCH.has(word));
      // Nothing named here means nothing named in the rest of the segment either: leave it.
      if (noFetch || !namesPackage(words, matched.after, tool, matched.verb)) break;
      const text = withoutComment(words.slice(i).filter((word) => word !== '').join(' '));
      const index = start + Math.max(0, segment.indexOf(raw[i] ?? ''));
      found.push({ index, end, text: text.length > 80 ? `${text.slice(0, 79)}…` : text });
      break;
    }
  }
  return found;
}

/** A command spread over lines with `\` at their ends, as one line, with where each part starts. */
export interface JoinedCommand {
  text: string;
  /** Index in `text` where each source line's text starts. */
  starts: number[];
}

/**
 * Joins lines continued by a trailing `\` (shell, Dockerfile, Makefile): the backslashes become
 * spaces. A comment line inside a continued command is left out, as Docker does, and the command
 * goes on after it.
 */
export function joinContinuations(lines: readonly string[]): JoinedCommand[] {
  const out: JoinedCommand[] = [];
  let current: JoinedCommand | null = null;
  for (const line of lines) {
    if (current !== null && line.trimStart().startsWith('#')) {
      current.starts.push(current.text.length);
      continue;
    }
    const trimmed = line.trimEnd();
    const continued = trimmed.endsWith('\\');
    const part = continued ? trimmed.slice(0, -1) : line;
    if (current === null) current = { text: '', starts: [] };
    else current.text += ' ';
    current.starts.push(current.text.length);
    current.text += part;
    if (!continued) {
      out.push(current);
      current = null;
    }
  }
  if (current !== null) out.push(current);
  return out;
}
