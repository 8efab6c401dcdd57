import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ImportFileError } from '@wardreach/metrics';
import { Client } from 'pg';
import { CliModule } from '../cli.module';
import { createTestDatabase, testConfig } from '../testing/test-environment';
import type { TestDatabase } from '../testing/test-environment';
import { CouncilImportService } from './council-import.service';

const square = (lon: number, lat: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + 0.01, lat],
      [lon + 0.01, lat + 0.01],
      [lon, lat + 0.01],
      [lon, lat],
    ],
  ],
});
const WARDS = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { WD25CD: 'E05001405', WD25NM: 'Holme Valley South', LAD25CD: 'E08000034' },
      geometry: square(-1.8, 53.55),
    },
    {
      type: 'Feature',
      properties: { WD25CD: 'E05001407', WD25NM: 'Lindley', LAD25CD: 'E08000034' },
      geometry: square(-1.83, 53.66),
    },
    {
      type: 'Feature',
      properties: { WD25CD: 'E05000650', WD25NM: 'Elsewhere', LAD25CD: 'E08000035' },
      geometry: square(-1.5, 53.8),
    },
  ],
};

/** Admin imports against the real PostgreSQL: each fully applies or changes nothing. */
describe('council imports', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let db: Client;
  let imports: CouncilImportService;
  const count = async (table: string) =>
    Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

  beforeAll(async () => {
    database = await createTestDatabase();
    context = await NestFactory.createApplicationContext(
      CliModule.forRoot(testConfig({ DATABASE_URL: database.url })),
      {
        logger: false,
        abortOnError: false,
      },
    );
    imports = context.get(CouncilImportService);
    db = new Client({ connectionString: database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await context.close();
    await database.drop();
  });

  it('imports the council’s wards from ONS GeoJSON and skips other councils’ wards', async () => {
    const summary = await imports.importWards({
      councilCode: 'E08000034',
      councilName: 'Kirklees Council',
      geojson: WARDS,
    });
    expect(summary.applied).toBe(2);
    expect(summary.detail).toMatch(/WD25CD\/WD25NM; 1 ward\(s\) of other councils skipped/);
    expect(await count('ward')).toBe(2);
  });

  it('renames a council only by a name given: not to a default, and a new one from the file', async () => {
    const name = async (code: string) =>
      (await db.query<{ name: string }>(`SELECT name FROM council WHERE code = $1`, [code])).rows[0]?.name;
    await imports.importWards({
      councilCode: 'E08000034',
      councilName: null,
      defaultName: 'Demo Council',
      geojson: WARDS,
    });
    expect(await name('E08000034')).toBe('Kirklees Council');
    // A council new to wardreach takes the name its file gives it (LAD25NM).
    const leeds = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { WD25CD: 'E05001500', WD25NM: 'Headingley', LAD25CD: 'E08000035', LAD25NM: 'Leeds' },
          geometry: square(-1.58, 53.82),
        },
      ],
    };
    await imports.importWards({ councilCode: 'E08000035', councilName: null, geojson: leeds });
    expect(await name('E08000035')).toBe('Leeds');
    await imports.importWards({
      councilCode: 'E08000035',
      councilName: 'Leeds City Council',
      geojson: leeds,
    });
    expect(await name('E08000035')).toBe('Leeds City Council');
    await db.query(`DELETE FROM ward WHERE code = 'E05001500'`);
    await db.query(`DELETE FROM council WHERE code = 'E08000035'`);
  });

  it('refuses to move a ward of one council to another, and creates no council for the refused import', async () => {
    // A file without its council's column, imported under the wrong council code.
    const lindley = { ...WARDS.features[1], properties: { WD25CD: 'E05001407', WD25NM: 'Lindley' } };
    const refused = await imports
      .importWards({
        councilCode: 'E08000035',
        councilName: 'Leeds City Council',
        geojson: { type: 'FeatureCollection', features: [lindley] },
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImportFileError);
    expect((refused as ImportFileError).issues).toEqual([
      {
        line: null,
        feature: 1,
        field: 'WD25CD',
        message: 'ward E05001407 belongs to council E08000034, not E08000035: check the council code',
      },
    ]);
    const { rows } = await db.query(
      `SELECT w.code, c.code AS council FROM ward w JOIN council c ON c.id = w.council_id ORDER BY w.code`,
    );
    expect(rows).toEqual([
      { code: 'E05001405', council: 'E08000034' },
      { code: 'E05001407', council: 'E08000034' },
    ]);
    expect(await count('council')).toBe(1);
  });

  it('rejects a gazetteer naming a ward the council does not have, naming the line, and keeps the old one', async () => {
    await imports.importGazetteer({
      councilCode: 'E08000034',
      csv: 'ward_code,ward_name,kind,value\nE05001405,Holme Valley South,place,Holmfirth\nE05001407,Lindley,postcode_sector,HD3 3\n',
    });
    expect(await count('gazetteer_entry')).toBe(2);
    const attempt = imports.importGazetteer({
      councilCode: 'E08000034',
      csv: 'ward_code,ward_name,kind,value\nE05001405,Holme Valley South,place,Hinchliffe Mill\nE05099999,Nowhere,place,Atlantis\n',
    });
    await expect(attempt).rejects.toBeInstanceOf(ImportFileError);
    await expect(attempt).rejects.toThrow(/line 3, field ward_code: E05099999 is not a ward of E08000034/);
    const { rows } = await db.query<{ value: string }>(`SELECT value FROM gazetteer_entry ORDER BY value`);
    expect(rows.map((row) => row.value)).toEqual(['HD3 3', 'Holmfirth']);
  });

  it('rejects a roster with a bad line as a whole, and adds councillors and accounts from a good one', async () => {
    await expect(
      imports.importRoster({
        councilCode: 'E08000034',
        csv: 'name,party,ward_code,bluesky\nJane Smith,Labour,E05001405,jane.bsky.social\nBo Diddley,Green,E05001407,not a handle\n',
      }),
    ).rejects.toThrow(/line 3, field bluesky/);
    expect(await count('councillor')).toBe(0);
    const summary = await imports.importRoster({
      councilCode: 'E08000034',
      csv: 'name,party,ward_code,bluesky,cohort\nJane Smith,Labour,E05001405,jane.bsky.social,Pilot\nBo Diddley,Green,E05001407,,\n',
    });
    expect(summary.detail).toBe('2 councillor(s), 1 new account(s)');
    expect(await count('cohort_member')).toBe(1);
    // Importing again changes nothing and loses nothing.
    await imports.importRoster({
      councilCode: 'E08000034',
      csv: 'name,party,ward_code,bluesky\nJane Smith,Labour,E05001405,jane.bsky.social\n',
    });
    expect(await count('councillor')).toBe(2);
    expect(await count('platform_account')).toBe(1);
  });

  it('keeps an account with the councillor who has it: another is refused it, its own may repeat it in any case', async () => {
    await imports.importRoster({
      councilCode: 'E08000034',
      csv: 'name,party,ward_code,x\nJane Smith,Labour,E05001405,JaneSmithCllr\n',
    });
    const accounts = await count('platform_account');
    const refused = await imports
      .importRoster({
        councilCode: 'E08000034',
        csv: 'name,party,ward_code,x,bluesky\nBo Diddley,Green,E05001407,janesmithcllr,bo.bsky.social\n',
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImportFileError);
    expect((refused as ImportFileError).issues).toEqual([
      {
        line: 2,
        feature: null,
        field: 'x',
        message: 'janesmithcllr is already the account of Jane Smith (E05001405)',
      },
    ]);
    expect(await count('platform_account')).toBe(accounts);
    const again = await imports.importRoster({
      councilCode: 'E08000034',
      csv: 'name,party,ward_code,x\nJane Smith,Labour,E05001405,janesmithcllr\n',
    });
    expect(again.detail).toBe('1 councillor(s), 0 new account(s)');
    const { rows } = await db.query(`SELECT handle FROM platform_account WHERE platform = 'x'`);
    expect(rows).toEqual([{ handle: 'JaneSmithCllr' }]);
  });

  it('sets adult populations and refuses an unknown ward without touching the others', async () => {
    await imports.importPopulation({
      councilCode: 'E08000034',
      csv: 'ward_code,adults\nE05001405,12000\nE05001407,14000\n',
    });
    await expect(
      imports.importPopulation({
        councilCode: 'E08000034',
        csv: 'ward_code,adults\nE05001405,1\nE05099999,5\n',
      }),
    ).rejects.toThrow(/line 3/);
    const { rows } = await db.query<{ adults: number }>(`SELECT adults FROM ward ORDER BY code`);
    expect(rows.map((row) => row.adults)).toEqual([12000, 14000]);
  });
});
