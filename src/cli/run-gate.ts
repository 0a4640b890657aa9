import { formatPolicyError, loadPolicy } from '../config/load-policy.js';
import { evaluateGate } from '../evaluate.js';
import { escapeForLog } from '../render/escape-log.js';
import { renderComment } from '../render/render-comment.js';
import { toReportJson } from '../report-json.js';
import type { Policy } from '../config/policy.js';
import type { Finding, GateResult, Verdict } from '../result.js';
import type { PrSnapshot } from '../snapshot.js';
import { CliError, EXIT, usageError, type ExitCode } from './cli-error.js';
import type { CliIo } from './cli-io.js';

export const FAIL_ON = ['needs-review', 'fail', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Where the policy text came from, for the note on stderr and the error locations. */
export interface PolicySource {
  /** The file's text; null means no file (the `default` preset). */
  text: string | null;
  /** File name used in error locations. */
  fileName: string;
  /** How to describe it: "on the base commit", "local file", "example". */
  origin: string;
}

export interface RunGateInput {
  snapshot: PrSnapshot;
  policy: Policy;
  now: Date;
  workflowPath: string | null;
  json: boolean;
  failOn: FailOn;
  /** The permission findings when the caller already has them (`fetchGateLookups`). */
  findings?: Finding[] | null;
}

/**
 * The policy in force for a CLI run, resolved like the action does (`loadPolicy`), with a note on
 * stderr saying which file it is. An invalid policy prints its located errors on stderr and
 * ends with a CliError (exit 1).
 */
export function resolvePolicy(source: PolicySource, io: CliIo): Policy {
  const loaded = loadPolicy(source.text, source.fileName);
  if (!loaded.ok) {
    for (const error of loaded.errors) io.stderr(`${formatPolicyError(error)}\n`);
    const count = loaded.errors.length === 1 ? '1 error' : `${loaded.errors.length} errors`;
    throw new CliError(`the policy ${source.fileName} (${source.origin}) is invalid: ${count} above`);
  }
  const described =
    source.text === null
      ? `no ${source.fileName} ${source.origin}: the \`default\` preset`
      : `${source.fileName} (${source.origin}, extends ${loaded.policy.preset})`;
  io.stderr(`policy: ${described}\n`);
  for (const warning of loaded.warnings) io.stderr(`${source.fileName}: warning: ${warning}\n`);
  return loaded.policy;
}

/**
 * The shared tail of `example`, `check` and `evaluate`: run the real gate core (`evaluateGate`),
 * print the verdict line and the comment (or the report JSON), and map the verdict to an exit
 * code per `--fail-on`.
 */
export function runGate(input: RunGateInput, io: CliIo): ExitCode {
  const result = evaluateGate(input.policy, input.snapshot, { now: input.now, workflowPath: input.workflowPath, findings: input.findings ?? null });
  printGateResult(result, input.json, io);
  return exitCodeFor(result.verdict, input.failOn);
}

export function printGateResult(result: GateResult, json: boolean, io: CliIo): void {
  if (json) {
    io.stdout(`${JSON.stringify(toReportJson(result), null, 2)}\n`);
    return;
  }
  io.stdout(`${renderVerdictLine(result)}\n\n`);
  if (result.verdict === 'skipped') {
    io.stdout('No comment is posted on a PR that is not agent-authored; an existing gate comment would be edited to:\n\n');
  }
  const comment = renderComment(result);
  io.stdout(comment.endsWith('\n') ? comment : `${comment}\n`);
}

/** `Verdict: needs-review (copilot) — <summary>`. */
export function renderVerdictLine(result: GateResult): string {
  const agent = result.detection.agent ? ` (${result.detection.agent})` : '';
  // The CLI may run in a workflow: the summary carries PR text, so it cannot start a workflow command.
  return `Verdict: ${result.verdict}${agent} — ${escapeForLog(result.summary)}`;
}

const RANK: Record<Verdict, number> = { skipped: 0, pass: 0, 'needs-review': 1, fail: 2 };

export function exitCodeFor(verdict: Verdict, failOn: FailOn): ExitCode {
  if (failOn === 'never') return EXIT.ok;
  return RANK[verdict] >= RANK[failOn] ? EXIT.verdict : EXIT.ok;
}

export function parseFailOn(value: string | undefined, command: string): FailOn {
  if (value === undefined) return 'never';
  if ((FAIL_ON as readonly string[]).includes(value)) return value as FailOn;
  throw usageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, got "${value}"`, command);
}

/** `--now`: an ISO 8601 time; a date alone means midnight UTC. */
export function parseNow(value: string | undefined, io: CliIo, command: string): Date {
  if (value === undefined) return io.now();
  const time = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw usageError(`--now must be an ISO 8601 time such as 2026-03-02T11:00:00Z, got "${value}"`, command);
  return new Date(time);
}
