/**
 * Where the project lives, defined once (docs/development.md, "Identity"): the GitHub repository
 * that serves the action and the published JSON Schema, and the npm package of the CLI.
 * package.json, action references in README.md, docs/ and examples/, and the `$schema` URL are
 * checked against these by __tests__/project/identity.test.ts.
 */
export const REPOSITORY = 'agent-pr-gate/agent-pr-gate';
export const NPM_PACKAGE = 'agent-pr-gate';
/** The moving major tag users pin (`uses: agent-pr-gate/agent-pr-gate@v1`). */
export const MAJOR_TAG = 'v1';
export const ACTION_REF = `${REPOSITORY}@${MAJOR_TAG}`;
export const REPOSITORY_URL = `https://github.com/${REPOSITORY}`;
/** The policy file's JSON Schema as served from the major tag, for `# yaml-language-server: $schema=…`. */
export const SCHEMA_URL = `https://raw.githubusercontent.com/${REPOSITORY}/${MAJOR_TAG}/policies/agent-pr-gate.schema.json`;
