import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../src/cli/parse-snapshot.js';
import { EXAMPLES } from '../../src/examples/index.js';
import { createSnapshot } from '../factories.js';

const example = EXAMPLES[0]!.snapshot;

describe('parseSnapshot', () => {
  it('accepts every bundled example and a factory snapshot, saved as JSON, unchanged', () => {
    for (const snapshot of [...EXAMPLES.map((e) => e.snapshot), createSnapshot()]) {
      const result = parseSnapshot(JSON.stringify(snapshot, null, 2), 'pr.json');
      expect(result).toEqual({ ok: true, snapshot, manifests: null });
    }
  });

  it('keeps the optional fields the adapter fills (a review\'s author association)', () => {
    const withAssociation = { ...example, reviews: example.reviews.map((review) => ({ ...review, authorAssociation: 'MEMBER' })) };
    const result = parseSnapshot(JSON.stringify(withAssociation), 'pr.json');
    expect(result).toEqual({ ok: true, snapshot: withAssociation, manifests: null });
  });

  it('drops keys it does not know (a snapshot saved by a newer version still loads)', () => {
    const result = parseSnapshot(JSON.stringify({ ...example, savedBy: 'agent-pr-gate 9.9.9' }), 'pr.json');
    expect(result).toEqual({ ok: true, snapshot: example, manifests: null });
  });

  it('names the file and the JSON problem when the text is not JSON', () => {
    const result = parseSnapshot('{ "repo": ', 'pr.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^pr\.json: not valid JSON: /);
    expect(result.error).not.toContain('\n');
  });

  it('names the first wrong field and counts the others', () => {
    const broken = {
      ...example,
      files: [{ ...example.files[0]!, patch: 5 }],
      reviews: [{ ...example.reviews[0]!, state: 'LGTM' }],
    };
    const result = parseSnapshot(JSON.stringify(broken), 'pr.json');
    expect(result).toEqual({
      ok: false,
      error: 'pr.json: not a PR snapshot: files[0].patch: Invalid input: expected string, received number (and 1 more problem)',
    });
  });

  it('rejects a missing field, a bad time and a non-object', () => {
    const { headSha: _headSha, ...withoutHead } = example;
    expect(parseSnapshot(JSON.stringify(withoutHead), 'a.json')).toEqual({
      ok: false,
      error: 'a.json: not a PR snapshot: headSha: Invalid input: expected string, received undefined',
    });
    expect(parseSnapshot(JSON.stringify({ ...example, createdAt: 'yesterday' }), 'b.json')).toEqual({
      ok: false,
      error: 'b.json: not a PR snapshot: createdAt: must be an ISO 8601 time',
    });
    expect(parseSnapshot('[]', 'c.json')).toEqual({
      ok: false,
      error: 'c.json: not a PR snapshot: (top level): Invalid input: expected object, received array',
    });
  });

  it('recognises the report JSON and says how to save a snapshot instead', () => {
    const report = { version: 1, mode: 'gate', verdict: 'pass', pr: { number: 1 } };
    expect(parseSnapshot(JSON.stringify(report), 'report.json')).toEqual({
      ok: false,
      error:
        'report.json: this is a report JSON (the output of --json), not a PR snapshot; save a snapshot with `agent-pr-gate check owner/repo#123 --save report.json`',
    });
  });
});

describe('parseSnapshot of a saved run with manifest contents', () => {
  it('keeps the manifests read, in their own field, apart from the snapshot', () => {
    const manifests = [{ path: 'package.json', base: null, head: '{}' }, { path: 'go.mod', base: 'module x', head: null, error: 'too large to read at the head commit' }];
    const result = parseSnapshot(JSON.stringify({ ...example, manifests }), 'pr.json');
    expect(result).toEqual({ ok: true, snapshot: example, manifests });
  });

  it('rejects a manifest entry without its head', () => {
    const result = parseSnapshot(JSON.stringify({ ...example, manifests: [{ path: 'package.json', base: null }] }), 'pr.json');
    expect(result.ok).toBe(false);
  });
});
