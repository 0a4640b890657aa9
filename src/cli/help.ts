import packageJson from '../../package.json' with { type: 'json' };
import { REPOSITORY_URL } from '../project.js';
import { MIN_NODE_MAJOR } from './node-version.js';

/** The CLI's help texts: one general, one per command. Shown by `--help` and `<command> --help`. */

export const VERSION: string = packageJson.version;

export const COMMANDS = ['example', 'validate', 'check', 'evaluate', 'report'] as const;
export type CommandName = (typeof COMMANDS)[number];

const EXIT_CODES = `Exit codes:
  0  done (check and evaluate: whatever the verdict, unless --fail-on is given)
  1  invalid policy or snapshot, file not found, or the GitHub API failed
  2  usage error: unknown command or option, missing or malformed argument
  3  check and evaluate: the verdict is at least --fail-on`;

const ENVIRONMENT = `Environment:
  GITHUB_TOKEN, GH_TOKEN  token for the API (check, report); read access is enough,
                          e.g. GITHUB_TOKEN=$(gh auth token)
  GITHUB_API_URL          REST API URL (default https://api.github.com;
                          GitHub Enterprise Server: https://HOST/api/v3)
  GITHUB_GRAPHQL_URL      GraphQL URL (default: derived from GITHUB_API_URL)`;

export const GENERAL_HELP = `agent-pr-gate ${VERSION} — gate pull requests opened by AI coding agents

Usage: agent-pr-gate <command> [options]

Commands:
  example [name]             run the gate on a bundled example PR, offline
  validate [file...]         check policy files (default .github/agent-pr-gate.yml)
  check owner/repo#123       run the gate on a real PR and print the result; posts nothing
  evaluate --snapshot file   run the gate on a saved PR snapshot, offline
  report owner/repo          aggregate agent PR metrics over a time window

Options:
  -h, --help     show help; \`agent-pr-gate <command> --help\` for a command
  -v, --version  print the version

${ENVIRONMENT}

${EXIT_CODES}

Needs Node.js ${MIN_NODE_MAJOR} or newer. Documentation: ${REPOSITORY_URL}/blob/main/docs/cli.md
`;

export const COMMAND_HELP: Record<CommandName, string> = {
  example: `Usage: agent-pr-gate example [name] [options]

Runs the real gate (detection, policy, reviews, metrics, verdict, comment) on a bundled example
agent PR, offline, and prints the verdict line and the comment markdown it would post.
Without a name, the first example. \`npm start\` runs this command.

Options:
  --list       list the bundled examples
  --json       print the report JSON instead of the verdict and comment
  --save FILE  also write the example PR as a snapshot, to try \`evaluate\` on it
  -h, --help   show this help

${EXIT_CODES}
`,
  validate: `Usage: agent-pr-gate validate [file...]

Checks policy files (default .github/agent-pr-gate.yml) against the schema and prints
  FILE: valid (extends PRESET) and a summary of the resolved levels, or one line per error:
  FILE:LINE:COLUMN: key.path: message
A missing file is an error (the action itself falls back to the \`default\` preset).

Options:
  -h, --help show this help

Exit codes:
  0  every file is valid
  1  a file is invalid or missing
  2  usage error
`,
  check: `Usage: agent-pr-gate check owner/repo#123 [options]
       agent-pr-gate check https://github.com/owner/repo/pull/123 [options]

Runs the gate against a real pull request as the action would (the policy from the PR's base
commit), posts nothing, and prints the verdict line and the comment it would post.

Options:
  --config FILE        use this LOCAL policy file instead of the base commit's (try a policy
                       before rolling it out)
  --policy-path PATH   where the policy lives in the repository, as the workflow's \`config\`
                       input (default .github/agent-pr-gate.yml)
  --workflow PATH      the workflow file that runs the gate, counted under gate-config
  --json               print the report JSON (the action's \`report\` output) instead
  --save FILE          also write the fetched PR snapshot as JSON (for \`evaluate\` and bug reports)
  --fail-on LEVEL      exit 3 when the verdict is at least LEVEL: needs-review, fail or never
                       (default never)
  -h, --help           show this help

${ENVIRONMENT}

${EXIT_CODES}
`,
  evaluate: `Usage: agent-pr-gate evaluate --snapshot FILE [options]

Runs the gate offline on a PR snapshot saved by \`check --save\`, to reproduce a verdict or attach
it to a bug report. The policy is the one saved in the snapshot (the base commit's), unless
--config names a local file.

Options:
  --snapshot FILE      the saved snapshot (required)
  --config FILE        use this LOCAL policy file instead of the snapshot's
  --workflow PATH      the workflow file that runs the gate, counted under gate-config
  --now ISO            evaluation time (default: now); metrics of open PRs run to it
  --json               print the report JSON (the action's \`report\` output) instead
  --fail-on LEVEL      exit 3 when the verdict is at least LEVEL: needs-review, fail or never
                       (default never)
  -h, --help           show this help

${EXIT_CODES}
`,
  report: `Usage: agent-pr-gate report owner/repo [options]
       agent-pr-gate report merge a.json b.json … > org.json
       agent-pr-gate report render report.json [--html out.html]

Report mode, locally: every agent PR created in the window, grouped by agent (PRs, merged,
reverted, success rate, interventions, end-to-end time, rework). Prints the summary markdown,
or the report JSON with --json. Writes nothing to GitHub.

Options:
  --window WINDOW      how far back: Nh, Nd, Nw or an ISO range 2026-01-01..2026-01-15
                       (default 14d)
  --config FILE        use this LOCAL policy file (agent definitions, bots, tiers) instead of
                       the default branch's
  --policy-path PATH   where the policy lives in the repository (default .github/agent-pr-gate.yml)
  --compare SPEC       compare two sides: a second window (2026-01-22..2026-02-04),
                       label:PREFIX, pattern:REGEX (one capture group), or split:DATE
  --evaluate           evaluate PRs the gate never judged with the current policy
                       (at most 2 more requests per such PR)
  --gate-login LOGIN   the gate's app login (github-actions[bot]) when this token is another
                       account: gate states are read only from that app's comments
  --json               print the report JSON instead of the markdown
  --html FILE          also write the report as one self-contained HTML page
  -h, --help           show this help

merge combines report JSON files (one per repository) into one, recomputed from
their PRs; render turns a report JSON file into the markdown or (--html) the page.

${ENVIRONMENT}

Exit codes:
  0  done
  1  the GitHub API failed, or the policy is invalid
  2  usage error
`,
};
