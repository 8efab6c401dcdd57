import { DataSource } from 'typeorm';
import { seedRoster } from '../testing/seed-roster';
import { createTestDatabase } from '../testing/test-environment';
import { AccountsRepository } from './accounts.repository';
import { PlatformAccountEntity } from './platform-account.entity';

const COUNCIL = '00000000-0000-4000-8000-0000000000c1';
const WARD = '00000000-0000-4000-8000-0000000000a1';
const COUNCILLOR = '00000000-0000-4000-8000-0000000000b1';
const NOW = new Date('2026-03-01T12:00:00Z');

describe('AccountsRepository', () => {
  let dataSource: DataSource;
  let accounts: AccountsRepository;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = () => database.drop();
    dataSource = new DataSource({ type: 'postgres', url: database.url, entities: [PlatformAccountEntity] });
    await dataSource.initialize();
    accounts = new AccountsRepository(dataSource.getRepository(PlatformAccountEntity), dataSource);
    await seedRoster(dataSource, { council: COUNCIL, ward: WARD, councillor: COUNCILLOR });
    const rows: Array<[handle: string, status: string, dueMinutes: number, collected: boolean]> = [
      ['active-due', 'active', -10, true],
      ['active-later', 'active', 10, true],
      ['new-due', 'active', -1, false],
      ['failing-retry-due', 'failing', -5, true],
      ['failing-later', 'failing', 60, true],
      ['gone', 'gone', -60, true],
      ['unauthorised', 'unauthorised', -60, true],
      ['paused', 'paused', -60, true],
    ];
    for (const [handle, status, dueMinutes, collected] of rows) {
      await dataSource.query(
        `INSERT INTO platform_account (councillor_id, platform, handle, status, next_due_at, last_collected_at)
         VALUES ($1, 'bluesky', $2, $3, $4, $5)`,
        [
          COUNCILLOR,
          `${handle}.bsky.social`,
          status,
          new Date(NOW.getTime() + dueMinutes * 60_000),
          collected ? new Date(NOW.getTime() - 86_400_000) : null,
        ],
      );
    }
  });

  afterAll(async () => {
    await dataSource.destroy();
    await drop();
  });

  async function due(limit = 10): Promise<string[]> {
    const found = await accounts.findDue({ now: NOW, limit });
    const handles: Array<{ id: string; handle: string }> = await dataSource.query(
      `SELECT id, handle FROM platform_account`,
    );
    return found.map(
      ({ id }) => handles.find((row) => row.id === id)?.handle.replace('.bsky.social', '') ?? id,
    );
  }

  it('plans due active accounts, new ones first, and failing ones once their retry time comes', async () => {
    expect(await due()).toEqual(['new-due', 'active-due', 'failing-retry-due']);
  });

  it('never plans gone, unauthorised or paused accounts, which wait for the admin', async () => {
    expect(await due()).not.toEqual(expect.arrayContaining(['gone', 'unauthorised', 'paused']));
  });

  it('plans at most the limit', async () => {
    expect(await due(2)).toEqual(['new-due', 'active-due']);
  });

  it('the posts step saves its cursor alone, and a sweep batch its own: neither undoes the other', async () => {
    const [{ id }]: Array<{ id: string }> = await dataSource.query(
      `INSERT INTO platform_account (councillor_id, platform, handle, cursors)
       VALUES ($1, 'bluesky', 'cursors.bsky.social', $2::jsonb) RETURNING id`,
      [COUNCILLOR, JSON.stringify({ posts: 'p1', followerSweep: { pageCursor: 'c9', startedAt: 'S' } })],
    );
    const stored = async (): Promise<unknown> => {
      const rows: Array<{ cursors: unknown }> = await dataSource.query(
        `SELECT cursors FROM platform_account WHERE id = $1`,
        [id],
      );
      return rows[0]?.cursors;
    };
    // A job that read the account before the sweep moved on saves only its posts cursor.
    await accounts.savePostsCursor(id, 'p2');
    expect(await stored()).toEqual({ posts: 'p2', followerSweep: { pageCursor: 'c9', startedAt: 'S' } });
    // A sweep batch holding an older posts cursor saves only the sweep's keys.
    await dataSource.transaction((manager) =>
      accounts.saveFollowerSweepCursors(
        id,
        { posts: 'p1', followerSweep: null, followersSweptFrom: 'S' },
        { pageCursor: 'c9', startedAt: 'S' },
        manager,
      ),
    );
    expect(await stored()).toEqual({ posts: 'p2', followerSweep: null, followersSweptFrom: 'S' });
  });

  it("a sweep's last batch sets when the next sweep is due, in its own transaction", async () => {
    const [{ id }]: Array<{ id: string }> = await dataSource.query(
      `INSERT INTO platform_account (councillor_id, platform, handle, cursors, next_follower_sweep_at)
       VALUES ($1, 'bluesky', 'next-sweep.bsky.social', $2::jsonb, $3) RETURNING id`,
      [COUNCILLOR, JSON.stringify({ followerSweep: { pageCursor: 'c1', startedAt: 'S' } }), NOW],
    );
    const nextSweep = async (): Promise<string> => {
      const rows: Array<{ at: Date }> = await dataSource.query(
        `SELECT next_follower_sweep_at AS at FROM platform_account WHERE id = $1`,
        [id],
      );
      return rows[0].at.toISOString();
    };
    const due = new Date(NOW.getTime() + 6 * 3_600_000);
    // A middle batch leaves it be; the last batch sets it, and commits it with the batch or not at all.
    await dataSource.transaction((manager) =>
      accounts.saveFollowerSweepCursors(
        id,
        { followerSweep: { pageCursor: 'c2', startedAt: 'S' } },
        { pageCursor: 'c1', startedAt: 'S' },
        manager,
      ),
    );
    expect(await nextSweep()).toBe(NOW.toISOString());
    await expect(
      dataSource.transaction(async (manager) => {
        await accounts.saveFollowerSweepCursors(
          id,
          { followerSweep: null, followersSweptFrom: 'S' },
          { pageCursor: 'c2', startedAt: 'S' },
          manager,
          due,
        );
        throw new Error('the batch failed after its cursor was saved');
      }),
    ).rejects.toThrow('the batch failed');
    expect(await nextSweep()).toBe(NOW.toISOString());
    await dataSource.transaction((manager) =>
      accounts.saveFollowerSweepCursors(
        id,
        { followerSweep: null, followersSweptFrom: 'S' },
        { pageCursor: 'c2', startedAt: 'S' },
        manager,
        due,
      ),
    );
    expect(await nextSweep()).toBe(due.toISOString());
  });
  it('plans a follower sweep outside a sweep only over the plan it read, to the millisecond', async () => {
    // Stored with microseconds (as now() writes them): a Date read back holds only the milliseconds.
    const [{ id }]: Array<{ id: string }> = await dataSource.query(
      `INSERT INTO platform_account (councillor_id, platform, handle, next_follower_sweep_at, cursors)
       VALUES ($1, 'mastodon', 'plan@mastodon.example', '2026-03-08 12:00:00.123456+00', '{"posts": "p1"}')
       RETURNING id`,
      [COUNCILLOR],
    );
    const stored = async () => {
      const [row]: Array<{ at: Date; cursors: Record<string, unknown> }> = await dataSource.query(
        `SELECT next_follower_sweep_at AS at, cursors FROM platform_account WHERE id = $1`,
        [id],
      );
      return { at: row.at.toISOString(), cursors: row.cursors };
    };
    const read = (await accounts.findById(id))!.nextFollowerSweepAt;
    expect(read.toISOString()).toBe('2026-03-08T12:00:00.123Z');
    // A sweep finished in a job taken for stalled has planned its own since: it stands.
    await accounts.planFollowerSweep({ id, at: NOW, expected: new Date('2026-03-08T11:00:00.000Z') });
    expect(await stored()).toEqual({ at: '2026-03-08T12:00:00.123Z', cursors: { posts: 'p1' } });
    // Over the plan read, the new one is written, with when it was made if given.
    const made = new Date(NOW.getTime() - 60_000);
    await accounts.planFollowerSweep({ id, at: NOW, expected: read, plannedAt: made });
    expect(await stored()).toEqual({
      at: NOW.toISOString(),
      cursors: { posts: 'p1', followerSweepPlannedAt: made.toISOString() },
    });
  });
});
