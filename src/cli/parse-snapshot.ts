import { formatPath } from '../config/parse.js';
import type { ManifestContent, PrSnapshot } from '../snapshot.js';
import { SavedRunSchema } from './snapshot-schema.js';

export type ParseSnapshotResult = { ok: true; snapshot: PrSnapshot; manifests: ManifestContent[] | null } | { ok: false; error: string };

/**
 * A saved snapshot file's text (see SavedRunSchema) → a PrSnapshot and the manifests saved with it, or one line saying what is wrong and where
 * (`pr.json: not a PR snapshot: files[0].patch: …`). Pure: the caller reads the file.
 */
export function parseSnapshot(text: string, fileName: string): ParseSnapshotResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, error: `${fileName}: not valid JSON: ${reason}` };
  }
  if (isReportJson(value)) {
    return {
      ok: false,
      error: `${fileName}: this is a report JSON (the output of --json), not a PR snapshot; save a snapshot with \`agent-pr-gate check owner/repo#123 --save ${fileName}\``,
    };
  }
  const parsed = SavedRunSchema.safeParse(value);
  if (parsed.success) {
    const { manifests, ...snapshot } = parsed.data;
    return { ok: true, snapshot, manifests: manifests ?? null };
  }
  const issues = parsed.error.issues;
  const first = issues[0];
  if (!first) return { ok: false, error: `${fileName}: not a PR snapshot` };
  const path = formatPath(first.path.filter((part): part is string | number => typeof part !== 'symbol'));
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more ${issues.length === 2 ? 'problem' : 'problems'})` : '';
  return { ok: false, error: `${fileName}: not a PR snapshot: ${path || '(top level)'}: ${first.message}${more}` };
}

function isReportJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'version' in value && 'mode' in value && !('files' in value);
}
