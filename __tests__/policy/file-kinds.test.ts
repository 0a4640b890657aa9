import { describe, expect, it } from 'vitest';
import { baseName, isCiConfigPath, isCodePath, isDocPath, isScriptPath, isTestPath, languageOf, lowerBaseName } from '../../src/policy/file-kinds.js';

/** Every answer twice: the first works a path out, the second reads what was kept. */
const twice = <T>(ask: (path: string) => T, path: string): T => {
  const first = ask(path);
  expect(ask(path), path).toEqual(first);
  return first;
};

describe('file kinds', () => {
  it('finds scripts by extension, by name (with or without one) and by folder', () => {
    const scripts = [
      'install.sh', 'tools/setup.PS1', 'Dockerfile', 'docker/Dockerfile.dev', 'Containerfile.base', 'Makefile', 'sub/GNUmakefile', 'justfile',
      'Taskfile.yml', 'Procfile', 'package.json', 'web/package.json', '.devcontainer.json', '.devcontainer/devcontainer.json', '.gitpod.yaml',
      'docker-compose.prod.yml', 'compose.yaml', 'tox.ini', 'noxfile.py', 'scripts/deploy', 'bin/run', 'a/tools/lint', '.github/workflows/ci.yml',
      'Jenkinsfile.groovy',
    ];
    for (const path of scripts) expect(twice(isScriptPath, path), path).toBe(true);
    for (const path of ['src/app.ts', 'scripts/deploy.md', 'bin/run.txt', 'docs/Makefile.md', 'src/package.ts', 'my-package.json', 'test.py']) {
      expect(twice(isScriptPath, path), path).toBe(false);
    }
  });

  it('finds CI configuration however its name is spelled', () => {
    const ci = ['.github/workflows/ci.yml', '.github/actions/x/action.yaml', 'deep/action.yml', '.gitlab-ci.yml', 'azure-pipelines-pr.yml', '.travis.yml', 'renovate.json5', '.renovaterc', '.renovaterc.json', '.github/dependabot.yml', 'Jenkinsfile', 'ci/Jenkinsfile.release', '.circleci/config.yml'];
    for (const path of ci) expect(twice(isCiConfigPath, path), path).toBe(true);
    for (const path of ['src/action.ts', 'workflows/ci.yml', 'renovate.md', 'config.json', 'Jenkins.md']) expect(twice(isCiConfigPath, path), path).toBe(false);
  });

  it('reads prose as docs, but not pip requirement and constraint files', () => {
    for (const path of ['README.md', 'docs/guide.rst', 'notes.txt', 'LICENSE', 'CHANGELOG', 'licence.txt']) expect(twice(isDocPath, path), path).toBe(true);
    for (const path of ['requirements.txt', 'dev-requirements.txt', 'Requirements-Test.TXT', 'constraints.txt', 'requirements/base.txt', 'src/a.ts']) {
      expect(twice(isDocPath, path), path).toBe(false);
    }
  });

  it('names, languages and tests', () => {
    expect([baseName('a/b/Setup.PY'), lowerBaseName('a/b/Setup.PY'), baseName('top')]).toEqual(['Setup.PY', 'setup.py', 'top']);
    expect([languageOf('a/b/Setup.PY'), languageOf('x.tsx'), languageOf('.bashrc'), languageOf('Makefile')]).toEqual(['python', 'js', null, null]);
    expect([isCodePath('x.go'), isCodePath('x.md')]).toEqual([true, false]);
    expect(['src/a.test.ts', 'tests/x.py', 'pkg/a_test.go', 'src/a.ts'].map((path) => twice(isTestPath, path))).toEqual([true, true, true, false]);
  });
});
