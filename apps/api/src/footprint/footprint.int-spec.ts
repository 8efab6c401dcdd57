import { DataSource } from 'typeorm';
import { accountSnapshot } from '../testing/account-snapshot.fixture';
import { FixedClock } from '../testing/fixed-clock';
import { seedRoster, TEST_ROSTER } from '../testing/seed-roster';
import { createTestDatabase, type TestDatabase } from '../testing/test-environment';
import { FootprintRepository } from './footprint.repository';
import { FootprintService } from './footprint.service';

const IDS = TEST_ROSTER;
const OTHER_COUNCILLOR = '00000000-0000-4000-8000-0000000000c4';
const BSKY = '00000000-0000-4000-8000-0000000000a1';
const MASTO = '00000000-0000-4000-8000-0000000000a2';
const OTHERS = '00000000-0000-4000-8000-0000000000a3';
const NOW = new Date('2026-11-23T12:00:00Z');
const HOUR = 60 * 60_000;

/** Hours before NOW, as an ISO time. */
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR).toISOString();

/** The footprint's list of replies and mentions waiting for the councillor, against PostgreSQL. */
describe('a councillor’s replies and mentions waiting for an answer', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let service: FootprintService;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
    await seedRoster(dataSource, IDS, { councillor: 'Cllr Ann' });
    await dataSource.query(
      `INSERT INTO councillor (id, council_id, ward_id, name) VALUES ($1, $2, $3, 'Cllr Ben')`,
      [OTHER_COUNCILLOR, IDS.council, IDS.ward],
    );
    await dataSource.query(
      `INSERT INTO platform_account (id, councillor_id, platform, handle) VALUES
         ($1, $4, 'bluesky', 'ann.bsky.social'), ($2, $4, 'mastodon', 'ann@colne.social'),
         ($3, $5, 'bluesky', 'ben.bsky.social')`,
      [BSKY, MASTO, OTHERS, IDS.councillor, OTHER_COUNCILLOR],
    );
    const interaction = (
      account: string,
      id: string,
      kind: 'reply' | 'mention',
      createdAt: string,
      answeredAt: string | null,
    ) =>
      dataSource.query(
        `INSERT INTO interaction (account_id, platform, external_id, url, kind, created_at, author_pseudonym, answered_at)
         SELECT $1, a.platform, $2, 'https://example.social/post/' || $2, $3, $4, 'pseudonym-' || $2, $5
         FROM platform_account a WHERE a.id = $1`,
        [account, id, kind, createdAt, answeredAt],
      );
    await interaction(BSKY, 'three-days', 'reply', ago(72), null); // overdue
    await interaction(MASTO, 'an-hour', 'mention', ago(1), null); // waiting, not yet overdue
    await interaction(BSKY, 'answered', 'reply', ago(50), ago(49));
    await interaction(BSKY, 'answered-later', 'reply', ago(10), new Date(NOW.getTime() + HOUR).toISOString());
    await interaction(BSKY, 'too-old', 'reply', ago(31 * 24), null);
    await interaction(BSKY, 'not-yet', 'mention', new Date(NOW.getTime() + HOUR).toISOString(), null);
    await interaction(OTHERS, 'bens', 'reply', ago(72), null);
    service = new FootprintService(new FootprintRepository(dataSource), new FixedClock(NOW));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('lists those of the last 30 days not answered by now, oldest first, overdue after 48 hours', async () => {
    const { waiting } = await service.footprint(IDS.councillor);
    expect(waiting.items.map((item) => [item.url.split('/').pop(), item.kind, item.overdue])).toEqual([
      ['three-days', 'reply', true],
      ['answered-later', 'reply', false], // answered after now: waiting as things stand now
      ['an-hour', 'mention', false],
    ]);
    expect(waiting).toMatchObject({ total: 3, overdue: 1 });
    expect(waiting.items[0]).toEqual({
      id: expect.any(String) as string,
      account: { id: BSKY, platform: 'bluesky', handle: 'ann.bsky.social' },
      kind: 'reply',
      receivedAt: ago(72),
      url: 'https://example.social/post/three-days',
      overdue: true,
    });
    // Nothing names the author: no pseudonym, no handle of theirs, only the post's address.
    expect(JSON.stringify(waiting)).not.toContain('pseudonym-');
    expect((await service.footprint(OTHER_COUNCILLOR)).waiting).toMatchObject({ total: 1, overdue: 1 });
  });

  it('lists the oldest 50 and counts them all', async () => {
    await dataSource.query(
      `INSERT INTO interaction (account_id, platform, external_id, url, kind, created_at, author_pseudonym)
       SELECT $1, 'bluesky', 'busy-' || n, 'https://example.social/post/busy-' || n, 'mention',
              $2::timestamptz - n * interval '1 minute', 'pseudonym-busy'
       FROM generate_series(1, 60) AS n`,
      [BSKY, ago(2)],
    );
    const { waiting } = await service.footprint(IDS.councillor);
    expect(waiting.total).toBe(63);
    expect(waiting.overdue).toBe(1);
    expect(waiting.items).toHaveLength(50);
    const received = waiting.items.map((item) => item.receivedAt);
    expect([...received].sort()).toEqual(received);
    expect(waiting.items[0].url).toMatch(/three-days$/);
  });

  it('gives the councillor’s own suggested connections from the ward’s newest stored day, null before one', async () => {
    expect((await service.footprint(IDS.councillor)).suggestedConnections).toBeNull();
    const scouts = {
      account: { id: 'd2', name: 'Alder Scouts', platform: 'bluesky', handle: 'scouts.example' },
      councillorsConnected: 2,
    };
    const ward = (day: string, suggestions: Record<string, unknown>) =>
      dataSource.query(
        `INSERT INTO metric_snapshot (scope, subject, day, figures) VALUES ('ward', 'E05000001', $1, $2::jsonb)`,
        [day, JSON.stringify({ suggestedConnections: [], councillorSuggestions: suggestions })],
      );
    await ward('2026-11-20', { [IDS.councillor]: [] });
    await ward('2026-11-22', { [IDS.councillor]: [scouts], [OTHER_COUNCILLOR]: [] });
    await ward('2026-11-24', { [IDS.councillor]: [] }); // a day after now: not yet
    expect((await service.footprint(IDS.councillor)).suggestedConnections).toEqual([scouts]);
    expect((await service.footprint(OTHER_COUNCILLOR)).suggestedConnections).toEqual([]);
  });
});

/** The councillor's figures and the council overview, from snapshots that still stand, against PostgreSQL. */
describe('a councillor’s figures as they stand now', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let service: FootprintService;
  const SECOND = '00000000-0000-4000-8000-0000000000a4';

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
    await seedRoster(dataSource, IDS, { councillor: 'Cllr Ann' });
    // Two Bluesky accounts (her own and her ward's) and a Mastodon one not collected for ten days.
    await dataSource.query(
      `INSERT INTO platform_account (id, councillor_id, platform, handle) VALUES
         ($1, $4, 'bluesky', 'ann.bsky.social'), ($2, $4, 'bluesky', 'alder-ward.bsky.social'),
         ($3, $4, 'mastodon', 'ann@colne.social')`,
      [BSKY, SECOND, MASTO, IDS.councillor],
    );
    const snapshot = (account: string, day: string, followers: number, posts30d: number) =>
      dataSource.query(
        `INSERT INTO account_snapshot (account_id, day, followers, posts_30d, engagement_30d, figures)
         VALUES ($1, $2, $3, $4, 0, $5::jsonb)`,
        [account, day, followers, posts30d, JSON.stringify(accountSnapshot(day, { followers, posts30d }))],
      );
    await snapshot(BSKY, '2026-11-23', 100, 5);
    await snapshot(SECOND, '2026-11-22', 50, 2);
    await snapshot(MASTO, '2026-11-13', 999, 40);
    service = new FootprintService(new FootprintRepository(dataSource), new FixedClock(NOW));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('adds up the snapshots standing for today, and shows a stale one only on its own card', async () => {
    const footprint = await service.footprint(IDS.councillor);
    expect(footprint.figures).toMatchObject({ followers: 150, posts30d: 7 });
    expect(footprint.accounts.map((card) => [card.handle, card.figures.followers])).toEqual([
      ['alder-ward.bsky.social', 50],
      ['ann.bsky.social', 100],
      ['ann@colne.social', 999],
    ]);
    const list = await service.list();
    expect(list.items[0].figures).toMatchObject({ followers: 150, posts30d: 7 });
  });

  it("counts each day's posts from the posts, including those made after that day's last collection", async () => {
    const post = (account: string, id: string, createdAt: string) =>
      dataSource.query(
        `INSERT INTO post (account_id, platform, external_id, url, created_at, kind)
         SELECT $1, platform, $2, 'https://example.social/' || $2, $3, 'original' FROM platform_account WHERE id = $1`,
        [account, id, createdAt],
      );
    await post(SECOND, 'morning', '2026-11-22T10:00:00Z');
    await post(BSKY, 'late', '2026-11-22T23:30:00Z'); // after the 22nd's collection, before midnight UTC
    await post(BSKY, 'today', '2026-11-23T08:00:00Z');
    const footprint = await service.footprint(IDS.councillor);
    expect(footprint.series.map((point) => [point.date, point.postsOnDay])).toEqual([
      ['2026-11-13', 0],
      ['2026-11-22', 2],
      ['2026-11-23', 1],
    ]);
    const own = footprint.accounts.find((card) => card.handle === 'ann.bsky.social');
    expect(own?.series.map((point) => [point.date, point.postsOnDay])).toEqual([['2026-11-23', 1]]);
    await dataSource.query(`DELETE FROM post`);
  });

  it('counts every account in the overview, two on one platform as two, and councillors collected', async () => {
    // Online: at least one account collected, not merely recorded.
    expect((await service.overview()).councillorsOnline).toBe(0);
    await dataSource.query(`UPDATE platform_account SET last_collected_at = $2 WHERE id = $1`, [BSKY, NOW]);
    const overview = await service.overview();
    expect(overview).toMatchObject({ councillors: 1, accounts: 3, councillorsOnline: 1 });
    expect(overview.totals).toMatchObject({ followers: 150, posts30d: 7 });
  });
});
