import { startTestSandbox } from '../testing/test-sandbox';
import type { RunningSandbox } from '../testing/test-sandbox';
import { xProblem, xTweetsLookup, xTweetsPage, xUserResponse, xUsersPage } from '../testing/x-schemas';
import type { Actor } from '../world/world-model';

describe('X API v2', () => {
  let running: RunningSandbox;
  let councillor: Actor;
  const auth = { authorization: 'Bearer sandbox-x-token' };

  beforeAll(async () => {
    running = await startTestSandbox();
    const { world } = running.sandbox;
    councillor = world.actors
      .filter((a) => a.kind === 'councillor' && a.platform === 'x')
      .sort((a, b) => world.followers(b.index).length - world.followers(a.index).length)[0];
  });

  afterAll(() => running.sandbox.close());

  it('refuses requests without the bearer token', async () => {
    const response = await running.get(`/2/users/by/username/${councillor.handle}`);
    expect(response.status).toBe(401);
    expect(xProblem.parse(await response.json()).title).toBe('Unauthorized');
    expect(response.headers.get('x-rate-limit-limit')).toBe('900');
  });

  it('looks a user up by username and by id, with public metrics', async () => {
    const path = `/2/users/by/username/${councillor.handle}?user.fields=public_metrics,description,location`;
    const byName = xUserResponse.parse(await (await running.get(path, auth)).json());
    expect(byName.data?.id).toBe(councillor.externalId);
    expect(byName.data?.public_metrics?.followers_count).toBe(
      running.sandbox.world.followers(councillor.index).length,
    );
    const byId = xUserResponse.parse(
      await (await running.get(`/2/users/${councillor.externalId}`, auth)).json(),
    );
    expect(byId.data).toEqual({
      id: councillor.externalId,
      name: councillor.displayName,
      username: councillor.handle,
    });
    const missing = await running.get('/2/users/by/username/nobody_here', auth);
    expect(missing.status).toBe(200);
    expect(xUserResponse.parse(await missing.json()).errors?.[0].title).toBe('Not Found Error');
  });

  it('pages every follower exactly once with next_token', async () => {
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const query = `max_results=1000${token ? `&pagination_token=${token}` : ''}`;
      const page = xUsersPage.parse(
        await (await running.get(`/2/users/${councillor.externalId}/followers?${query}`, auth)).json(),
      );
      ids.push(...(page.data ?? []).map((u) => u.id));
      token = page.meta.next_token;
    } while (token);
    const { world } = running.sandbox;
    expect(ids).toEqual(
      [...world.followers(councillor.index)].reverse().map((e) => world.actors[e.follower].externalId),
    );
  });

  it('lists the accounts a user follows', async () => {
    const page = xUsersPage.parse(
      await (await running.get(`/2/users/${councillor.externalId}/following?max_results=1000`, auth)).json(),
    );
    const { world } = running.sandbox;
    expect((page.data ?? []).map((u) => u.id)).toEqual(
      [...world.follows(councillor.index)].reverse().map((e) => world.actors[e.subject].externalId),
    );
  });

  it('pages the timeline newest first, and honours since_id', async () => {
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const query = `max_results=7&tweet.fields=created_at,public_metrics,referenced_tweets,entities${token ? `&pagination_token=${token}` : ''}`;
      const page = xTweetsPage.parse(
        await (await running.get(`/2/users/${councillor.externalId}/tweets?${query}`, auth)).json(),
      );
      ids.push(...(page.data ?? []).map((t) => t.id));
      token = page.meta.next_token;
    } while (token);
    expect(ids).toHaveLength(running.sandbox.world.postsBy(councillor.index).length);
    expect([...ids].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1))).toEqual(ids);
    const newer = xTweetsPage.parse(
      await (await running.get(`/2/users/${councillor.externalId}/tweets?since_id=${ids[3]}`, auth)).json(),
    );
    expect(newer.data?.map((t) => t.id)).toEqual(ids.slice(0, 3));
    const bad = await running.get(`/2/users/${councillor.externalId}/tweets?max_results=500`, auth);
    expect(bad.status).toBe(400);
  });

  it('lists mentions, replies included, and looks tweets up with partial errors', async () => {
    const mentions = xTweetsPage.parse(
      await (
        await running.get(
          `/2/users/${councillor.externalId}/mentions?max_results=100&tweet.fields=author_id,entities`,
          auth,
        )
      ).json(),
    );
    expect(mentions.meta.result_count).toBeGreaterThan(0);
    const times = mentions.data!.map((t) => BigInt(t.id));
    expect([...times].sort((a, b) => (b > a ? 1 : b < a ? -1 : 0))).toEqual(times);
    expect(
      mentions.data!.every(
        (t) =>
          t.author_id !== councillor.externalId &&
          t.entities?.mentions?.some((m) => m.id === councillor.externalId),
      ),
    ).toBe(true);
    const ids = mentions.data!.slice(0, 2).map((t) => t.id);
    const lookup = xTweetsLookup.parse(
      await (await running.get(`/2/tweets?ids=${[...ids, '1'].join(',')}`, auth)).json(),
    );
    expect(lookup.data?.map((t) => t.id)).toEqual(ids);
    expect(lookup.errors).toHaveLength(1);
  });
});
