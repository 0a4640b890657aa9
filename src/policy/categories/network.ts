import picomatch from 'picomatch';
import type { Finding } from '../../result.js';
import { isChecksumPath } from '../dependencies/manifests.js';
import { baseName, isDocPath, isScriptPath } from '../file-kinds.js';
import { createFinding, describeFileChanges, filesMatching, LocationList } from '../finding.js';
import { compileAllowlist, findHosts, isBenignHost } from '../hosts.js';
import { lineHint } from '../line-hints.js';
import { findPipedDownload } from '../piped-download.js';
import type { ChangedFile, PolicyContext } from '../policy-category.js';
import { listWithMore, plural, uniqueSorted } from '../text.js';
import { ruleCategory, type RuleCategory } from '../rule-category.js';

/**
 * `network` (docs/categories.md): added lines that reference hosts outside
 * `network.allowed-hosts`, as the URL parser reads them (loopback addresses and the reserved
 * documentation names never count), downloads piped into a shell, and files that
 * configure egress (firewall and allowlist settings, proxies, network policies). Lockfiles are
 * left out: their registry URLs are the `dependencies` category's business.
 */

/** Config-file extensions: a source file named `firewall.ts` is code, reviewed as code. */
const CONFIG = '{yml,yaml,json,jsonc,json5,toml,conf,cfg,ini,rules,txt,list,pac,nft}';
const EGRESS_GLOBS = [
  `**/*firewall*.${CONFIG}`,
  '**/*firewall',
  `**/*proxy*.${CONFIG}`,
  '**/*.pac',
  '**/squid.conf',
  `**/egress*.${CONFIG}`,
  `**/*-egress*.${CONFIG}`,
  `**/*allowlist*.${CONFIG}`,
  `**/*allow-list*.${CONFIG}`,
  `**/*allowed-hosts*.${CONFIG}`,
  '**/*iptables*',
  '**/*ip6tables*',
  '**/nftables*.conf',
  '**/*.nft',
  `**/*network-polic*.${CONFIG}`,
  `**/*networkpolic*.${CONFIG}`,
];
/** Compiled on first use: most PRs touch no file whose name has an egress word. */
let egressGlobs: ((path: string) => boolean) | null = null;
/** A word every egress glob's file name contains, checked before the globs run. */
const EGRESS_WORD = /firewall|proxy|\.pac$|squid|egress|allow|iptables|nftables|\.nft$|network-?polic/i;

function isEgressConfig(path: string): boolean {
  if (!EGRESS_WORD.test(baseName(path))) return false;
  egressGlobs ??= picomatch(EGRESS_GLOBS, { dot: true, nocase: true });
  return egressGlobs(path);
}

const HOSTS_SHOWN = 5;
/**
 * Every host reference (see hosts.ts) is a `scheme://` URL, a special scheme and a colon
 * (`https:evil.io`), a `git@host:` remote or a quoted `//host` link: the lines worth reading for
 * hosts hold one of these words (docs/architecture.md, "Line hints"; any case).
 */
export const HOST_HINT = lineHint('hosts', ['://', 'http:', 'https:', 'ws:', 'wss:', 'ftp:', 'git@', '"//', "'//", '=//', '(//', '`//']);
/** Every piped download in a script names its download tool. */
export const PIPE_HINT = lineHint('download tools', ['curl', 'wget', 'iwr', 'irm', 'invoke-', 'downloadstring']);
/**
 * Outside scripts, every piped download also has a pipe or a substitution (see findPipedDownload):
 * characters rarer in code than the tools' letters.
 */
export const PIPE_SHAPE = lineHint('pipes', ['|', '$(', '<(']);

function hostFinding(context: PolicyContext): { hosts: string[]; files: string[]; locations: LocationList } {
  const isAllowed = compileAllowlist(context.policy.network.allowedHosts);
  const flagged = (reference: { host: string; port: string | null }): boolean => !isBenignHost(reference.host) && !isAllowed(reference);
  const hosts = new Set<string>();
  const files: string[] = [];
  const locations = new LocationList(context);
  // What a line text flags: the index of its first flagged reference (-1 for none). Large PRs
  // repeat lines (the same link or endpoint in many files), and the answer depends only on the
  // text, so each distinct text is read once; its hosts are already in `hosts` when it repeats.
  const firstFlagged = new Map<string, number>();
  // Index loops here and below: they run cold, over every file, where for…of allocates per step.
  for (let f = 0; f < context.files.length; f += 1) {
    const file = context.files[f] as ChangedFile;
    if (file.addedCount === 0 || isChecksumPath(file.path)) continue;
    let found = false;
    const candidates = context.candidateLines(file, HOST_HINT);
    for (let c = 0; c < candidates.length; c += 1) {
      const line = file.addedAt(candidates[c] ?? -1);
      if (!line) continue;
      const text = line.text;
      let first = firstFlagged.get(text);
      if (first === undefined) {
        first = -1;
        const references = findHosts(text);
        for (let r = 0; r < references.length; r += 1) {
          const reference = references[r];
          if (!reference || !flagged(reference)) continue;
          hosts.add(reference.port ? `${reference.host}:${reference.port}` : reference.host);
          if (first === -1) first = reference.index;
        }
        firstFlagged.set(text, first);
      }
      if (first !== -1) {
        locations.add(file, line, first);
        found = true;
      }
    }
    if (found) files.push(file.path);
  }
  return { hosts: uniqueSorted(hosts), files, locations };
}

function pipedFinding(context: PolicyContext): { files: string[]; locations: LocationList } {
  const files: string[] = [];
  const locations = new LocationList(context);
  for (let f = 0; f < context.files.length; f += 1) {
    const file = context.files[f] as ChangedFile;
    if (file.addedCount === 0 || isDocPath(file.path) || isChecksumPath(file.path)) continue;
    const script = isScriptPath(file.path);
    let found = false;
    const candidates = script ? context.candidateLines(file, PIPE_HINT) : context.candidateLines(file, PIPE_SHAPE);
    for (let c = 0; c < candidates.length; c += 1) {
      const line = file.addedAt(candidates[c] ?? -1);
      if (!line) continue;
      const piped = findPipedDownload(line.text, script);
      if (piped === null) continue;
      locations.add(file, line, piped.index);
      found = true;
    }
    if (found) files.push(file.path);
  }
  return { files, locations };
}

function where(files: readonly string[]): string {
  return files.length === 1 ? (files[0] ?? '') : plural(files.length, 'file');
}

export const networkCategory: RuleCategory<'network'> = ruleCategory({
  id: 'network',
  description: 'added lines referencing hosts outside `network.allowed-hosts`, downloads piped to a shell, egress configuration',
  evaluate(context) {
    const rule = context.policy.permissions.network;
    const base = { category: 'network' as const, level: rule.level, reviewers: rule.reviewers };
    const findings: Finding[] = [];
    const hosts = hostFinding(context);
    if (hosts.hosts.length > 0) {
      findings.push(
        createFinding({
          ...base,
          files: hosts.files,
          message: `references ${plural(hosts.hosts.length, 'host')} outside network.allowed-hosts: ${listWithMore(hosts.hosts, HOSTS_SHOWN)}`,
          locations: hosts.locations.locations,
        }),
      );
    }
    const piped = pipedFinding(context);
    if (piped.locations.count > 0) {
      findings.push(createFinding({ ...base, files: piped.files, message: `pipes a download into a shell in ${where(piped.files)}`, locations: piped.locations.locations }));
    }
    const egress = filesMatching(context.files, isEgressConfig);
    if (egress.length > 0) {
      findings.push(createFinding({ ...base, files: egress.map((file) => file.path), message: `${describeFileChanges(egress)} (egress configuration)` }));
    }
    return findings;
  },
});
