/**
 * Credential-shaped test values, built at run time so the repository itself holds nothing a
 * secret scanner (or GitHub push protection) would flag: every prefix is split from its body, and
 * bodies come from a fixed pseudo-random generator.
 */

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const DIGITS = '0123456789';

/** `length` characters of `alphabet`, the same for the same seed. */
export function randomish(length: number, alphabet = ALNUM, seed = 1): string {
  let state = seed * 2654435761 + 12345;
  let out = '';
  for (let i = 0; i < length; i += 1) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    out += alphabet.charAt((state >>> 16) % alphabet.length);
  }
  return out;
}

const join = (...parts: string[]): string => parts.join('');

export const TOKENS = {
  sendgrid: () => join('S', 'G.', randomish(22, ALNUM, 2), '.', randomish(43, ALNUM, 3)),
  slackApp: () => join('xa', 'pp-1-', randomish(11, UPPER, 4), '-', randomish(13, DIGITS, 5), '-', randomish(64, HEX, 6)),
  stripeWebhook: () => join('wh', 'sec_', randomish(32, ALNUM, 7)),
  gitlab: () => join('gl', 'pat-', randomish(20, ALNUM, 8)),
  npm: () => join('np', 'm_', randomish(36, ALNUM, 9)),
  pypi: () => join('py', 'pi-AgEIcHlwaS5vcmc', randomish(70, ALNUM, 10)),
  anthropic: () => join('sk', '-ant-api03-', randomish(93, ALNUM, 11), 'AA'),
  openai: () => join('sk', '-proj-', randomish(74, ALNUM, 12), 'T3Blbk', 'FJ', randomish(74, ALNUM, 13)),
  githubFineGrained: () => join('git', 'hub_pat_', randomish(82, ALNUM, 14)),
  databricks: () => join('da', 'pi', randomish(32, HEX, 15)),
  digitalocean: () => join('do', 'p_v1_', randomish(64, HEX, 16)),
  huggingface: () => join('h', 'f_', randomish(34, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', 17)),
  shopify: () => join('sh', 'pat_', randomish(32, HEX, 18)),
  twilio: () => join('S', 'K', randomish(32, HEX, 19)),
  /** A PEM private-key block, base64-encoded once more (as a Kubernetes Secret holds it). */
  base64Key: () => Buffer.from(join('-----BEGIN RSA ', 'PRIVATE KEY-----\n', randomish(64, ALNUM, 20), '\n-----END RSA ', 'PRIVATE KEY-----\n')).toString('base64'),
  base64Certificate: () => Buffer.from(join('-----BEGIN ', 'CERTIFICATE-----\n', randomish(64, ALNUM, 21), '\n-----END ', 'CERTIFICATE-----\n')).toString('base64'),
  terraformPassword: () => join('Tr0ub4dor', randomish(6, ALNUM, 22)),
  sha512: () => join('sha', '512-', Buffer.from(randomish(64, ALNUM, 23)).toString('base64')),
  gitSha: () => randomish(40, HEX, 24),
  uuid: () => [randomish(8, HEX, 25), randomish(4, HEX, 26), `4${randomish(3, HEX, 27)}`, `a${randomish(3, HEX, 28)}`, randomish(12, HEX, 29)].join('-'),
};

/** AWS's documented example credentials (https://docs.aws.amazon.com/, "example" keys). */
export const AWS_EXAMPLE_ID = join('AKIA', 'IOSFODNN7', 'EXAMPLE');
export const AWS_EXAMPLE_SECRET = join('wJalrXUtnFEMI', '/K7MDENG/bPxRfiCY', 'EXAMPLEKEY');
