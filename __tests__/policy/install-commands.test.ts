import { describe, expect, it } from 'vitest';
import { findInstallCommands, joinContinuations, stripShellComment } from '../../src/policy/install-commands.js';
import { findPipedDownload } from '../../src/policy/piped-download.js';
import { timeRatio } from './dependencies/time-ratio.js';

const commands = (line: string) => findInstallCommands(line).map((command) => command.text);

describe('findInstallCommands', () => {
  it.each([
    ['RUN npm install -g typescript@5.9.3', 'npm install -g typescript@5.9.3'],
    ['"postinstall": "npm i -g node-gyp"', 'npm i -g node-gyp'],
    ['yarn add left-pad', 'yarn add left-pad'],
    ['yarn global add serve', 'yarn global add serve'],
    ['pnpm add -D vitest', 'pnpm add -D vitest'],
    ['bun add zod', 'bun add zod'],
    ['python3 -m pip install requests==2.32.3', 'python3 -m pip install requests==2.32.3'],
    ['uv add httpx', 'uv add httpx'],
    ['uv pip install ruff', 'uv pip install ruff'],
    ['poetry add pendulum', 'poetry add pendulum'],
    ['go get github.com/google/uuid@v1.6.0', 'go get github.com/google/uuid@v1.6.0'],
    ['go install golang.org/x/tools/gopls@latest', 'go install golang.org/x/tools/gopls@latest'],
    ['cargo add serde --features derive', 'cargo add serde --features derive'],
    ['gem install bundler -v 2.5.9', 'gem install bundler -v 2.5.9'],
    ['sudo apt-get install -y curl', 'apt-get install -y curl'],
    ['apk add --no-cache git', 'apk add --no-cache git'],
    ['brew install jq', 'brew install jq'],
    ['composer require guzzlehttp/guzzle', 'composer require guzzlehttp/guzzle'],
    ['dotnet add package Newtonsoft.Json', 'dotnet add package Newtonsoft.Json'],
  ])('finds %s', (line, text) => {
    expect(commands(line)).toEqual([text]);
  });

  it('finds each command of a chained line', () => {
    expect(commands('apt-get update && apt-get install -y jq && pip install awscli')).toEqual(['apt-get install -y jq', 'pip install awscli']);
  });

  it.each([
    'npm ci',
    'npm install',
    'yarn install --frozen-lockfile',
    'pnpm i --frozen-lockfile',
    'pip install -r requirements.txt',
    'pip install -e .',
    'bundle install',
    'go mod download',
    'go install ./...',
    'cargo install --path .',
    'const install = () => npm.install(pkg);',
  ])('ignores %s', (line) => {
    expect(commands(line)).toEqual([]);
  });
});

describe('findPipedDownload', () => {
  it.each([
    'curl -fsSL https://get.acme.dev | sh',
    'curl -sL https://x.io/i.sh | sudo -E bash -',
    'wget -qO- https://x.io/i.sh | bash',
    'bash <(curl -s https://x.io/i.sh)',
    'sh -c "$(curl -fsSL https://x.io/i.sh)"',
    'iwr -useb get.scoop.sh | iex',
    "iex ((New-Object System.Net.WebClient).DownloadString('https://x.io/i.ps1'))",
    'curl -s https://x.io/setup.py | python3',
  ])('finds %s', (line) => {
    expect(findPipedDownload(line)?.index).toBe(line.search(/curl|wget|iwr|iex|bash|sh -c/));
  });

  it.each(['curl -fsSL https://x.io/i.sh -o install.sh', 'cat file | sh', 'curl https://x.io | jq .', 'const shell = curl || wget;'])('ignores %s', (line) => {
    expect(findPipedDownload(line)).toBeNull();
  });
});

describe('package runners and continued commands', () => {
  it.each([
    ['npx -y x@latest', 'npx -y x@latest'],
    ['"postinstall": "npx -y x@latest"', 'npx -y x@latest'],
    ['npm exec -- evil-tool', 'npm exec -- evil-tool'],
    ['npm x --package=evil -- run', 'npm x --package=evil -- run'],
    ['pnpm dlx create-vite@5', 'pnpm dlx create-vite@5'],
    ['yarn dlx @scope/tool', 'yarn dlx @scope/tool'],
    ['bunx cowsay hi', 'bunx cowsay hi'],
    ['bun x cowsay', 'bun x cowsay'],
    ['uvx ruff check', 'uvx ruff check'],
    ['uv tool run black .', 'uv tool run black .'],
    ['pipx run pycowsay', 'pipx run pycowsay'],
    ['go run golang.org/x/tools/cmd/stringer@v0.22.0 -type=Kind', 'go run golang.org/x/tools/cmd/stringer@v0.22.0 -type=Kind'],
    ['cargo binstall ripgrep', 'cargo binstall ripgrep'],
    ['cargo install --locked evil-cli', 'cargo install --locked evil-cli'],
    ['deno run -A npm:cowsay', 'deno run -A npm:cowsay'],
    ['RUN ["pip", "install", "evil"]', 'pip install evil'],
    ['npm i ./local >/dev/null npm i evil', 'npm i ./local >/dev/null npm i evil'],
  ])('finds %s', (line, text) => {
    expect(commands(line)).toEqual([text]);
  });

  it.each([
    'npx --no-install tsc -p .',
    'npx --no eslint .',
    'go run ./cmd/gen',
    'go run main.go',
    'deno run main.ts',
    'pnpm exec vitest',
    '# npx evil-cli used to run here',
    'echo done # then npm install evil',
    '"test": "vitest run"',
  ])('ignores %s', (line) => {
    expect(commands(line)).toEqual([]);
  });

  it('keeps a quoted # and reads past it', () => {
    expect(stripShellComment('echo "#" && npm i evil # note')).toBe('echo "#" && npm i evil ');
    expect(commands('echo "#" && npm i evil # note')).toEqual(['npm i evil']);
  });

  it('joins lines continued by a backslash, leaving comment lines out', () => {
    const joined = joinContinuations(['RUN pip install \\', '    # pinned below', '    evil-pkg \\', '    flask', 'RUN echo done']);
    expect(joined.map((j) => j.text)).toEqual(['RUN pip install      evil-pkg      flask', 'RUN echo done']);
    expect(joined[0]?.starts).toHaveLength(4);
    expect(commands(joined[0]?.text ?? '')).toEqual(['pip install evil-pkg flask']);
  });
});

/** Adversarial inputs of about `n` characters for every pattern and loop of the command readers. */
const SHAPES: Record<string, (n: number) => string> = {
  'quote run (cleanWord)': (n) => `RUN npm install ${'"'.repeat(n)}`,
  'closers before a letter (the old cleanWord was quadratic here)': (n) => `RUN npm install ${')'.repeat(n)}a`,
  'commas and quotes before a letter': (n) => `npm i ${'",'.repeat(n / 2)}a`,
  'brackets both ends (cleanWord)': (n) => `npm i ${'('.repeat(n / 2)}x${')'.repeat(n / 2)}`,
  'tool words without verbs': (n) => 'npm -g '.repeat(n / 7),
  'tools whose rest names nothing': (n) => '/x/npm i /y '.repeat(n / 12),
  'separators': (n) => 'npm i x && '.repeat(n / 11),
  'quotes and hashes (comments)': (n) => '"#\'# '.repeat(n / 5),
  'curl without a pipe': (n) => `curl ${'a'.repeat(n)}`,
  'curl and pipes': (n) => 'curl |'.repeat(n / 6),
  'shell -c without a download': (n) => 'bash -c $( '.repeat(n / 11),
  'iex without a download': (n) => 'iex '.repeat(n / 4),
  'spaces after a pipe': (n) => `curl x |${' '.repeat(n)}`,
  'python -m without pip': (n) => 'python3 -m '.repeat(n / 11),
  'continued lines (joinContinuations)': (n) => 'npm i x \\\n'.repeat(n / 9),
};

describe('linear time (docs/dependencies.md)', () => {
  it.each(Object.entries(SHAPES))('%s: 8× the input takes less than ~12× the time', (_name, shape) => {
    const run = (text: string): void => {
      findInstallCommands(text);
      findPipedDownload(text);
      findPipedDownload(stripShellComment(text));
      for (const joined of joinContinuations(text.split('\n'))) findInstallCommands(joined.text);
    };
    const ratio = timeRatio(run, shape(5_000), shape(40_000));
    expect(ratio).toBeLessThan(12);
  });
});
