import { formatPolicyError, loadPolicy } from '../config/load-policy.js';
import { runOffline } from '../gate/pipeline.js';
import { firstReads } from '../gate/reads.js';
import { escapeForLog } from '../render/escape-log.js';
import { renderComment } from '../render/render-comment.js';
import { toReportJson } from '../report-json.js';
import type { Policy } from '../config/policy.js';
import type { GateResult, Verdict } from '../result.js';
import type { ManifestContent, PrSnapshot } from '../snapshot.js';
import { FAIL_ON, failsJob, type FailOn } from '../verdict.js';
import { CliError, EXIT, usageError, type ExitCode } from './cli-error.js';
import type { CliIo } from './cli-io.js';

export { FAIL_ON, type FailOn } from '../verdict.js';

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
  /** The manifest contents saved beside the snapshot, if any. */
  manifests?: ManifestContent[] | null;
  policy: Policy;
  now: Date;
  workflowPath: string | null;
  json: boolean;
  failOn: FailOn;
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
  return loaded.policy;
}

/**
 * `example` and `evaluate`: the gate pipeline offline on a saved snapshot (plan and decide with
 * what it holds, src/gate/pipeline.ts), then `reportGate`.
 */
export function runGate(input: RunGateInput, io: CliIo): ExitCode {
  const reads = firstReads(input.snapshot, { manifests: input.manifests ?? null });
  const { result } = runOffline(input.policy, reads, { now: input.now, workflowPath: input.workflowPath });
  return reportGate(result, input.json, input.failOn, io);
}

/**
 * The shared tail of `example`, `check` and `evaluate`: print the verdict line and the comment
 * (or the report JSON), and map the verdict to an exit code per `--fail-on`.
 */
export function reportGate(result: GateResult, json: boolean, failOn: FailOn, io: CliIo): ExitCode {
  printGateResult(result, json, io);
  return exitCodeFor(result.verdict, failOn);
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

export function exitCodeFor(verdict: Verdict, failOn: FailOn): ExitCode {
  return failsJob(verdict, failOn) ? EXIT.verdict : EXIT.ok;
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
