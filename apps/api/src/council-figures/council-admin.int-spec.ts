import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type {
  CivicAccountListResponse,
  CivicAccountView,
  FigureSettingsResponse,
  SupportResponse,
} from '@wardreach/contracts';
import { Client } from 'pg';
import { pseudonymise } from '../common/pseudonymise';
import { SECRET_KEY } from '../common/secret-key.token';
import { FixedClock } from '../testing/fixed-clock';
import { startLocalHttpServer, type LocalHttpServer } from '../testing/local-http-server';
import { createTestDatabase, type TestDatabase } from '../testing/test-environment';
import { CouncilFiguresService } from './council-figures.service';
import { applyCouncilFiguresMigration } from './testing/apply-council-figures-migration';
import { createCouncilFiguresTestApp } from './testing/council-figures-test-app';

const NOW = new Date('2026-03-10T12:00:00Z');
const COUNCILLOR = '0a000000-0000-4000-8000-00000000000a';
const ACCOUNT = '1a000000-0000-4000-8000-0000000000a1';

/** Registering civic organisations and changing a council's thresholds, as an admin does. */
describe('civic accounts and figure settings (PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let platforms: LocalHttpServer;
  /** What the platforms were asked: each civic account's handle is looked up before it is registered. */
  const asked: string[] = [];

  const request = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const response = await app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url,
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });
    return {
      status: response.statusCode,
      body: response.body === '' ? null : (JSON.parse(response.body) as unknown),
    };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await applyCouncilFiguresMigration(db.url);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`INSERT INTO council (code, name) VALUES ('E08000099', 'Testshire')`);
      await client.query(
        `INSERT INTO ward (council_id, code, name, adults) SELECT id, 'E05000001', 'Alder', 1000 FROM council`,
      );
      await client.query(
        `INSERT INTO councillor (id, council_id, ward_id, name) SELECT $1, council_id, id, 'Ann Ash' FROM ward`,
        [COUNCILLOR],
      );
      await client.query(
        `INSERT INTO platform_account (id, councillor_id, platform, handle, external_id) VALUES ($1, $2, 'bluesky', 'ann.bsky.social', 'did:plc:ann')`,
        [ACCOUNT, COUNCILLOR],
      );
      await client.query(
        `INSERT INTO account_snapshot (account_id, day, followers, posts_30d, engagement_30d, figures)
         VALUES ($1, '2026-03-10', 10, 12, 0, $2::jsonb)`,
        [
          ACCOUNT,
          JSON.stringify({
            date: '2026-03-10',
            followers: 10,
            posts30d: 12,
            replies30d: 6,
            followersWard: 0,
            followersCouncil: 0,
            followersElsewhere: 0,
            followersUnknown: 10,
            interactionsJudged: 0,
            responsiveness: null,
            overdueInteractions: 0,
          }),
        ],
      );
      await client.query(
        `INSERT INTO collection_run (account_id, started_at, finished_at, status) VALUES ($1, $2, $2, 'succeeded')`,
        [ACCOUNT, '2026-03-10T11:00:00Z'],
      );
    } finally {
      await client.end();
    }
    // Bluesky's AppView and a Mastodon instance, in their own shapes: the library, the CVS, and nobody else.
    platforms = await startLocalHttpServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://platform.test');
      asked.push(`${url.pathname}?${url.searchParams.toString()}`);
      const json = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (
        url.pathname === '/xrpc/app.bsky.actor.getProfile' &&
        url.searchParams.get('actor') === 'library.alder.example'
      ) {
        // app.bsky.actor.getProfile, as the AppView answers it (app.bsky.actor.defs#profileViewDetailed).
        return json(200, {
          did: 'did:plc:alderlibraryabcdefghijkl',
          handle: 'library.alder.example',
          displayName: 'Alder Library',
          description: 'Books, computers and a warm space in Alder.',
          followersCount: 412,
          followsCount: 96,
          postsCount: 230,
          indexedAt: '2025-01-14T10:00:00.000Z',
          labels: [],
        });
      }
      if (url.pathname === '/xrpc/app.bsky.actor.getProfile') {
        return json(400, { error: 'InvalidRequest', message: 'Profile not found' });
      }
      if (
        url.pathname === '/api/v1/accounts/lookup' &&
        url.searchParams.get('acct') === 'cvs@social.example'
      ) {
        // GET /api/v1/accounts/lookup, as the instance answers it (an Account entity).
        return json(200, {
          id: '110000000000000042',
          username: 'cvs',
          acct: 'cvs',
          display_name: 'Testshire CVS',
          locked: false,
          bot: false,
          group: false,
          created_at: '2024-05-01T00:00:00.000Z',
          note: '<p>Supporting voluntary groups across Testshire.</p>',
          url: 'https://social.example/@cvs',
          followers_count: 120,
          following_count: 40,
          statuses_count: 300,
          fields: [],
        });
      }
      return json(404, { error: 'Record not found' });
    });
    app = await createCouncilFiguresTestApp({
      databaseUrl: db.url,
      clock: new FixedClock(NOW),
      config: { BLUESKY_APPVIEW_URL: platforms.url, MASTODON_BASE_URL: platforms.url },
    });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await platforms?.close();
    await db?.drop();
  });

  it('registers civic organisations with the pseudonym their follows are stored under', async () => {
    const library = await request('POST', '/api/civic-accounts', {
      ward: 'E05000001',
      name: 'Alder Library',
      platform: 'bluesky',
      handle: 'library.alder.example',
      externalId: 'did:plc:alderlibraryabcdefghijkl',
    });
    expect(library.status).toBe(201);
    expect(library.body).toMatchObject({
      name: 'Alder Library',
      platform: 'bluesky',
      council: { code: 'E08000099', name: 'Testshire' },
      ward: { code: 'E05000001', name: 'Alder' },
      externalId: 'did:plc:alderlibraryabcdefghijkl',
    });
    const cvs = await request('POST', '/api/civic-accounts', {
      ward: null,
      name: 'Testshire CVS',
      platform: 'mastodon',
      handle: 'cvs@social.example',
      externalId: 'cvs@social.example',
    });
    expect(cvs.status).toBe(201);
    expect(cvs.body).toMatchObject({ ward: null, council: { code: 'E08000099' } });

    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT pseudonym FROM civic_account WHERE external_id = 'did:plc:alderlibraryabcdefghijkl'`,
      );
      expect(rows).toEqual([
        {
          pseudonym: pseudonymise(app.get<string>(SECRET_KEY), 'bluesky', 'did:plc:alderlibraryabcdefghijkl'),
        },
      ]);
    } finally {
      await client.end();
    }

    const list = (await request('GET', '/api/civic-accounts')).body as CivicAccountListResponse;
    expect(list.items.map((account) => account.name)).toEqual(['Testshire CVS', 'Alder Library']);

    const again = await request('POST', '/api/civic-accounts', {
      ward: 'E05000001',
      name: 'Alder Library (again)',
      platform: 'bluesky',
      handle: 'library.alder.example',
      externalId: 'did:plc:alderlibraryabcdefghijkl',
    });
    expect(again.status).toBe(409);

    const id = (library.body as CivicAccountView).id;
    expect((await request('DELETE', `/api/civic-accounts/${id}`)).status).toBe(204);
    expect((await request('DELETE', `/api/civic-accounts/${id}`)).status).toBe(404);
  });

  it('looks each handle up on its platform: the id is the one found there, and an account no one has is refused', async () => {
    asked.length = 0;
    const byHandle = await request('POST', '/api/civic-accounts', {
      ward: 'E05000001',
      name: 'Alder Library',
      platform: 'bluesky',
      handle: '@library.alder.example',
    });
    expect(byHandle.status).toBe(201);
    expect(byHandle.body).toMatchObject({
      handle: 'library.alder.example',
      externalId: 'did:plc:alderlibraryabcdefghijkl',
    });
    expect(asked).toEqual(['/xrpc/app.bsky.actor.getProfile?actor=library.alder.example']);
    await request('DELETE', `/api/civic-accounts/${(byHandle.body as CivicAccountView).id}`);

    // An id that is not the handle's (invented, or another organisation's) would never be recognised.
    const wrongId = await request('POST', '/api/civic-accounts', {
      ward: 'E05000001',
      name: 'Alder Library',
      platform: 'bluesky',
      handle: 'library.alder.example',
      externalId: 'did:plc:aaaaaaaaaaaaaaaaaaaaaaaa',
    });
    expect(wrongId.status).toBe(422);
    expect(JSON.stringify(wrongId.body)).toMatch(
      /library\.alder\.example is did:plc:alderlibraryabcdefghijkl on bluesky, not did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/,
    );
    const nobody = await request('POST', '/api/civic-accounts', {
      ward: 'E05000001',
      name: 'Made-up Society',
      platform: 'bluesky',
      handle: 'made-up.bsky.social',
    });
    expect(nobody.status).toBe(404);
    expect(JSON.stringify(nobody.body)).toMatch(/bluesky has no public account made-up\.bsky\.social/);
    const list = (await request('GET', '/api/civic-accounts')).body as CivicAccountListResponse;
    expect(list.items.map((account) => account.name)).not.toContain('Made-up Society');
  });

  it('refuses malformed registrations, naming each field', async () => {
    const bad = await request('POST', '/api/civic-accounts', {
      ward: 'Alder',
      name: ' ',
      platform: 'myspace',
      handle: 'x',
      externalId: 'y',
      extra: 1,
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { message: string[] }).message).toEqual(
      expect.arrayContaining([
        'ward must be an ONS ward code such as E05011000, or null for the whole council',
        'name must not be empty',
        'platform must be one of bluesky, mastodon, rss, x, facebook, youtube',
        "unknown parameter 'extra'",
      ]),
    );
    const unknownWard = await request('POST', '/api/civic-accounts', {
      ward: 'E05999999',
      name: 'Somewhere',
      platform: 'x',
      handle: 'somewhere',
      externalId: '1',
    });
    expect(unknownWard.status).toBe(404);
    const unknownCouncil = await request('POST', '/api/civic-accounts', {
      ward: 'E05000001',
      council: 'E08000001',
      name: 'Somewhere',
      platform: 'x',
      handle: 'somewhere',
      externalId: '1',
    });
    expect(unknownCouncil.status).toBe(404);
    expect((unknownCouncil.body as { message: string }).message).toBe('No council has the code E08000001');
    // PostgreSQL cannot store a NUL: refused as a bad name, not a server error.
    const control = await request('POST', '/api/civic-accounts', {
      ward: 'E05000001',
      name: 'A\u0000B',
      platform: 'bluesky',
      handle: 'a.example',
    });
    expect(control.status).toBe(400);
    expect((control.body as { message: string[] }).message).toEqual([
      'name must not contain a line break or control character',
    ]);
    // A Mastodon account's numeric id is its instance's own: it names nobody on other instances.
    const instanceId = await request('POST', '/api/civic-accounts', {
      ward: null,
      name: 'Somewhere',
      platform: 'mastodon',
      handle: 'somewhere@social.example',
      externalId: '109000000000000777',
    });
    expect(instanceId.status).toBe(400);
    expect((instanceId.body as { message: string[] }).message).toEqual([
      expect.stringMatching(/^externalId: a Mastodon account is identified by its address, user@instance/),
    ]);
  });

  it('shows the thresholds in force beside the defaults, and applies a change at the next recompute', async () => {
    const initial = (await request('GET', '/api/council/figure-settings')).body as FigureSettingsResponse;
    expect(initial.supportThresholds).toEqual(initial.defaults.supportThresholds);
    expect(initial.supportThresholds.minPosts30d).toBe(1);

    const figures = app.get(CouncilFiguresService);
    await figures.recompute(NOW);
    const flagsOf = async () =>
      ((await request('GET', '/api/support')).body as SupportResponse).items[0].flags.map((flag) => flag.key);
    // 12 posts ≥ 1: not inactive; one platform: single-platform.
    expect(await flagsOf()).toEqual(['single-platform']);

    const changed = await request('PUT', '/api/council/figure-settings', {
      supportThresholds: { minPosts30d: 20 },
      footprintIndex: { weights: { reach: 0.3, platformMix: 0.1 } },
    });
    expect(changed.status).toBe(200);
    expect((changed.body as FigureSettingsResponse).supportThresholds).toEqual({
      ...initial.defaults.supportThresholds,
      minPosts30d: 20,
    });
    expect((changed.body as FigureSettingsResponse).footprintIndex.weights).toEqual({
      reach: 0.3,
      activity: 0.2,
      conversation: 0.2,
      local: 0.2,
      platformMix: 0.1,
    });
    await figures.recompute(NOW);
    // 12 posts < 20 now raises inactive.
    expect(await flagsOf()).toEqual(['single-platform', 'inactive']);
    const support = (await request('GET', '/api/support')).body as SupportResponse;
    expect(support.items[0].footprint.components.find((c) => c.key === 'reach')?.weight).toBe(0.3);

    // Weights that no longer sum to 1, an out-of-range value, an unknown setting: 400, nothing stored.
    const unbalanced = await request('PUT', '/api/council/figure-settings', {
      footprintIndex: { weights: { reach: 0.5 } },
    });
    expect(unbalanced.status).toBe(400);
    expect((unbalanced.body as { message: string[] }).message[0]).toMatch(
      /footprintIndex\.weights: Footprint index weights must sum to 1/,
    );
    const outOfRange = await request('PUT', '/api/council/figure-settings', {
      supportThresholds: { minLocalShare: 2 },
    });
    expect(outOfRange.status).toBe(400);
    expect((outOfRange.body as { message: string[] }).message[0]).toMatch(/supportThresholds\.minLocalShare/);
    const unknown = await request('PUT', '/api/council/figure-settings', {
      supportThresholds: { minFollowers: 3 },
    });
    expect(unknown.body).toMatchObject({
      statusCode: 400,
      message: ["unknown setting 'supportThresholds.minFollowers'"],
    });
    const after = (await request('GET', '/api/council/figure-settings')).body as FigureSettingsResponse;
    expect(after.supportThresholds.minPosts30d).toBe(20);
    expect(after.footprintIndex.weights.reach).toBe(0.3);
  });

  it('backfills past days from the account snapshots, each as it stood then, never beyond today', async () => {
    const summaries = await app.get(CouncilFiguresService).backfill({ from: '2026-03-08', to: '2026-03-12' });
    expect(summaries.map((summary) => summary.day)).toEqual(['2026-03-08', '2026-03-09', '2026-03-10']);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, (figures->'values'->>'posts30d')::int AS posts, figures->'flags'->0->>'key' AS flag
         FROM metric_snapshot WHERE scope = 'councillor' ORDER BY day`,
      );
      // The only account snapshot is of 10 March: before it, Ann's figures are unknown, not zero.
      expect(rows).toEqual([
        { day: '2026-03-08', posts: null, flag: 'single-platform' },
        { day: '2026-03-09', posts: null, flag: 'single-platform' },
        { day: '2026-03-10', posts: 12, flag: 'single-platform' },
      ]);
    } finally {
      await client.end();
    }
    await expect(
      app.get(CouncilFiguresService).backfill({ from: '2026-03-09', to: '2026-03-08' }),
    ).rejects.toThrow(RangeError);
  });

  it('documents every endpoint of the feature in OpenAPI', () => {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle('wardreach API').build(),
    );
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/civic-accounts',
      '/api/civic-accounts/{id}',
      '/api/cohorts',
      '/api/cohorts/{id}/outcomes',
      '/api/council/figure-settings',
      '/api/council/index-distribution',
      '/api/council/overlap',
      '/api/councillors/{id}/index',
      '/api/support',
      '/api/support.csv',
      '/api/wards',
      '/api/wards/{code}',
    ]);
    for (const path of ['/api/support', '/api/support.csv']) {
      expect(
        document.paths[path].get?.parameters?.map((parameter) =>
          'name' in parameter ? [parameter.name, parameter.in, parameter.required] : null,
        ),
      ).toEqual([
        ['flag', 'query', false],
        ['ward', 'query', false],
        ['party', 'query', false],
        ['noParty', 'query', false],
      ]);
    }
    expect(document.paths['/api/civic-accounts'].post?.requestBody).toMatchObject({
      content: {
        'application/json': {
          schema: { type: 'object', required: ['ward', 'name', 'platform', 'handle'] },
        },
      },
    });
  });
});
