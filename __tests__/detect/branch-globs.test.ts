import fc from 'fast-check';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compileBranchGlobs } from '../../src/detect/branch-globs.js';

/**
 * Branch globs answer plain branches under `folder/**` globs with a prefix test and everything
 * else with picomatch (src/detect/branch-globs.ts): both must agree on every glob and branch.
 */
describe('compileBranchGlobs', () => {
  const picomatchSays = (globs: string[], ref: string): boolean => picomatch(globs, { dot: true })(ref);

  // Segments from characters that matter to globs and to branch names: dots, slashes, glob syntax.
  const segment = fc.array(fc.constantFrom('a', 'b', 'Z', '0', '-', '_', '.', '..', '*', '?', '\\', ' ', '~', '\n', '[', '{', '!', '+', '@', '(', ')'), { maxLength: 4 }).map((chars) => chars.join(''));
  const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => segments.join('/'));
  const glob = fc.oneof(
    path.map((folder) => `${folder}/**`),
    fc.constantFrom('copilot/**', 'codex/**', 'claude/**', 'a.b/**', 'a/b/**', '.hidden/**', 'a/**/b', 'a/*', '**', 'a*/**', 'feature-*'),
    path,
  ).filter((pattern) => pattern !== ''); // the policy schema takes no empty glob
  const globs = fc.array(glob, { minLength: 1, maxLength: 3 });
  // Branches under a glob's folder as often as not, so both answers come up.
  const ref = (list: string[]): fc.Arbitrary<string> =>
    fc.oneof(path, fc.tuple(fc.constantFrom(...list.map((g) => g.replace(/\/\*\*$/, ''))), fc.constantFrom('', '/', '//'), path).map(([folder, sep, rest]) => `${folder}${sep}${rest}`));

  it('agrees with picomatch', () => {
    fc.assert(
      fc.property(globs.chain((list) => fc.tuple(fc.constant(list), fc.array(ref(list), { minLength: 1, maxLength: 5 }))), ([list, refs]) => {
        const matcher = compileBranchGlobs(list);
        for (const branch of refs) expect(matcher(branch), `${JSON.stringify(list)} on ${JSON.stringify(branch)}`).toBe(picomatchSays(list, branch));
      }),
      { numRuns: 3000 },
    );
  });

  it('answers the built-in shape, and its edge cases as picomatch does', () => {
    const copilot = compileBranchGlobs(['copilot/**']);
    expect(['copilot', 'copilot/fix-1', 'copilot/a/b.c'].map(copilot)).toEqual([true, true, true]);
    expect(['copilotx', 'Copilot/x', 'x/copilot/y', 'copilot/..', 'copilot/../x', './copilot/x'].map(copilot)).toEqual(
      ['copilotx', 'Copilot/x', 'x/copilot/y', 'copilot/..', 'copilot/../x', './copilot/x'].map((branch) => picomatchSays(['copilot/**'], branch)),
    );
    expect(compileBranchGlobs([])('main')).toBe(false);
  });
});
