/**
 * Cases for the secrets adversarial suite (docs/security.md): credentials an agent could add in a
 * shape a line-by-line token list would miss, and lines close to one that are not. No tests here:
 * secrets.test.ts runs them on the core, bundle.test.ts through `node dist/index.js`.
 */
import { addedPatch, file } from '../factories.js';
import type { AdversarialCase } from './harness.js';
import { AWS_EXAMPLE_ID, AWS_EXAMPLE_SECRET, TOKENS } from './secret-tokens.js';

const changed = (path: string, lines: string[]) => file(path, addedPatch(lines));

/** An evasion and the secret it adds (to check it is never echoed). */
export interface Evasion extends AdversarialCase {
  secret: string;
}
const evasion = (name: string, path: string, secret: string, lines: (secret: string) => string[]): Evasion => ({ name, category: 'secrets', files: [changed(path, lines(secret))], secret });

/** Credentials an agent could add in a shape a line-by-line token list would miss. */
export const EVASIONS: Evasion[] = [
  evasion('a SendGrid key in a TypeScript constant', 'src/mail.ts', TOKENS.sendgrid(), (t) => [`const client = mailer("${t}");`]),
  evasion('a Slack app-level token (xapp-) as a YAML value', 'config/slack.yml', TOKENS.slackApp(), (t) => ['socket_mode:', `  app: ${t}`]),
  evasion('a Stripe webhook secret in a .env.example that is real', '.env.example', TOKENS.stripeWebhook(), (t) => [`STRIPE_WEBHOOK=${t}`]),
  evasion('a GitLab token in a JSON test fixture', '__tests__/fixtures/ci.json', TOKENS.gitlab(), (t) => ['{', `  "gitlab": "${t}"`, '}']),
  evasion('an npm token in a Dockerfile ENV', 'Dockerfile', TOKENS.npm(), (t) => ['FROM node:24', `ENV NODE_AUTH=${t}`]),
  evasion('a PyPI token on a twine command line', 'scripts/publish.sh', TOKENS.pypi(), (t) => [`twine upload -u __token__ -p ${t} dist/*`]),
  evasion('an Anthropic key on a markdown line that itself starts with + (a diff shown in docs)', 'docs/setup.md', TOKENS.anthropic(), (t) => ['```diff', `+ANTHROPIC=${t}`, '```']),
  evasion('an OpenAI project key in Python', 'app/llm.py', TOKENS.openai(), (t) => [`client = OpenAI(api=("${t}"))`]),
  evasion('a fine-grained GitHub token in a shell default', 'scripts/release.sh', TOKENS.githubFineGrained(), (t) => [`GH="\${GH:-${t}}"`]),
  evasion('a base64-wrapped private key in a Kubernetes Secret', 'deploy/tls.yaml', TOKENS.base64Key(), (t) => ['data:', `  tls.key: ${t}`]),
  evasion('a Databricks token in a notebook cell', 'notebooks/etl.py', TOKENS.databricks(), (t) => [`dbutils.widgets.text("t", "${t}")`]),
  evasion('a DigitalOcean token in a Terraform variable default', 'infra/do.tf', TOKENS.digitalocean(), (t) => ['variable "do" {', `  default = "${t}"`, '}']),
  evasion('a short Terraform password (gitleaks path rule)', 'infra/db.tf', TOKENS.terraformPassword(), (t) => [`  administrator_login_password = "${t}"`]),
  evasion('a Hugging Face token in a notebook JSON string', 'notebooks/model.ipynb', TOKENS.huggingface(), (t) => [`    "login('${t}')\\n",`]),
  evasion('a Shopify token in a Ruby hash', 'config/shop.rb', TOKENS.shopify(), (t) => [`SHOP = { access: '${t}' }`]),
  evasion('a Twilio API key SID in a comment', 'src/sms.ts', TOKENS.twilio(), (t) => [`// rotate ${t} next quarter`]),
];

/** Lines that look close to a credential and are not one. */
export const NEAR_MISSES: AdversarialCase[] = [
  { name: 'a SendGrid-shaped placeholder', category: 'secrets', files: [changed('src/mail.ts', [`const client = mailer("SG.${'x'.repeat(22)}.${'x'.repeat(43)}");`])] },
  { name: 'a Slack token taken from the environment', category: 'secrets', files: [changed('config/slack.yml', ['socket_mode:', '  app: ${SLACK_APP_TOKEN}'])] },
  { name: 'a Stripe secret read from Actions secrets', category: 'secrets', files: [changed('.github/actions-env.txt', ['STRIPE_WEBHOOK=${{ secrets.STRIPE_WEBHOOK }}'])] },
  { name: 'UUIDs and a commit SHA in a JSON fixture', category: 'secrets', files: [changed('__tests__/fixtures/run.json', [`{ "requestId": "${TOKENS.uuid()}", "token": "${TOKENS.uuid()}", "sha": "${TOKENS.gitSha()}" }`])] },
  { name: 'a Dockerfile ENV from a build argument', category: 'secrets', files: [changed('Dockerfile', ['ARG NODE_AUTH', 'ENV NODE_AUTH=${NODE_AUTH}'])] },
  { name: 'lockfile integrity hashes', category: 'secrets', files: [changed('package-lock.json', [`      "integrity": "${TOKENS.sha512()}",`, `      "resolved": "https://registry.npmjs.org/sk/-/sk-1.0.0.tgz"`])] },
  { name: 'AWS documentation example keys', category: 'secrets', files: [changed('docs/aws.md', [`aws_access_key_id = ${AWS_EXAMPLE_ID}`, `aws_secret_access_key = ${AWS_EXAMPLE_SECRET}`])] },
  { name: 'an API key read from the environment in Python and TypeScript', category: 'secrets', files: [changed('app/llm.py', ['client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])']), changed('src/llm.ts', ['const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });'])] },
  { name: 'a base64-encoded certificate (public, not a key)', category: 'secrets', files: [changed('deploy/tls.yaml', ['data:', `  tls.crt: ${TOKENS.base64Certificate()}`])] },
  { name: 'a Terraform password from a variable', category: 'secrets', files: [changed('infra/db.tf', ['  administrator_login_password = var.admin_password'])] },
  { name: 'a Sourcegraph link pinned to a commit', category: 'secrets', files: [changed('docs/links.md', [`See https://sourcegraph.com/github.com/acme/app@${TOKENS.gitSha()}/-/blob/main.go`])] },
  { name: 'a go.sum line and a container digest', category: 'secrets', files: [changed('go.sum', [`github.com/acme/sk v1.0.0 h1:${Buffer.from(TOKENS.gitSha()).toString('base64').slice(0, 43)}=`]), changed('k8s/app.yaml', [`image: ghcr.io/acme/app@sha256:${TOKENS.gitSha()}${TOKENS.gitSha().slice(0, 24)}`])] },
  { name: 'ordinary code with "key", "task" and "items." in it', category: 'secrets', files: [changed('src/tasks.ts', ['const key = task.items.map((item) => item.id).join(",");', 'if (monkey.keys.length > 0) riskScore += 1;'])] },
];
