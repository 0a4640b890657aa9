// Types of scripts/notices.mjs, for the tests that import it.
export interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
}
export interface ExtraNotice {
  name: string;
  licenseFile: string;
}
export function bundledPackages(metafile: Metafile): string[];
export function readExtraNotices(root: string, file?: string): ExtraNotice[];
export function renderNotices(root: string, options: { title: string; folders: string[]; extras?: ExtraNotice[] }): string;
