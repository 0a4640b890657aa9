import type { Lookups, Permission } from '../snapshot.js';
import type { GitHubClient } from './client.js';
import { statusOf, describeError } from './errors.js';
import { fetchAllPages } from './fetch-pages.js';
import { parseResponse, RestPermissionSchema, RestTeamMembersSchema } from './schemas.js';

/**
 * Answers the lookups the core asked for (`detectionLookups` + `planLookups`), all in parallel:
 * a login's repository permission and a team's members. A lookup the token is not allowed to make
 * answers with one sentence naming the permission to add, so the comment can say so instead of
 * guessing.
 */

export interface LookupRequest {
  /** Logins whose repository permission is needed. */
  permissions: string[];
  /** Teams as `org/team` (a leading `@` is allowed). */
  teams: string[];
}

const ROLES: readonly Permission[] = ['admin', 'maintain', 'write', 'triage', 'read', 'none'];

/** `role_name` when it is a built-in role, else the base `permission` (custom roles). */
export function permissionFrom(answer: { permission: string; role_name?: string | undefined }): Permission {
  const role = answer.role_name?.toLowerCase();
  if (role && (ROLES as readonly string[]).includes(role)) return role as Permission;
  const base = answer.permission.toLowerCase();
  if ((ROLES as readonly string[]).includes(base)) return base as Permission;
  return 'none';
}

async function fetchPermission(client: GitHubClient, repo: { owner: string; name: string }, login: string) {
  try {
    const answer = await client.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
      owner: repo.owner,
      repo: repo.name,
      username: login,
    });
    return permissionFrom(parseResponse(RestPermissionSchema, answer.data, `GitHub's answer about ${login}'s repository permission`));
  } catch (error) {
    const status = statusOf(error);
    if (status === 403 || status === 404) {
      return {
        error: `could not read ${login}'s repository permission (HTTP ${status}): the token needs the \`metadata: read\` repository permission, and ${login} must be an existing account`,
      };
    }
    return { error: `could not read ${login}'s repository permission: ${describeError(error)}` };
  }
}

async function fetchTeam(client: GitHubClient, team: string) {
  const [org, slug] = team.replace(/^@/, '').split('/');
  if (!org || !slug) return { error: `${team} is not a team (expected @org/team)` };
  try {
    const items = await fetchAllPages(client, 'GET /orgs/{org}/teams/{team_slug}/members', { org, team_slug: slug }, 100);
    const members = parseResponse(RestTeamMembersSchema, items, `GitHub's list of the members of @${org}/${slug}`);
    return { members: members.map((member) => member.login) };
  } catch (error) {
    const status = statusOf(error);
    if (status === 403 || status === 404) {
      return {
        error: `the token cannot read the members of @${org}/${slug} (HTTP ${status}): give it the \`members: read\` organization permission (the default GITHUB_TOKEN cannot have it; use a GitHub App token or a token with \`read:org\`)`,
      };
    }
    return { error: `could not read the members of @${org}/${slug}: ${describeError(error)}` };
  }
}

export async function fetchLookups(
  client: GitHubClient,
  repo: { owner: string; name: string },
  request: LookupRequest,
): Promise<Lookups> {
  const logins = [...new Set(request.permissions)];
  const teams = [...new Set(request.teams)];
  const [permissions, members] = await Promise.all([
    Promise.all(logins.map((login) => fetchPermission(client, repo, login))),
    Promise.all(teams.map((team) => fetchTeam(client, team))),
  ]);
  const lookups: Lookups = { permissions: {}, teams: {} };
  logins.forEach((login, index) => {
    lookups.permissions[login] = permissions[index] ?? { error: 'not looked up' };
  });
  teams.forEach((team, index) => {
    lookups.teams[team] = members[index] ?? { error: 'not looked up' };
  });
  return lookups;
}
