import './zod-jitless.js';
import { runCli } from './cli/run-cli.js';
import { unsupportedNode } from './cli/node-version.js';

const warning = unsupportedNode(process.versions.node, process.env);
if (warning) process.stderr.write(`${warning}\n`);
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
});
