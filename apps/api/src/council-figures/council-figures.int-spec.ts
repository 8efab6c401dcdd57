import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  CohortListResponse,
  CohortOutcomesResponse,
  CouncilOverlapResponse,
  CouncillorIndexResponse,
  IndexDistributionResponse,
  SupportResponse,
  WardDetail,
  WardListResponse,
} from '@wardreach/contracts';
import type { AccountSnapshot } from '@wardreach/metrics';
import { Client } from 'pg';
import { pseudonymise } from '../common/pseudonymise';
import { SECRET_KEY } from '../common/secret-key.token';
import { createTestDatabase, type TestDatabase } from '../testing/test-environment';
import { insertFollowEdge } from '../testing/follow-edges';
import { accountSnapshot as snapshot } from '../testing/account-snapshot.fixture';
import { FixedClock } from '../testing/fixed-clock';
import { CouncilFiguresService } from './council-figures.service';
import { applyCouncilFiguresMigration } from './testing/apply-council-figures-migration';
import { createCouncilFiguresTestApp } from './testing/council-figures-test-app';

/**
 * A hand-built council: wards Alder (E05000001, 1,000 adults) and Birch (E05000002, 2,000 adults);
 * Ann and Ben represent Alder, Cat and Dan Birch. Every expected number below is worked by hand
 * from these rows, with the arithmetic beside it.
 */
const COUNCIL = '00000000-0000-4000-8000-0000000000c1';
const ALDER = '00000000-0000-4000-8000-0000000000a1';
const BIRCH = '00000000-0000-4000-8000-0000000000b1';
const ANN = '0a000000-0000-4000-8000-00000000000a';
const BEN = '0b000000-0000-4000-8000-00000000000b';
const CAT = '0c000000-0000-4000-8000-00000000000c';
const DAN = '0d000000-0000-4000-8000-00000000000d';
const A_BSKY = '1a000000-0000-4000-8000-0000000000a1';
const A_BLOG = '1a000000-0000-4000-8000-0000000000a2';
const B_BSKY = '1b000000-0000-4000-8000-0000000000b1';
const C_MASTO = '1c000000-0000-4000-8000-0000000000c1';
const D_BSKY = '1d000000-0000-4000-8000-0000000000d1';
const LIBRARY = '2a000000-0000-4000-8000-000000000001';
const FOOD_BANK = '2b000000-0000-4000-8000-000000000002';
const CVS = '2c000000-0000-4000-8000-000000000003';
const PILOT = '3a000000-0000-4000-8000-000000000001';

const NOW = new Date('2026-06-30T12:00:00Z');
const COHORT_START = new Date('2026-06-02T12:00:00Z');

async function seed(url: string, secret: string): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  const sql = (text: string, params: unknown[] = []) => db.query(text, params);
  try {
    await sql(`INSERT INTO council (id, code, name) VALUES ($1, 'E08000099', 'Testshire')`, [COUNCIL]);
    await sql(
      `INSERT INTO ward (id, council_id, code, name, adults) VALUES ($1, $3, 'E05000001', 'Alder', 1000), ($2, $3, 'E05000002', 'Birch', 2000)`,
      [ALDER, BIRCH, COUNCIL],
    );
    await sql(
      `INSERT INTO councillor (id, council_id, ward_id, name, party) VALUES
         ($1, $5, $6, 'Ann Ash', 'Green'), ($2, $5, $6, 'Ben Beech', NULL),
         ($3, $5, $7, 'Cat Cedar', 'Labour'), ($4, $5, $7, 'Dan Damson', NULL)`,
      [ANN, BEN, CAT, DAN, COUNCIL, ALDER, BIRCH],
    );
    await sql(
      `INSERT INTO platform_account (id, councillor_id, platform, handle, external_id, status, status_reason) VALUES
         ($1, $6, 'bluesky', 'ann.bsky.social', 'did:plc:ann', 'active', NULL),
         ($2, $6, 'rss', 'https://ann.example/feed', NULL, 'active', NULL),
         ($3, $7, 'bluesky', 'ben.bsky.social', 'did:plc:ben', 'active', NULL),
         ($4, $8, 'mastodon', 'cat@social.example', '109', 'active', NULL),
         ($5, $9, 'bluesky', 'dan.bsky.social', 'did:plc:dan', 'failing', 'HTTP 500')`,
      [A_BSKY, A_BLOG, B_BSKY, C_MASTO, D_BSKY, ANN, BEN, CAT, DAN],
    );
    // Civic organisations: the library of Alder, the food bank of Birch, and a council-wide CVS.
    await sql(
      `INSERT INTO civic_account (id, council_id, ward_id, name, platform, handle, external_id, pseudonym) VALUES
         ($1, $4, $5, 'Alder Library', 'bluesky', 'library.alder.example', 'did:plc:lib', $7),
         ($2, $4, $6, 'Birch Food Bank', 'mastodon', 'foodbank@social.example', '99', $8),
         ($3, $4, NULL, 'Testshire CVS', 'bluesky', 'cvs.example', 'did:plc:cvs', $9)`,
      [
        LIBRARY,
        FOOD_BANK,
        CVS,
        COUNCIL,
        ALDER,
        BIRCH,
        pseudonymise(secret, 'bluesky', 'did:plc:lib'),
        pseudonymise(secret, 'mastodon', '99'),
        pseudonymise(secret, 'bluesky', 'did:plc:cvs'),
      ],
    );
    // Followers: pseudonyms stand for residents; the library and Ben's own account carry the
    // pseudonyms of their platform ids, as collection would have stored them.
    const followers: Array<
      [string, string, string, 'ward' | 'council' | 'elsewhere' | 'unknown', Record<string, number>]
    > = [
      ['f1', 'bluesky', pseudonymise(secret, 'bluesky', 'f1'), 'ward', { E05000001: 1 }],
      ['f2', 'bluesky', pseudonymise(secret, 'bluesky', 'f2'), 'council', { E05000001: 0.5, E05000002: 0.5 }],
      ['f3', 'bluesky', pseudonymise(secret, 'bluesky', 'f3'), 'ward', { E05000002: 1 }],
      ['f4', 'bluesky', pseudonymise(secret, 'bluesky', 'f4'), 'unknown', {}],
      ['f5', 'bluesky', pseudonymise(secret, 'bluesky', 'f5'), 'elsewhere', {}],
      ['f6', 'bluesky', pseudonymise(secret, 'bluesky', 'f6'), 'ward', { E05000001: 1 }],
      ['f7', 'bluesky', pseudonymise(secret, 'bluesky', 'f7'), 'ward', { E05000001: 1 }],
      ['lib', 'bluesky', pseudonymise(secret, 'bluesky', 'did:plc:lib'), 'ward', { E05000001: 1 }],
      ['ben', 'bluesky', pseudonymise(secret, 'bluesky', 'did:plc:ben'), 'unknown', {}],
      ['m1', 'mastodon', pseudonymise(secret, 'mastodon', 'm1'), 'ward', { E05000002: 1 }],
      [
        'm2',
        'mastodon',
        pseudonymise(secret, 'mastodon', 'm2'),
        'council',
        { E05000001: 0.5, E05000002: 0.5 },
      ],
      ['m3', 'mastodon', pseudonymise(secret, 'mastodon', 'm3'), 'ward', { E05000002: 1 }],
      ['m4', 'mastodon', pseudonymise(secret, 'mastodon', 'm4'), 'ward', { E05000002: 1 }],
    ];
    const byKey = new Map(
      followers.map(([key, , pseudonym, attribution, weights]) => [key, { pseudonym, attribution, weights }]),
    );
    const edges: Array<[string, string, string, string | null]> = [
      // [account, follower, first seen, lost at]
      [A_BSKY, 'f2', '2026-05-01', null],
      [A_BSKY, 'f3', '2026-05-01', null],
      [A_BSKY, 'f4', '2026-05-01', null],
      [A_BSKY, 'lib', '2026-05-01', null],
      [A_BSKY, 'ben', '2026-05-01', null],
      [A_BSKY, 'f6', '2026-05-01', '2026-06-20'], // lost before now: neither reach nor network
      [A_BSKY, 'f7', '2026-07-05', null], // seen after now: not yet there
      [B_BSKY, 'f1', '2026-05-01', null],
      [B_BSKY, 'f4', '2026-05-01', null],
      [B_BSKY, 'f5', '2026-05-01', null],
      [C_MASTO, 'm1', '2026-05-01', null],
      [C_MASTO, 'm2', '2026-05-01', null],
      [C_MASTO, 'm3', '2026-05-01', null],
      [C_MASTO, 'm4', '2026-05-01', '2026-06-10'], // unfollowed, but replied since: a reply edge
      [D_BSKY, 'f3', '2026-05-01', null],
    ];
    for (const [account, follower, firstSeen, lostAt] of edges) {
      const seeded = byKey.get(follower)!;
      await insertFollowEdge(sql, {
        accountId: account,
        pseudonym: seeded.pseudonym,
        firstSeen,
        lostAt,
        attribution: seeded.attribution,
        wardWeights: seeded.weights,
      });
    }
    await sql(
      `INSERT INTO interaction (account_id, platform, external_id, url, kind, created_at, author_pseudonym)
       VALUES ($1, 'mastodon', 'reply-1', 'https://social.example/@m4/1', 'reply', '2026-06-25T09:00:00Z', $2)`,
      [C_MASTO, pseudonymise(secret, 'mastodon', 'm4')],
    );
    const snapshots: Array<[string, AccountSnapshot]> = [
      // 30 days before now (2026-05-31): the falling-reach comparison.
      [A_BSKY, snapshot('2026-05-31', { followers: 380 })],
      [B_BSKY, snapshot('2026-05-31', { followers: 120 })],
      [C_MASTO, snapshot('2026-05-31', { followers: 1400 })],
      // The cohort's start (2026-06-02); Dan's collection still worked the day before.
      [A_BSKY, snapshot('2026-06-02', { followers: 380, posts30d: 10, replies30d: 2 })],
      [A_BLOG, snapshot('2026-06-02', { followers: 0, posts30d: 0 })],
      [B_BSKY, snapshot('2026-06-02', { followers: 118, posts30d: 12, replies30d: 1 })],
      [C_MASTO, snapshot('2026-06-02', { followers: 1400, posts30d: 30, replies30d: 10 })],
      [D_BSKY, snapshot('2026-06-01', { followers: 50, posts30d: 5, replies30d: 1 })],
      // Dan's last snapshot: more than 3 days before now, so it no longer stands for today.
      [D_BSKY, snapshot('2026-06-20', { followers: 48, posts30d: 2 })],
      // Now (2026-06-30).
      [
        A_BSKY,
        snapshot('2026-06-30', {
          followers: 400,
          posts30d: 20,
          replies30d: 8,
          followersWard: 50,
          followersCouncil: 30,
          followersElsewhere: 120,
          followersUnknown: 200,
          interactionsJudged: 10,
          responsiveness: 0.8,
        }),
      ],
      [A_BLOG, snapshot('2026-06-30', { followers: 0, posts30d: 4 })],
      [
        B_BSKY,
        snapshot('2026-06-30', {
          followers: 100,
          posts30d: 12,
          replies30d: 0,
          followersWard: 2,
          followersCouncil: 8,
          followersElsewhere: 40,
          followersUnknown: 50,
          interactionsJudged: 5,
          responsiveness: 0.2,
          overdueInteractions: 4,
        }),
      ],
      [
        C_MASTO,
        snapshot('2026-06-30', {
          followers: 1500,
          posts30d: 40,
          replies30d: 20,
          followersWard: 300,
          followersCouncil: 100,
          followersElsewhere: 100,
          followersUnknown: 1000,
          interactionsJudged: 20,
          responsiveness: 0.5,
          overdueInteractions: 1,
        }),
      ],
    ];
    for (const [account, figures] of snapshots) {
      await sql(
        `INSERT INTO account_snapshot (account_id, day, followers, posts_30d, engagement_30d, local_share, figures)
         VALUES ($1, $2, $3, $4, 0, NULL, $5::jsonb)`,
        [account, figures.date, figures.followers, figures.posts30d, JSON.stringify(figures)],
      );
    }
    const runs: Array<[string, string]> = [
      [A_BSKY, '2026-06-02T10:00:00Z'],
      [A_BLOG, '2026-06-02T10:00:00Z'],
      [B_BSKY, '2026-06-02T10:00:00Z'],
      [C_MASTO, '2026-06-02T10:00:00Z'],
      [D_BSKY, '2026-06-01T10:00:00Z'],
      [A_BSKY, '2026-06-30T10:00:00Z'],
      [A_BLOG, '2026-06-30T09:00:00Z'],
      [B_BSKY, '2026-06-30T08:00:00Z'],
      [C_MASTO, '2026-06-27T12:00:00Z'], // 72 hours before now: stale
    ];
    for (const [account, finishedAt] of runs) {
      await sql(
        `INSERT INTO collection_run (account_id, started_at, finished_at, status) VALUES ($1, $2, $2, 'succeeded')`,
        [account, finishedAt],
      );
    }
    await sql(
      `INSERT INTO cohort (id, council_id, name, starts_on) VALUES ($1, $2, 'Networked pilot', '2026-06-02')`,
      [PILOT, COUNCIL],
    );
    await sql(`INSERT INTO cohort_member (cohort_id, councillor_id) VALUES ($1, $2), ($1, $3)`, [
      PILOT,
      ANN,
      CAT,
    ]);
  } finally {
    await db.end();
  }
}

describe('council figures (PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let figures: CouncilFiguresService;

  const get = async (url: string) => {
    const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url });
    return {
      status: response.statusCode,
      type: String(response.headers['content-type']),
      disposition: response.headers['content-disposition'],
      body: response.body,
    };
  };
  const json = async <T>(url: string): Promise<T> => {
    const response = await get(url);
    expect({ url, status: response.status }).toEqual({ url, status: 200 });
    return JSON.parse(response.body) as T;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await applyCouncilFiguresMigration(db.url);
    app = await createCouncilFiguresTestApp({ databaseUrl: db.url, clock: new FixedClock(NOW) });
    await seed(db.url, app.get<string>(SECRET_KEY));
    figures = app.get(CouncilFiguresService);
    await figures.recompute(COHORT_START);
    await figures.recompute(NOW);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('stores one row per subject per day, and recomputing a day overwrites it', async () => {
    const count = async () => {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query(
          `SELECT scope, to_char(day, 'YYYY-MM-DD') AS day, count(*)::int AS n FROM metric_snapshot GROUP BY 1, 2 ORDER BY 1, 2`,
        );
        return rows as unknown[];
      } finally {
        await client.end();
      }
    };
    const expected = [
      { scope: 'council', day: '2026-06-02', n: 1 },
      { scope: 'council', day: '2026-06-30', n: 1 },
      { scope: 'councillor', day: '2026-06-02', n: 4 },
      { scope: 'councillor', day: '2026-06-30', n: 4 },
      { scope: 'ward', day: '2026-06-02', n: 2 },
      { scope: 'ward', day: '2026-06-30', n: 2 },
    ];
    expect(await count()).toEqual(expected);
    const before = await json<SupportResponse>('/api/support');
    await expect(figures.recompute(NOW)).resolves.toEqual({
      day: '2026-06-30',
      councils: 1,
      councillors: 4,
      wards: 2,
    });
    expect(await count()).toEqual(expected);
    expect(await json<SupportResponse>('/api/support')).toEqual(before);
  });

  it('lists every ward with its distinct ward followers and penetration', async () => {
    const wards = await json<WardListResponse>('/api/wards');
    // Alder, over Ann's and Ben's Bluesky followers standing at now: f2 (½ Alder) + the library (1);
    // f1 follows Ben (1); f3 is Birch's, f4 unknown, f5 elsewhere, f6 lost, f7 not yet seen.
    // 0.5 + 1 + 1 = 2.5 → 2.5 ÷ 1,000 adults = 0.0025.
    // Birch: Cat's Mastodon m1 (1) + m2 (½) + m3 (1), m4 lost; Dan's Bluesky f3 (1) → 3.5 ÷ 2,000 = 0.00175.
    expect(
      wards.items.map(({ code, name, adults, distinctWardFollowers, penetration, day }) => ({
        code,
        name,
        adults,
        distinctWardFollowers,
        penetration,
        day,
      })),
    ).toEqual([
      {
        code: 'E05000001',
        name: 'Alder',
        adults: 1000,
        distinctWardFollowers: 2.5,
        penetration: 0.0025,
        day: '2026-06-30',
      },
      {
        code: 'E05000002',
        name: 'Birch',
        adults: 2000,
        distinctWardFollowers: 3.5,
        penetration: 0.00175,
        day: '2026-06-30',
      },
    ]);
    expect(wards.items[0].councillors.map((c) => c.name)).toEqual(['Ann Ash', 'Ben Beech']);
    expect(wards.total).toBe(2);
    expect(wards.updatedAt).toBe(NOW.toISOString());
  });

  it("shows a ward's civic network with residents unnamed, and its suggested connections", async () => {
    const alder = await json<WardDetail>('/api/wards/E05000001');
    expect(alder.figures).toEqual({
      distinctWardFollowers: 2.5,
      byPlatform: { bluesky: 2.5 },
      adultPopulation: 1000,
      penetration: 0.0025,
    });
    // Nodes with an edge: f1 → Ben, f2 → Ann, library → Ann, Ben → Ann (Ben's own account follows Ann's):
    // 5 nodes, 4 directed edges of 5 × 4 possible = 0.2. No triangle: clustering 0.
    // Louvain on the undirected view (m = 4): {Ann, f2, library} (2 edges, degrees 3+1+1 = 5) and
    // {Ben, f1} (1 edge, degrees 2+1 = 3): Q = (2/4 − (5/8)²) + (1/4 − (3/8)²) = 7/32.
    // Ben is on the one shortest path f1 → Ben → Ann: betweenness 1 ÷ ((5 − 1)(5 − 2)) = 1/12.
    expect(alder.network).toMatchObject({
      nodes: 5,
      edges: 4,
      components: 1,
      averageClustering: 0,
      communities: 2,
    });
    expect(alder.network?.density).toBeCloseTo(0.2, 12);
    expect(alder.network?.modularity).toBeCloseTo(7 / 32, 12);
    expect(
      alder.network?.communityBreakdown.map(({ size, councillors, civic, residents }) => ({
        size,
        councillors,
        civic,
        residents,
      })),
    ).toEqual([
      { size: 3, councillors: ['Ann Ash'], civic: ['Alder Library'], residents: 1 },
      { size: 2, councillors: ['Ben Beech'], civic: [], residents: 1 },
    ]);
    expect(alder.network?.bridges).toHaveLength(1);
    expect(alder.network?.bridges[0]).toMatchObject({
      id: `councillor:${BEN}`,
      label: 'Ben Beech',
      kind: 'councillor',
    });
    expect(alder.network?.bridges[0].betweenness).toBeCloseTo(1 / 12, 12);
    // The library follows Ann, so only the council-wide CVS, which follows nobody, is suggested.
    const cvs = { id: CVS, name: 'Testshire CVS', platform: 'bluesky', handle: 'cvs.example' };
    expect(alder.suggestedConnections).toEqual([{ account: cvs, councillorsConnected: 0 }]);
    // Each councillor's own: Ben is not connected with the library, which Ann is.
    const stored = new Client({ connectionString: db.url });
    await stored.connect();
    try {
      const { rows } = await stored.query(
        `SELECT figures->'councillorSuggestions' AS suggestions FROM metric_snapshot
         WHERE scope = 'ward' AND subject = 'E05000001' AND day = '2026-06-30'`,
      );
      expect((rows[0] as { suggestions: unknown }).suggestions).toEqual({
        [ANN]: [{ account: cvs, councillorsConnected: 0 }],
        [BEN]: [
          {
            account: {
              id: LIBRARY,
              name: 'Alder Library',
              platform: 'bluesky',
              handle: 'library.alder.example',
            },
            councillorsConnected: 1,
          },
          { account: cvs, councillorsConnected: 0 },
        ],
      });
    } finally {
      await stored.end();
    }
    // Residents are never named: no pseudonym or follower id leaves the API.
    expect(JSON.stringify(alder)).not.toMatch(/follower:|"f1"|"f2"/);

    const birch = await json<WardDetail>('/api/wards/E05000002');
    // m1, m2, m3 follow Cat, m4 replied to Cat on 25 June (its follow was lost), f3 follows Dan:
    // 7 nodes, 5 edges of 7 × 6 = 42; two stars, 2 components; nobody between two others.
    // Q = (4/5 − (8/10)²) + (1/5 − (2/10)²) = 0.16 + 0.16 = 0.32.
    expect(birch.network).toMatchObject({ nodes: 7, edges: 5, components: 2, communities: 2, bridges: [] });
    expect(birch.network?.density).toBeCloseTo(5 / 42, 12);
    expect(birch.network?.modularity).toBeCloseTo(0.32, 12);
    expect(birch.suggestedConnections.map((s) => s.account.name)).toEqual([
      'Birch Food Bank',
      'Testshire CVS',
    ]);
  });

  it('answers 400 for a malformed ward code and 404 for an unknown one', async () => {
    const bad = await get('/api/wards/alder');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({
      message: ["ward code must be an ONS ward code such as E05011000, not 'alder'"],
    });
    const unknown = await get('/api/wards/E05999999');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ message: 'No ward has the code E05999999' });
  });

  it('lists every councillor with figures, footprint index and explained flags', async () => {
    const support = await json<SupportResponse>('/api/support');
    const byName = new Map(support.items.map((row) => [row.councillor.name, row]));
    expect([...byName.keys()]).toEqual(['Ann Ash', 'Ben Beech', 'Cat Cedar', 'Dan Damson']);

    // Ann: Bluesky (20 posts) + blog (4): paired rss (detail) with bluesky (listening).
    // reach 400, reference = max(1,000, largest reach 1,500) = 1,500 → ln 401 ÷ ln 1,501;
    // activity 24 ÷ 30 = 0.8; conversation ((8 ÷ 24) ÷ 0.3 capped at 1, and 0.8 answered) → 0.9;
    // local share 50 ÷ (50 + 30 + 120) = 0.25 → 0.25 ÷ 0.5 = 0.5; platform mix 1.
    const ann = byName.get('Ann Ash');
    const annIndex =
      100 * (0.25 * (Math.log(401) / Math.log(1501)) + 0.2 * 0.8 + 0.2 * 0.9 + 0.2 * 0.5 + 0.15 * 1);
    expect(ann?.footprint.index).toBeCloseTo(annIndex, 9);
    expect(ann?.activePlatforms).toEqual(['bluesky', 'rss']);
    expect(ann?.figures).toMatchObject({
      totalReach: 400,
      localReach: 50,
      posts30d: 24,
      paired: 1,
      activePlatforms: 2,
      localShare: 0.25,
      responsiveness: 0.8,
      supportFlags: 0,
    });
    expect(ann?.figures.replyShare).toBeCloseTo(1 / 3, 12);
    expect(ann?.flags).toEqual([]);

    // Ben: reach ln 101 ÷ ln 1,501; activity 12 ÷ 30 = 0.4; conversation (0 + 0.2) ÷ 2 = 0.1;
    // local 2 ÷ 50 = 0.04 → 0.08; one platform unpaired → 0.3.
    const ben = byName.get('Ben Beech');
    expect(ben?.footprint.index).toBeCloseTo(
      100 * (0.25 * (Math.log(101) / Math.log(1501)) + 0.2 * 0.4 + 0.2 * 0.1 + 0.2 * 0.08 + 0.15 * 0.3),
      9,
    );
    // Followers 120 on 31 May → 100 now: (120 − 100) ÷ 120 = 16.7 % ≥ 5 %.
    expect(ben?.flags).toEqual([
      {
        key: 'single-platform',
        reason: 'Active on 1 platform (Bluesky) in the last 30 days; 2 or more expected.',
      },
      { key: 'broadcasting', reason: 'None of 12 posts in the last 30 days was a reply (below 10%).' },
      {
        key: 'unanswered-mentions',
        reason: '4 mentions or replies have waited more than 48 hours without an answer.',
      },
      { key: 'falling-reach', reason: 'Followers fell from 120 to 100 (−16.7%) over the last 30 days.' },
      {
        key: 'low-local-share',
        reason: 'Only 4% of followers with a known place are in the ward (2 of 50; below 10%).',
      },
    ]);

    // Cat: reach 1; activity 40 ÷ 30 capped at 1; conversation (1 + 0.5) ÷ 2 = 0.75; local 0.6 ÷ 0.5
    // capped at 1; one platform → 0.3: 100 × (0.25 + 0.2 + 0.15 + 0.2 + 0.045) = 84.5.
    const cat = byName.get('Cat Cedar');
    expect(cat?.footprint.index).toBeCloseTo(84.5, 9);
    // Last collected 27 June 12:00, 72 hours before now.
    expect(cat?.flags.map((f) => f.key)).toEqual(['single-platform', 'collection-failing']);
    expect(cat?.flags[1].reason).toBe(
      'Collection failing: Mastodon cat@social.example last collected 72 hours ago (more than 48).',
    );

    // Dan: his newest snapshot (20 June) is more than 3 days old, so his figures are unknown, not zero.
    const dan = byName.get('Dan Damson');
    expect(dan?.figures).toMatchObject({
      totalReach: null,
      posts30d: null,
      footprintIndex: null,
      supportFlags: 3,
    });
    expect(dan?.flags.map((f) => f.key)).toEqual(['single-platform', 'inactive', 'collection-failing']);
    expect(dan?.flags[2].reason).toBe(
      'Collection failing: Bluesky dan.bsky.social is failing (the platform said: HTTP 500).',
    );

    const failing = await json<SupportResponse>('/api/support?flag=collection-failing');
    expect(failing.items.map((row) => row.councillor.name)).toEqual(['Cat Cedar', 'Dan Damson']);
    expect(failing.flag).toBe('collection-failing');
  });

  it('exports the support table as CSV and rejects an unknown flag', async () => {
    const csv = await get('/api/support.csv?flag=falling-reach');
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.disposition).toBe('attachment; filename="support.csv"');
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0].split(',').slice(0, 3)).toEqual(['councillor_id', 'name', 'party']);
    expect(lines[1]).toContain(`${BEN},Ben Beech,,E05000001,Alder,`);
    expect(lines[1]).toContain(
      'single-platform broadcasting unanswered-mentions falling-reach low-local-share',
    );

    const bad = await get('/api/support?flag=lazy');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({
      statusCode: 400,
      message: [expect.stringMatching(/^flag must be one of single-platform/)],
    });
    // A refused export is an error to read, not a file to save.
    const refused = await get('/api/support.csv?flag=lazy');
    expect(refused.status).toBe(400);
    expect(refused.type).toMatch(/^application\/json/);
    expect(refused.disposition).toBeUndefined();
    expect(JSON.parse(refused.body)).toMatchObject({
      message: [expect.stringMatching(/^flag must be one of/)],
    });
    expect((await get('/api/support.csv?limit=3')).status).toBe(400);

    // The ward and party filters narrow the export as they narrow the page.
    const names = async (query: string) =>
      (await get(`/api/support.csv?${query}`)).body
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[1]);
    expect(await names('ward=E05000002')).toEqual(['Cat Cedar', 'Dan Damson']);
    expect(await names('party=Green')).toEqual(['Ann Ash']);
    expect(await names('noParty=true&ward=E05000001')).toEqual(['Ben Beech']);
  });

  it("shows a councillor's index with components and weights, and the council median", async () => {
    const index = await json<CouncillorIndexResponse>(`/api/councillors/${CAT}/index`);
    expect(index.footprint.components.map(({ key, weight, value }) => ({ key, weight, value }))).toEqual([
      { key: 'reach', weight: 0.25, value: 1 },
      { key: 'activity', weight: 0.2, value: 1 },
      { key: 'conversation', weight: 0.2, value: 0.75 },
      { key: 'local', weight: 0.2, value: 1 },
      { key: 'platformMix', weight: 0.15, value: 0.3 },
    ]);
    expect(index.footprint.components.reduce((sum, c) => sum + c.contribution, 0)).toBeCloseTo(84.5, 9);
    // The median of Ben's, Ann's and Cat's indices (Dan's is unknown) is Ann's.
    const annIndex =
      100 * (0.25 * (Math.log(401) / Math.log(1501)) + 0.2 * 0.8 + 0.2 * 0.9 + 0.2 * 0.5 + 0.15 * 1);
    expect(index.councilMedian).toBeCloseTo(annIndex, 9);
    expect(index.day).toBe('2026-06-30');

    const malformed = await get('/api/councillors/not-a-uuid/index');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({
      message: ["councillor id must be a UUID, not 'not-a-uuid'"],
    });
    expect((await get('/api/councillors/0e000000-0000-4000-8000-00000000000e/index')).status).toBe(404);
  });

  it('ranks follower overlap by Jaccard and describes the index distribution', async () => {
    const overlap = await json<CouncilOverlapResponse>('/api/council/overlap');
    // Ann {f2, f3, f4, library, Ben's account}, Ben {f1, f4, f5}, Cat {m1, m2, m3}, Dan {f3}:
    // Ann–Dan share f3 of 5 → 0.2; Ann–Ben share f4 of 5 + 3 − 1 = 7 → 1/7.
    expect(overlap.items.map(({ a, b, shared, union }) => [a.name, b.name, shared, union])).toEqual([
      ['Ann Ash', 'Dan Damson', 1, 5],
      ['Ann Ash', 'Ben Beech', 1, 7],
    ]);
    expect(overlap.items[1].jaccard).toBeCloseTo(1 / 7, 12);
    expect(overlap.total).toBe(2);
    expect((await json<CouncilOverlapResponse>('/api/council/overlap?limit=1')).items).toHaveLength(1);
    expect((await get('/api/council/overlap?limit=0')).status).toBe(400);
    expect((await get('/api/council/overlap?council=E08000001')).status).toBe(404);

    const spread = await json<IndexDistributionResponse>('/api/council/index-distribution');
    const ann =
      100 * (0.25 * (Math.log(401) / Math.log(1501)) + 0.2 * 0.8 + 0.2 * 0.9 + 0.2 * 0.5 + 0.15 * 1);
    const ben =
      100 * (0.25 * (Math.log(101) / Math.log(1501)) + 0.2 * 0.4 + 0.2 * 0.1 + 0.2 * 0.08 + 0.15 * 0.3);
    // Three known indices, sorted ben (≈ 31.9) < ann (≈ 79.5) < cat (84.5); quartiles by type 7:
    // q1 at position 0.5 → (ben + ann) ÷ 2; q3 at 1.5 → (ann + 84.5) ÷ 2.
    expect(spread.distribution).toMatchObject({ count: 3, min: ben, max: 84.5 });
    expect(spread.distribution?.median).toBeCloseTo(ann, 9);
    expect(spread.distribution?.q1).toBeCloseTo((ben + ann) / 2, 9);
    expect(spread.distribution?.q3).toBeCloseTo((ann + 84.5) / 2, 9);
    expect(spread.distribution?.mean).toBeCloseTo((ben + ann + 84.5) / 3, 9);
    expect(spread.distribution?.histogram.filter((bin) => bin.count > 0)).toEqual([
      { from: 30, to: 40, count: 1 },
      { from: 70, to: 80, count: 1 },
      { from: 80, to: 90, count: 1 },
    ]);
    // Medians over Ann, Ben and Cat: reach (100, 400, 1,500) → 400; posts (12, 24, 40) → 24.
    expect(spread.medians).toMatchObject({ totalReach: 400, posts30d: 24 });
  });

  it('measures a pilot cohort against everyone else from the stored days', async () => {
    const list = await json<CohortListResponse>('/api/cohorts');
    expect(
      list.items.map((c) => ({
        name: c.name,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        members: c.members.map((m) => m.name),
      })),
    ).toEqual([
      { name: 'Networked pilot', startsOn: '2026-06-02', endsOn: null, members: ['Ann Ash', 'Cat Cedar'] },
    ]);

    const outcomes = await json<CohortOutcomesResponse>(`/api/cohorts/${PILOT}/outcomes?weeksBefore=0`);
    expect(outcomes.until).toBe('2026-06-30');
    const reach = outcomes.figures.find((f) => f.figure === 'totalReach');
    // Cohort (Ann, Cat): baseline median(380, 1,400) = 890, now median(400, 1,500) = 950, change 60.
    // Comparison: Dan has no value now, so only Ben: 118 → 100, change −18. DiD = 60 − (−18) = 78.
    expect(reach).toMatchObject({
      cohort: { councillors: 2, baseline: 890, current: 950, change: 60 },
      comparison: { councillors: 1, baseline: 118, current: 100, change: -18 },
      differenceInDifferences: 78,
    });
    // Weekly: 2 June's day stands until 9 June (7 days' tolerance); 16 and 23 June have none.
    expect(reach?.weekly.map((p) => [p.date, p.cohort, p.comparison, p.cohortCouncillors])).toEqual([
      ['2026-06-02', 890, 118, 2],
      ['2026-06-09', 890, 118, 2],
      ['2026-06-16', null, null, 0],
      ['2026-06-23', null, null, 0],
      ['2026-06-30', 950, 100, 2],
    ]);
    // Posts: cohort median(10, 30) = 20 → median(24, 40) = 32, +12; Ben 12 → 12; DiD 12.
    expect(outcomes.figures.find((f) => f.figure === 'posts30d')).toMatchObject({
      cohort: { baseline: 20, current: 32, change: 12 },
      comparison: { baseline: 12, current: 12, change: 0 },
      differenceInDifferences: 12,
    });
    // Means instead: cohort (380 + 1,400) ÷ 2 = 890 → (400 + 1,500) ÷ 2 = 950: the same here.
    const mean = await json<CohortOutcomesResponse>(`/api/cohorts/${PILOT}/outcomes?aggregate=mean`);
    expect(mean.aggregate).toBe('mean');
    expect(mean.figures.find((f) => f.figure === 'totalReach')?.cohort).toMatchObject({
      baseline: 890,
      current: 950,
    });
    expect(mean.figures.find((f) => f.figure === 'totalReach')?.weekly[0].date).toBe('2026-05-05');

    expect((await get(`/api/cohorts/${PILOT}/outcomes?aggregate=max`)).status).toBe(400);
    expect((await get('/api/cohorts/3a000000-0000-4000-8000-000000000009/outcomes')).status).toBe(404);
  });
});
