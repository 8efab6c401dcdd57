import type { DataSource } from 'typeorm';
import { OnsCodesOfAllNations1763800000017 } from './1763800000017-ons-codes-of-all-nations';
import {
  closeMigrationTestDatabase,
  openMigrationTestDatabase,
  runMigration,
  type MigrationTestDatabase,
} from './testing/migration-test-database';

describe('migration 1763800000017 (council and ward codes of every nation, as the imports read them)', () => {
  let opened: MigrationTestDatabase;
  let dataSource: DataSource;

  beforeEach(async () => {
    opened = await openMigrationTestDatabase(OnsCodesOfAllNations1763800000017);
    dataSource = opened.dataSource;
  });

  afterEach(() => closeMigrationTestDatabase(opened));

  const run = (direction: 'up' | 'down') =>
    runMigration(dataSource, new OnsCodesOfAllNations1763800000017(), direction);
  const council = (code: string) =>
    dataSource.query<Array<{ id: string }>>(`INSERT INTO council (code, name) VALUES ($1, $1) RETURNING id`, [
      code,
    ]);
  const ward = (councilId: string, code: string) =>
    dataSource.query(`INSERT INTO ward (council_id, code, name) VALUES ($1, $2, $2)`, [councilId, code]);

  it('holds a Scottish council and ward, and refuses codes of no council or ward', async () => {
    const [glasgow] = await council('S12000049');
    await ward(glasgow.id, 'S13002920');
    const [cardiff] = await council('W06000015');
    await ward(cardiff.id, 'W05001003');
    await expect(council('E05000001')).rejects.toThrow(/council_code_check/);
    await expect(ward(glasgow.id, 'E06000001')).rejects.toThrow(/ward_code_check/);

    await run('down');
    // The older checks cannot hold Scotland's: those go; Wales stays.
    expect(await dataSource.query(`SELECT code FROM council ORDER BY code`)).toEqual([{ code: 'W06000015' }]);
    expect(await dataSource.query(`SELECT code FROM ward ORDER BY code`)).toEqual([{ code: 'W05001003' }]);
    await expect(council('S12000049')).rejects.toThrow(/council_code_check/);

    await run('up');
    await council('S12000049');
  });
});
