import { defaultGraphqlUrl } from '../github/runner-env.js';
import { CliError } from './cli-error.js';

export interface ApiEnv {
  token: string;
  apiUrl: string;
  graphqlUrl: string;
}

export const DEFAULT_API_URL = 'https://api.github.com';

/**
 * The token and API URLs for `check` and `report`: GITHUB_TOKEN (else GH_TOKEN), GITHUB_API_URL
 * (GitHub Enterprise Server: `https://HOST/api/v3`) and GITHUB_GRAPHQL_URL, which defaults to
 * GHES's `https://HOST/api/graphql` for a `/api/v3` URL and to `API_URL/graphql` otherwise.
 */
export function readApiEnv(env: Readonly<Record<string, string | undefined>>, command: string): ApiEnv {
  const token = (env.GITHUB_TOKEN?.trim() || env.GH_TOKEN?.trim()) ?? '';
  if (token === '') {
    throw new CliError(`${command} needs a GitHub token: set GITHUB_TOKEN or GH_TOKEN (for example GITHUB_TOKEN=$(gh auth token))`);
  }
  const apiUrl = (env.GITHUB_API_URL?.trim() || DEFAULT_API_URL).replace(/(?<!\/)\/+$/, '');
  checkUrl(apiUrl, 'GITHUB_API_URL');
  const explicitGraphql = env.GITHUB_GRAPHQL_URL?.trim();
  const graphqlUrl = explicitGraphql ? explicitGraphql.replace(/(?<!\/)\/+$/, '') : defaultGraphqlUrl(apiUrl);
  if (explicitGraphql) checkUrl(graphqlUrl, 'GITHUB_GRAPHQL_URL');
  return { token, apiUrl, graphqlUrl };
}

function checkUrl(url: string, name: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(`${name} is not a URL: "${url}"`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new CliError(`${name} must be an http(s) URL, got "${url}"`);
}
