import type { ClientPacing } from '../../src/github/client.js';

/**
 * The API client's pacing for in-process tests against the fake API: retry waits in milliseconds
 * instead of seconds (a "9 s" back-off takes 9 ms), and writes and GraphQL queries not spaced.
 * Retry and rate-limit decisions are the production ones; the e2e tests (`node dist/index.js`)
 * run with the production pacing itself.
 */
export const TEST_PACING: ClientPacing = { msPerWaitSecond: 1, writeSpacingMs: 0 };
