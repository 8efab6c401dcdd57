/** Anything that runs SQL with parameters: a TypeORM `DataSource`, a `pg` client. */
interface Queryable {
  query(sql: string, values?: unknown[]): Promise<unknown>;
}

/** The ids of the smallest roster a repository test needs. */
export interface RosterIds {
  council: string;
  ward: string;
  councillor: string;
}

/** Ids for a test that needs no others. */
export const TEST_ROSTER: RosterIds = {
  council: '00000000-0000-4000-8000-0000000000c1',
  ward: '00000000-0000-4000-8000-0000000000c2',
  councillor: '00000000-0000-4000-8000-0000000000c3',
};

/**
 * One council (E08000099), one ward (E05000001, Alder) and one councillor in it, under fixed ids, for
 * tests and benches that then add the accounts they need.
 */
export async function seedRoster(
  dataSource: Queryable,
  ids: RosterIds,
  names: { council?: string; councillor?: string } = {},
): Promise<void> {
  await dataSource.query(`INSERT INTO council (id, code, name) VALUES ($1, 'E08000099', $2)`, [
    ids.council,
    names.council ?? 'Testshire',
  ]);
  await dataSource.query(
    `INSERT INTO ward (id, council_id, code, name) VALUES ($1, $2, 'E05000001', 'Alder')`,
    [ids.ward, ids.council],
  );
  await dataSource.query(`INSERT INTO councillor (id, council_id, ward_id, name) VALUES ($1, $2, $3, $4)`, [
    ids.councillor,
    ids.council,
    ids.ward,
    names.councillor ?? 'Ann',
  ]);
}
