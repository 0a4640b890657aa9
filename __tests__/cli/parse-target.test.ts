import { describe, expect, it } from 'vitest';
import { parsePrRef, parseRepoRef } from '../../src/cli/parse-target.js';

describe('parsePrRef', () => {
  it('reads owner/repo#number', () => {
    expect(parsePrRef('acme/search-service#418')).toEqual({ owner: 'acme', name: 'search-service', number: 418 });
  });

  it('reads a pull request URL, also with a trailing path or fragment', () => {
    expect(parsePrRef('https://github.com/acme/widgets/pull/42')).toEqual({ owner: 'acme', name: 'widgets', number: 42 });
    expect(parsePrRef('https://github.com/acme/widgets/pull/42/files#diff-1')).toEqual({ owner: 'acme', name: 'widgets', number: 42 });
    expect(parsePrRef('https://ghes.example.com/acme/widgets/pull/7')).toEqual({ owner: 'acme', name: 'widgets', number: 7 });
  });

  it('rejects a missing number, a zero number and an issue URL', () => {
    expect(parsePrRef('acme/widgets')).toBeNull();
    expect(parsePrRef('acme/widgets#0')).toBeNull();
    expect(parsePrRef('acme#12')).toBeNull();
    expect(parsePrRef('https://github.com/acme/widgets/issues/42')).toBeNull();
  });
});

describe('parseRepoRef', () => {
  it('reads owner/repo and a repository URL, dropping .git', () => {
    expect(parseRepoRef('acme/widgets')).toEqual({ owner: 'acme', name: 'widgets' });
    expect(parseRepoRef('https://github.com/acme/widgets.git')).toEqual({ owner: 'acme', name: 'widgets' });
  });

  it('rejects a PR reference and a bare name', () => {
    expect(parseRepoRef('acme/widgets#1')).toBeNull();
    expect(parseRepoRef('widgets')).toBeNull();
  });
});
