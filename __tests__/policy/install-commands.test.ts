import { describe, expect, it } from 'vitest';
import { findInstallCommands } from '../../src/policy/install-commands.js';
import { findPipedDownload } from '../../src/policy/piped-download.js';

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
