import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { seedRoster } from '../testing/seed-roster';
import { createTestDatabase } from '../testing/test-environment';
import type { TestDatabase } from '../testing/test-environment';
import { CollectionStatusRepository } from './collection-status.repository';

const COUNCIL = '00000000-0000-4000-8000-0000000000d1';
const WARD = '00000000-0000-4000-8000-0000000000d2';
const COUNCILLOR = '00000000-0000-4000-8000-0000000000d3';

/** The X sweep-cost estimate the admin sees: over every X account the planner still schedules. */
describe('CollectionStatusRepository.xAccountLoads', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
    await seedRoster(dataSource, { council: COUNCIL, ward: WARD, councillor: COUNCILLOR });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('counts active and failing accounts (both still scheduled), not those waiting for the admin', async () => {
    const followers: Record<string, number> = {
      active: 100,
      failing: 200,
      gone: 400,
      unauthorised: 800,
      paused: 1600,
    };
    for (const [index, [status, count]] of Object.entries(followers).entries()) {
      const [{ id }] = await dataSource.query<Array<{ id: string }>>(
        `INSERT INTO platform_account (councillor_id, platform, handle, status)
         VALUES ($1, 'x', $2, $3) RETURNING id`,
        [COUNCILLOR, `cllr${index}`, status],
      );
      await dataSource.query(
        `INSERT INTO account_snapshot (account_id, day, followers, posts_30d, engagement_30d, figures)
         VALUES ($1, '2026-03-01', $2, 30, 0, '{"posts7d": 7}')`,
        [id, count],
      );
    }
    // Another platform's accounts are never in X's estimate.
    await dataSource.query(
      `INSERT INTO platform_account (councillor_id, platform, handle, status) VALUES ($1, 'bluesky', 'a.bsky.social', 'failing')`,
      [COUNCILLOR],
    );

    const loads = await new CollectionStatusRepository(dataSource).xAccountLoads();
    expect(loads.map((load) => load.followers).sort((a, b) => a - b)).toEqual([100, 200]);
    expect(loads.every((load) => load.posts30d === 30 && load.posts7d === 7 && load.mentions7d === 0)).toBe(
      true,
    );
  });
});
