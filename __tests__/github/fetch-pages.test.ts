import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/github/client.js';
import { fetchAllPages, fetchFirstPage } from '../../src/github/fetch-pages.js';
import { typicalScenario } from '../fake-github/scenario.js';
import { startFakeGitHub, type FakeGitHub, type RestAnswer, type RestRoute } from '../fake-github/server.js';
import { TEST_PACING } from '../fake-github/test-pacing.js';

let fake: FakeGitHub | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const ROUTE = 'GET /repos/{owner}/{repo}/things';
const PARAMS = { owner: 'acme', repo: 'widgets' };

/** `/repos/acme/widgets/things`: 250 numbered items, 100 a page, with GitHub's Link header. */
function things(answer?: unknown): RestRoute {
  return {
    method: 'GET',
    path: /^\/repos\/acme\/widgets\/things$/,
    handle: (request): RestAnswer => {
      if (answer !== undefined) return { status: 200, body: answer };
      const page = Number(request.query.get('page') ?? '1');
      const items = Array.from({ length: 250 }, (_, index) => ({ id: index + 1, big: 2 ** 53 - 1 })).slice((page - 1) * 100, page * 100);
      const link = `<${request.baseUrl}/repos/acme/widgets/things?per_page=100&page=3>; rel="last"`;
      const headers: Record<string, string> = page === 1 ? { link } : {};
      return { status: 200, body: items, headers };
    },
  };
}

describe('fetchAllPages', () => {
  it('reads every page, the later ones at once, in order', async () => {
    fake = await startFakeGitHub(typicalScenario(), { rest: [things()] });
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, ...TEST_PACING });
    const items = (await fetchAllPages(client, ROUTE, PARAMS, 30)) as Array<{ id: number; big: number }>;
    expect(items.map((item) => item.id)).toEqual(Array.from({ length: 250 }, (_, index) => index + 1));
    expect(items[0]?.big).toBe(Number.MAX_SAFE_INTEGER);
    expect(fake.requests.map((request) => request.query)).toEqual(['?per_page=100&page=1', '?per_page=100&page=2', '?per_page=100&page=3']);
  });

  it('stops at the page cap', async () => {
    fake = await startFakeGitHub(typicalScenario(), { rest: [things()] });
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, ...TEST_PACING });
    expect(await fetchAllPages(client, ROUTE, PARAMS, 2)).toHaveLength(200);
  });

  it('says so when the answer is not a list', async () => {
    fake = await startFakeGitHub(typicalScenario(), { rest: [things({ message: 'moved' })] });
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, ...TEST_PACING });
    await expect(fetchAllPages(client, ROUTE, PARAMS, 30)).rejects.toThrow(`GitHub API response for ${ROUTE} is not a list`);
  });

  it('leaves error answers to octokit, with their message', async () => {
    fake = await startFakeGitHub(typicalScenario());
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, ...TEST_PACING });
    await expect(fetchAllPages(client, ROUTE, PARAMS, 30)).rejects.toMatchObject({ status: 404, message: expect.stringContaining('Not Found') });
  });
});

describe('fetchFirstPage', () => {
  it('reads page 1 now and the others once, when asked', async () => {
    fake = await startFakeGitHub(typicalScenario(), { rest: [things()] });
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, ...TEST_PACING });
    const first = await fetchFirstPage(client, ROUTE, PARAMS, 30);
    expect([first.items.length, first.more, fake.requests.length]).toEqual([100, true, 1]);
    const [all, again] = await Promise.all([first.all(), first.all()]);
    expect(all).toHaveLength(250);
    expect(again).toBe(all);
    expect(fake.requests).toHaveLength(3);
  });

  it('has no more within a cap of one page, or on a list of one page', async () => {
    fake = await startFakeGitHub(typicalScenario(), { rest: [things()] });
    const client = createGitHubClient({ token: 't', apiUrl: fake.url, ...TEST_PACING });
    const capped = await fetchFirstPage(client, ROUTE, PARAMS, 1);
    expect([capped.more, (await capped.all()).length]).toEqual([false, 100]);
    await fake.close();
    fake = await startFakeGitHub(typicalScenario(), { rest: [things([{ id: 1 }])] });
    const single = await fetchFirstPage(createGitHubClient({ token: 't', apiUrl: fake.url, ...TEST_PACING }), ROUTE, PARAMS, 30);
    expect([single.more, await single.all()]).toEqual([false, [{ id: 1 }]]);
    expect(fake.requests).toHaveLength(1);
  });
});
