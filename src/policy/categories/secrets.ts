import type { Finding } from '../../result.js';
import { lowerBaseName } from '../file-kinds.js';
import { createFinding, describeFileChanges, LocationList } from '../finding.js';
import type { ChangedFile, PolicyContext } from '../policy-category.js';
import { listWithMore, plural, uniqueSorted } from '../text.js';
import { ruleCategory, type RuleCategory } from '../rule-category.js';

/**
 * `secrets`: files that hold keys, certificates or environment values (`.env*` except the
 * example/sample/template ones, `*.pem`, `*.key`, `id_rsa`, keystores, `credentials*.json`, an
 * `.npmrc` with a literal auth token, …) and added lines that look like credentials (see
 * secret-scan.ts). Deleting such a file is not a finding. The message names the kinds of secret,
 * never their text; excerpts show the line with the secret redacted.
 */

const ENV_FILE = /^\.env(?:\.[^/]+)?$|^[^/]+\.env$/;
const ENV_EXAMPLE = /(?:^|[._-])(?:example|sample|template|dist|defaults?|schema)(?:$|[._-])/;
const KEY_EXTENSIONS = /\.(?:pem|key|p12|pfx|jks|keystore|p8|ppk|kdbx|crt|cer|der|tfstate|gpg|pgp)$/;
const KEY_NAMES =
  /^(?:id_(?:rsa|dsa|ecdsa|ed25519)(?:_[\w-]+)?|\.netrc|_netrc|\.git-credentials|\.pgpass|\.htpasswd|\.pypirc|\.dockercfg|\.envrc|kubeconfig|[^/]*\.kubeconfig|credentials(?:[^/]*\.json)?|[^/]*-credentials\.json|service[-_]account[^/]*\.json|client_secret[^/]*\.json|secrets\.(?:json|ya?ml|toml|env)|[^/]*\.secrets?)$/;
/** Package-manager configs are secrets only when they carry a literal token. */
const TOKEN_CONFIGS = new Set(['.npmrc', '.yarnrc', '.yarnrc.yml']);
const CONFIG_TOKEN = /(?:_authToken|_auth|_password|npmAuthToken|npmAuthIdent)["']?\s{0,3}[=:]\s{0,3}["']?([^\s"']+)/;

function isSecretFileName(path: string): boolean {
  const name = lowerBaseName(path);
  if (ENV_FILE.test(name)) return !ENV_EXAMPLE.test(name.replace(/^\.env/, '').replace(/\.env$/, ''));
  if (name.endsWith('.pub')) return false;
  return KEY_EXTENSIONS.test(name) || KEY_NAMES.test(name);
}

function hasLiteralToken(file: ChangedFile): boolean {
  return file.added.some((line) => {
    const match = CONFIG_TOKEN.exec(line.text);
    const value = match?.[1] ?? '';
    return value !== '' && !value.startsWith('$') && !value.includes('${');
  });
}

function isSecretFile(file: ChangedFile): boolean {
  if (file.status === 'removed') return false;
  if (TOKEN_CONFIGS.has(lowerBaseName(file.path))) return hasLiteralToken(file);
  return isSecretFileName(file.path);
}

function secretLines(context: PolicyContext): { locations: LocationList; files: string[]; kinds: string[] } {
  const locations = new LocationList(context);
  const files: string[] = [];
  const kinds: string[] = [];
  // An index loop: this runs cold, over every file, where for…of allocates per step.
  for (let f = 0; f < context.files.length; f += 1) {
    const file = context.files[f] as ChangedFile;
    if (file.addedCount === 0) continue;
    const fileSecrets = context.secretsOf(file);
    // Most files have none: skip them before creating an iterator (this runs once per file).
    if (fileSecrets.size === 0) continue;
    let found = false;
    for (const [line, secrets] of fileSecrets) {
      for (const span of secrets.spans) {
        if (!span.reported) continue;
        kinds.push(span.kind);
        locations.add(file, line, span.start);
        found = true;
      }
    }
    if (found) files.push(file.path);
  }
  return { locations, files, kinds };
}

export const secretsCategory: RuleCategory<'secrets'> = ruleCategory({
  id: 'secrets',
  description: 'key, certificate and env files; added lines that look like credentials (never echoed back in full)',
  evaluate(context) {
    const rule = context.policy.permissions.secrets;
    const findings: Finding[] = [];
    const files = context.files.filter(isSecretFile);
    if (files.length > 0) {
      findings.push(
        createFinding({ category: 'secrets', level: rule.level, reviewers: rule.reviewers, files: files.map((file) => file.path), message: describeFileChanges(files) }),
      );
    }
    const lines = secretLines(context);
    if (lines.locations.count > 0) {
      const where = lines.files.length === 1 ? (lines.files[0] ?? '') : plural(lines.files.length, 'file');
      const kinds = listWithMore(uniqueSorted(lines.kinds), 4);
      findings.push(
        createFinding({
          category: 'secrets',
          level: rule.level,
          reviewers: rule.reviewers,
          files: lines.files,
          message: `adds ${plural(lines.locations.count, 'possible secret')} (${kinds}) in ${where}`,
          locations: lines.locations.locations,
        }),
      );
    }
    return findings;
  },
});
