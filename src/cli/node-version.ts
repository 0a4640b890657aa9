/**
 * The Node.js versions the CLI supports (package.json `engines`, docs/cli.md): 22 and newer. Node
 * 20 reached end of life in April 2026. On an older Node the CLI says so in one line on stderr and
 * carries on; AGENT_PR_GATE_ANY_NODE=1 silences the line (the project's own suite runs on build
 * machines that still have Node 20).
 */
export const MIN_NODE_MAJOR = 22;

/** The warning for this Node, or null when it is supported. */
export function unsupportedNode(version: string, env: Record<string, string | undefined>): string | null {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1] ?? Number.NaN);
  if (!(major < MIN_NODE_MAJOR) || env.AGENT_PR_GATE_ANY_NODE === '1') return null;
  return `agent-pr-gate: warning: it needs Node.js ${MIN_NODE_MAJOR} or newer, and this is Node.js ${version.replace(/^v/, '')}; if it fails, install a current Node.js (https://nodejs.org/).`;
}
