import picomatch from 'picomatch';

/**
 * An agent's head-branch globs as one test (docs/policy-reference.md, `branches`: picomatch
 * syntax, `dot` on). Every built-in agent's glob is a folder and everything under it
 * (`copilot/**`), and nearly every head branch is plain (`copilot/fix-login`). For those two
 * shapes the answer is a prefix test; anything else goes to picomatch, compiled on first need:
 * its compiler is the largest function a gate run would otherwise compile just to read one
 * branch name. Both give the same answer; a property test holds them to it.
 */

/** `folder/**` with a folder of plain segments: no glob syntax, no dot segments. */
const FOLDER_GLOB = /^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*\/)+\*\*$/;
/** A branch of plain segments: no empty, dot-led or `.`/`..` segment, and no characters a glob treats specially. */
const PLAIN_REF = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/;

export function compileBranchGlobs(globs: readonly string[]): (ref: string) => boolean {
  let full: ((ref: string) => boolean) | null = null;
  const slow = (ref: string): boolean => {
    full ??= picomatch([...globs], { dot: true });
    return full(ref);
  };
  if (globs.length === 0 || !globs.every((glob) => FOLDER_GLOB.test(glob))) return slow;
  // `folder/**` matches the folder itself and anything under it.
  const folders = globs.map((glob) => glob.slice(0, -'/**'.length));
  return (ref) => {
    if (!PLAIN_REF.test(ref)) return slow(ref);
    return folders.some((folder) => ref === folder || (ref.startsWith(folder) && ref.charCodeAt(folder.length) === 47));
  };
}
