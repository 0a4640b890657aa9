import type { Finding } from '../result.js';
import type { PrSnapshot } from '../snapshot.js';
import { findOwners, parseCodeowners } from './codeowners.js';

/**
 * With `reviews.codeowners: true`, the files of `review`- and `deny`-level findings need an
 * approval from one of their code owners (CODEOWNERS of the base commit). Files with the same
 * owners form one requirement; files without owners need nothing extra.
 */

export interface CodeownerGroup {
  owners: string[];
  files: string[];
}

export function findCodeownerGroups(snapshot: PrSnapshot, findings: readonly Finding[]): { groups: CodeownerGroup[]; notes: string[] } {
  const files = [...new Set(findings.filter((finding) => finding.level !== 'allow').flatMap((finding) => finding.files))];
  if (files.length === 0) return { groups: [], notes: [] };
  const source = snapshot.base.codeowners;
  if (!source || source.text === null) {
    return { groups: [], notes: ['`reviews.codeowners` is on, but the base branch has no CODEOWNERS file: no code owner approvals are required'] };
  }
  const { rules, errors } = parseCodeowners(source.text, source.path);
  const notes = errors.map((error) => error.message);
  const byOwners = new Map<string, CodeownerGroup>();
  for (const file of files) {
    const match = findOwners(rules, file);
    if (!match || match.owners.length === 0) continue;
    const key = match.owners.map((owner) => owner.toLowerCase()).sort().join(' ');
    const group = byOwners.get(key);
    if (group) group.files.push(file);
    else byOwners.set(key, { owners: match.owners, files: [file] });
  }
  return { groups: [...byOwners.values()], notes };
}
