import http from 'node:http';
import { parseLinkHeader } from '../testing/link-header';
import { accountEntity, contextEntity, errorEntity, statusEntity } from '../testing/mastodon-schemas';
import { startTestSandbox } from '../testing/test-sandbox';
import type { RunningSandbox } from '../testing/test-sandbox';
import type { Actor } from '../world/world-model';

describe('Mastodon REST API', () => {
  let running: RunningSandbox;
  let councillor: Actor;

  beforeAll(async () => {
    running = await startTestSandbox();
    const { world } = running.sandbox;
    councillor = world.actors
      .filter((a) => a.kind === 'councillor' && a.platform === 'mastodon' && !a.hideCollections)
      .sort((a, b) => world.followers(b.index).length - world.followers(a.index).length)[0];
  });

  afterAll(() => running.sandbox.close());

  it('looks an account up by acct, with or without the instance, and by id', async () => {
    const full = accountEntity.parse(
      await running.getJson(`/api/v1/accounts/lookup?acct=${councillor.handle}@${councillor.domain}`),
    );
    expect(full.acct).toBe(`${councillor.handle}@${councillor.domain}`);
    const bare = accountEntity.parse(
      await running.getJson(`/api/v1/accounts/lookup?acct=${councillor.handle}`),
    );
    expect(bare.id).toBe(full.id);
    const byId = accountEntity.parse(await running.getJson(`/api/v1/accounts/${full.id}`));
    expect(byId.followers_count).toBe(running.sandbox.world.followers(councillor.index).length);
    expect(byId.fields.some((f) => f.name === 'Location')).toBe(true);
    expect(byId.note).toMatch(/^<p>.*<\/p>$/);
  });

  it('writes acct bare when the request reaches the account’s own instance', async () => {
    // fetch may not set Host, so this request goes through node:http.
    const body = await new Promise<string>((resolve, reject) => {
      const target = new URL(`/api/v1/accounts/${councillor.externalId}`, running.url);
      const request = http.get(target, { headers: { host: councillor.domain } }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => resolve(text));
      });
      request.on('error', reject);
    });
    expect(accountEntity.parse(JSON.parse(body)).acct).toBe(councillor.handle);
  });

  it('answers unknown records with 404 Record not found and sends rate-limit headers', async () => {
    const response = await running.get('/api/v1/accounts/123');
    expect(response.status).toBe(404);
    expect(errorEntity.parse(await response.json())).toEqual({ error: 'Record not found' });
    expect(Number(response.headers.get('x-ratelimit-limit'))).toBe(300);
    expect(Number.isNaN(Date.parse(response.headers.get('x-ratelimit-reset')!))).toBe(false);
    expect((await running.get('/api/v1/accounts/lookup?acct=nobody@mas.to')).status).toBe(404);
    expect((await running.get('/api/v1/statuses/1/context')).status).toBe(404);
  });

  it('pages followers through the Link header, every follower exactly once', async () => {
    const ids: string[] = [];
    let next: string | null = `/api/v1/accounts/${councillor.externalId}/followers?limit=80`;
    let pages = 0;
    while (next && pages++ < 1000) {
      const response = await running.get(next);
      const accounts = accountEntity.array().parse(await response.json());
      ids.push(...accounts.map((a) => a.id));
      const links = parseLinkHeader(response.headers.get('link'));
      if (accounts.length > 0) expect(links.prev.searchParams.get('since_id')).toMatch(/^\d+$/);
      next = links.next ? links.next.pathname + links.next.search : null;
      if (links.next) expect(links.next.searchParams.get('limit')).toBe('80');
    }
    const { world } = running.sandbox;
    expect(ids).toEqual(
      [...world.followers(councillor.index)].reverse().map((e) => world.actors[e.follower].externalId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('caps limit at 80 for accounts and 40 for statuses, as Mastodon does', async () => {
    const followers = accountEntity
      .array()
      .parse(await running.getJson(`/api/v1/accounts/${councillor.externalId}/followers?limit=500`));
    expect(followers.length).toBeLessThanOrEqual(80);
    const statuses = statusEntity
      .array()
      .parse(await running.getJson(`/api/v1/accounts/${councillor.externalId}/statuses?limit=100`));
    expect(statuses.length).toBeLessThanOrEqual(40);
    const defaults = statusEntity
      .array()
      .parse(await running.getJson(`/api/v1/accounts/${councillor.externalId}/statuses`));
    expect(defaults.length).toBeLessThanOrEqual(20);
  });

  it('hides the lists of an account with hide_collections', async () => {
    const { world } = running.sandbox;
    const hidden = world.actors.find(
      (a) => a.platform === 'mastodon' && a.hideCollections && world.followers(a.index).length > 0,
    )!;
    const account = accountEntity.parse(await running.getJson(`/api/v1/accounts/${hidden.externalId}`));
    expect(account.hide_collections).toBe(true);
    expect(account.followers_count).toBeGreaterThan(0);
    expect(await running.getJson(`/api/v1/accounts/${hidden.externalId}/followers`)).toEqual([]);
  });

  it('pages statuses with max_id, since_id and min_id, and can exclude reblogs', async () => {
    const path = `/api/v1/accounts/${councillor.externalId}/statuses`;
    const all: string[] = [];
    let next: string | null = `${path}?limit=40`;
    while (next) {
      const response = await running.get(next);
      const page = statusEntity.array().parse(await response.json());
      all.push(...page.map((s) => s.id));
      const links = parseLinkHeader(response.headers.get('link'));
      next = links.next ? links.next.pathname + links.next.search : null;
    }
    expect(all).toHaveLength(running.sandbox.world.postsBy(councillor.index).length);
    const sorted = [...all].sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : -1));
    expect(all).toEqual(sorted);
    const newer = statusEntity.array().parse(await running.getJson(`${path}?min_id=${all[10]}&limit=3`));
    expect(newer.map((s) => s.id)).toEqual(all.slice(7, 10));
    const since = statusEntity.array().parse(await running.getJson(`${path}?since_id=${all[10]}&limit=3`));
    expect(since.map((s) => s.id)).toEqual(all.slice(0, 3));
    const originalsOnly = statusEntity
      .array()
      .parse(await running.getJson(`${path}?exclude_reblogs=true&limit=40`));
    expect(originalsOnly.every((s) => s.reblog === null)).toBe(true);
  });

  it('returns a status’s context with ancestors and descendants', async () => {
    const { world } = running.sandbox;
    const post = world
      .postsBy(councillor.index)
      .map((i) => world.posts[i])
      .find((p) => p.kind === 'original' && p.replies.some((r) => world.posts[r].replies.length > 0))!;
    const context = contextEntity.parse(await running.getJson(`/api/v1/statuses/${post.statusId}/context`));
    expect(context.ancestors).toEqual([]);
    expect(context.descendants.length).toBeGreaterThanOrEqual(2);
    expect(context.descendants[0].in_reply_to_id).toBe(post.statusId);
    const answer = context.descendants.find((s) => s.account.id === councillor.externalId)!;
    const upward = contextEntity.parse(await running.getJson(`/api/v1/statuses/${answer.id}/context`));
    expect(upward.ancestors[0].id).toBe(post.statusId);
  });
});
