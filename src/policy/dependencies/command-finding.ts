import type { Finding } from '../../result.js';
import type { DiffLine } from '../diff.js';
import { baseName, isScriptPath } from '../file-kinds.js';
import { createFinding, LocationList } from '../finding.js';
import { findInstallCommands, joinContinuations, stripShellComment } from '../install-commands.js';
import { findPipedDownload } from '../piped-download.js';
import type { ChangedFile, PolicyContext } from '../policy-category.js';
import { listWithMore, plural } from '../text.js';

/**
 * Commands that install or fetch-and-run packages, added to scripts, Dockerfiles, package scripts
 * and CI (docs/dependencies.md). A command is read whole: the new side of each hunk is joined
 * across `\` continuations, so `RUN pip install \` with the package on the next line is one
 * command, and so is a package line added inside an existing continued command. A command is
 * reported when one of the lines it spans is added.
 */

const COMMANDS_SHOWN = 3;

/** package.json fields that are prose, not commands: `"description": "run npx foo"` runs nothing. */
const PROSE_FIELD = /^\s*"(?:description|keywords|homepage|summary|displayName)"\s*:/;

interface Command {
  text: string;
  /** The added line to point at, and the command's index in it (0 when it starts on another line). */
  line: DiffLine;
  at: number;
}

/** The new-side lines of each hunk, joined across continuations, that hold at least one added line. */
function units(file: ChangedFile): { text: string; starts: number[]; lines: DiffLine[] }[] {
  const out: { text: string; starts: number[]; lines: DiffLine[] }[] = [];
  const prose = baseName(file.path) === 'package.json';
  for (const hunk of file.diff?.hunks ?? []) {
    const lines = hunk.lines.filter((line) => line.kind !== 'removed' && !(prose && PROSE_FIELD.test(line.text)));
    let from = 0;
    for (const joined of joinContinuations(lines.map((line) => line.text))) {
      const parts = lines.slice(from, from + joined.starts.length);
      from += joined.starts.length;
      if (parts.some((line) => line.kind === 'added')) out.push({ text: joined.text, starts: joined.starts, lines: parts });
    }
  }
  return out;
}

/** The added line among `lines[first..last]` to point at, with the offset of `index` in it. */
function addedLineIn(unit: { starts: number[]; lines: DiffLine[] }, index: number, end: number): { line: DiffLine; at: number } | null {
  let first = 0;
  while (first + 1 < unit.starts.length && (unit.starts[first + 1] ?? 0) <= index) first += 1;
  for (let k = first; k < unit.lines.length && (unit.starts[k] ?? 0) < Math.max(end, index + 1); k += 1) {
    const line = unit.lines[k];
    if (line?.kind === 'added') return { line, at: k === first ? index - (unit.starts[k] ?? 0) : 0 };
  }
  return null;
}

function commandsIn(file: ChangedFile): Command[] {
  const found: Command[] = [];
  for (const unit of units(file)) {
    for (const install of findInstallCommands(unit.text)) {
      const where = addedLineIn(unit, install.index, install.end);
      if (where) found.push({ text: install.text, ...where });
    }
    const piped = findPipedDownload(stripShellComment(unit.text));
    if (piped !== null) {
      const where = addedLineIn(unit, piped.index, piped.index + piped.text.length);
      if (where) found.push({ text: piped.text, ...where });
    }
  }
  return found;
}

function quote(command: string): string {
  return `\`${command.replace(/`/g, "'")}\``;
}

/** One finding for every install and fetch-and-run command added, or null. */
export function commandFinding(context: PolicyContext): Finding | null {
  const rule = context.policy.permissions.dependencies;
  const commands: string[] = [];
  const files: string[] = [];
  const locations = new LocationList(context);
  // An index loop: this runs cold, over every file, where for…of allocates per step.
  for (let f = 0; f < context.files.length; f += 1) {
    const file = context.files[f] as ChangedFile;
    if (file.addedCount === 0 || !isScriptPath(file.path)) continue;
    const found = commandsIn(file).sort((a, b) => (a.line.newLine ?? 0) - (b.line.newLine ?? 0) || a.at - b.at);
    if (found.length === 0) continue;
    files.push(file.path);
    let last: DiffLine | null = null;
    for (const command of found) {
      commands.push(quote(command.text));
      if (command.line !== last) locations.add(file, command.line, command.at);
      last = command.line;
    }
  }
  if (commands.length === 0) return null;
  const unique = [...new Set(commands)];
  const where = files.length === 1 ? (files[0] ?? '') : plural(files.length, 'file');
  return createFinding({
    category: 'dependencies',
    level: rule.level,
    reviewers: rule.reviewers,
    files,
    message: `adds ${unique.length === 1 ? 'install command' : 'install commands'} ${listWithMore(unique, COMMANDS_SHOWN)} in ${where}`,
    locations: locations.locations,
  });
}
