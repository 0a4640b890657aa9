import { pullRequestFields, pullRequestFragments, type PullRequestSelection } from './graphql-queries.js';

/**
 * Report mode's GraphQL queries (docs/report-mode.md, "API use"), beside the gate's
 * (graphql-queries.ts). The answers are parsed by report-schemas.ts.
 */

export const REPORT_SEARCH_OPERATION = 'AgentPrGateReportSearch';
export const REPORT_CONTEXT_OPERATION = 'AgentPrGateReportContext';
export const REPORT_HISTORY_OPERATION = 'AgentPrGateReportHistory';

/** PRs per search request (GitHub allows up to 100; 50 keeps each answer's size moderate). */
export const SEARCH_PAGE_SIZE = 50;
/** GitHub's search answers at most this many results per query. */
export const SEARCH_RESULT_CAP = 1000;
/**
 * Changed file paths read per PR in the search (for the path areas of guardrail suggestions):
 * 50 PRs × 50 paths is 2,500 nodes per page, far inside GitHub's 500,000-node limit. A PR with
 * more files is judged by its first 50 (the areas of a very large PR are rarely one directory).
 */
export const REPORT_FILE_PATHS = 50;

// The pull request fields of AgentPrGateSnapshot (src/github/graphql-queries.ts), so the answer
// parses with the same schemas and maps with the same code; reviews leave out their inline
// comments (fetch-report.ts reads them repository-wide), `mergeCommit` is added for revert
// detection and the first file paths for path areas.
const REPORT_SELECTION: PullRequestSelection = {
  reviewComments: false,
  extraFields: `mergeCommit { oid }\n  files(first: ${REPORT_FILE_PATHS}) { totalCount nodes { path } }`,
};

export const REPORT_SEARCH_QUERY = `
query ${REPORT_SEARCH_OPERATION}($q: String!, $first: Int!, $after: String) {
  search(type: ISSUE, query: $q, first: $first, after: $after) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes { __typename ...ReportPullRequest }
  }
}

fragment ReportPullRequest on PullRequest {${pullRequestFields(REPORT_SELECTION)}}
${pullRequestFragments(REPORT_SELECTION)}`;

const HISTORY_FIELDS = `
history(first: 100, since: $since, after: $after) {
  pageInfo { hasNextPage endCursor }
  nodes { oid message committedDate url }
}`;

export const REPORT_CONTEXT_QUERY = `
query ${REPORT_CONTEXT_OPERATION}($owner: String!, $name: String!, $policyExpression: String!, $since: GitTimestamp!, $after: String) {
  viewer { login databaseId }
  repository(owner: $owner, name: $name) {
    policyFile: object(expression: $policyExpression) { __typename ... on Blob { text isBinary isTruncated } }
    defaultBranchRef { name target { __typename ... on Commit { ${HISTORY_FIELDS} } } }
  }
}`;

export const REPORT_HISTORY_QUERY = `
query ${REPORT_HISTORY_OPERATION}($owner: String!, $name: String!, $since: GitTimestamp!, $after: String) {
  repository(owner: $owner, name: $name) {
    defaultBranchRef { target { __typename ... on Commit { ${HISTORY_FIELDS} } } }
  }
}`;
