import { describe, expect, it } from 'vitest';
import { addedPatch, file } from '../factories.js';
import { COMMAND_NEAR_MISSES, COMMANDS, EVASIONS, hunkOnly, insertAfter, NEAR_MISSES, PACKAGE_JSON, patchOf, withContents, type ManifestCase } from './dependencies-cases.js';
import { findingsOf, gateOn } from './harness.js';

function expectCaught(result: ReturnType<typeof gateOn>, message?: string): void {
  expect(result.verdict).toBe('fail');
  const findings = findingsOf(result, 'dependencies');
  expect(findings.length).toBeGreaterThan(0);
  if (message !== undefined) expect(findings.map((f) => f.message).join(' | ')).toContain(message);
}

describe('dependencies: manifests an agent edits to slip a dependency in', () => {
  it.each(EVASIONS)('$name (whole manifests)', (c) => {
    expectCaught(gateOn(withContents(c)), c.message);
  });
  it.each(EVASIONS.filter((c) => c.hunkOnly !== false))('$name (hunk only)', (c) => {
    expectCaught(gateOn(hunkOnly(c)));
  });

  it('names what was added with the line in the head file', () => {
    const c = EVASIONS[0] as ManifestCase;
    const [finding] = findingsOf(gateOn(withContents(c)), 'dependencies');
    // JSON.parse keeps the second key: the first one's fsevents is gone, as the message says.
    expect(finding?.message).toBe('adds evil-pkg@1.0.0 (optional), removes fsevents (optional), duplicates the key "optionalDependencies" (a JSON reader keeps only the last one)');
    expect(finding?.locations.map((l) => l.line)).toEqual([28, 30]); // the second key, the dependency
  });

  it('reads a manifest whole when GitHub omitted its patch, pointing at the head line', () => {
    const head = insertAfter(PACKAGE_JSON, '    "zod": "3.23.8"', '    ,"evil-pkg": "1.0.0"');
    const result = gateOn({ files: [file('package.json', null)], contents: { 'package.json': { base: PACKAGE_JSON, head } } });
    expectCaught(result, 'adds evil-pkg@1.0.0');
    expect(findingsOf(result, 'dependencies')[0]?.locations).toEqual([{ file: 'package.json', line: 20, excerpt: ',"evil-pkg": "1.0.0"' }]);
  });

  it('fails closed when a manifest could not be read', () => {
    const c = EVASIONS[4] as ManifestCase;
    const result = gateOn({ ...withContents(c), contents: { [c.path]: { base: c.base, head: null, error: 'GraphQL: timeout' } } });
    expectCaught(result, 'could not read package.json whole (GraphQL: timeout)');
  });

  it('fails closed when the head does not parse, even if its hunk shows nothing', () => {
    const head = PACKAGE_JSON.replace('"version": "1.0.0"', '"version": "1.0.1",,');
    expectCaught(gateOn(withContents({ name: '', path: 'package.json', base: PACKAGE_JSON, head })), 'could not read package.json whole');
  });
});

describe('dependencies: near-misses give no finding', () => {
  it.each(NEAR_MISSES)('$name (whole manifests)', (c) => {
    expect(findingsOf(gateOn(withContents(c)), 'dependencies')).toEqual([]);
  });
  it.each(NEAR_MISSES)('$name (hunk only)', (c) => {
    expect(findingsOf(gateOn(hunkOnly(c)), 'dependencies')).toEqual([]);
  });
});

describe('dependencies: commands that install or fetch-and-run packages', () => {
  it.each(COMMANDS)('$name', (c) => {
    expectCaught(gateOn({ files: [file(c.path, patchOf(c.base, c.head))] }), `\`${c.command}\``);
  });
  it.each(COMMAND_NEAR_MISSES)('near-miss: $name', (c) => {
    const base = 'base' in c ? (c.base ?? null) : null;
    const files = [file(c.path, base === null ? addedPatch(c.head.split('\n')) : patchOf(base, c.head))];
    expect(findingsOf(gateOn({ files }), 'dependencies')).toEqual([]);
  });
});

describe('dependencies: a crafted diff cannot stall the gate', () => {
  it('reads 20 Dockerfiles of 40,000-character lines in well under a second', () => {
    const shapes = [(n: number) => `RUN npm install ${')'.repeat(n)}a`, (n: number) => `RUN pip install ${'",'.repeat(n / 2)}a \\`, (n: number) => `RUN curl ${'|'.repeat(n)}`, (n: number) => 'RUN npx -y '.repeat(n / 11)];
    const files = Array.from({ length: 20 }, (_, index) => file(`svc${index}/Dockerfile`, addedPatch([(shapes[index % shapes.length] ?? String)(40_000), 'RUN echo done'])));
    const started = performance.now();
    const result = gateOn({ files });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(findingsOf(result, 'dependencies').length).toBeGreaterThan(0);
  });
});
