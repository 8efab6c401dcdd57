import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WardBoundary, WardPopulation } from '@wardreach/metrics';
import { DataSource, EntityManager } from 'typeorm';
import { handleKeySql } from './account-handle';
import type { RosterRow } from './roster-csv';

export class UnknownWardError extends Error {}

/** Writes imported geography and rosters; each import is one transaction. */
@Injectable()
export class CouncilImportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * The council's id, creating it under `name` if it is new. An existing council is renamed only when
   * `rename` is set (a name the admin gave), never to a default.
   */
  async ensureCouncil(params: {
    code: string;
    name: string;
    webDomains: string[];
    rename?: boolean;
  }): Promise<string> {
    const [row]: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO council (code, name, web_domains) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO UPDATE SET name = CASE WHEN $4 THEN excluded.name ELSE council.name END,
         web_domains = CASE WHEN cardinality(excluded.web_domains) > 0 THEN excluded.web_domains ELSE council.web_domains END
       RETURNING id`,
      [params.code, params.name, params.webDomains, params.rename ?? true],
    );
    return row.id;
  }

  async councilId(code: string): Promise<string | null> {
    const [row]: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM council WHERE code = $1`,
      [code],
    );
    return row?.id ?? null;
  }

  /** Adds or updates wards (by ONS code), keeping their geometry for the map. */
  async upsertWards(
    councilId: string,
    wards: Array<Pick<WardBoundary, 'code' | 'name'> & { geometry: unknown }>,
    manager: EntityManager,
  ): Promise<number> {
    if (wards.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO ward (council_id, code, name, geometry)
       SELECT $1, t.code, t.name, t.geometry::jsonb FROM unnest($2::text[], $3::text[], $4::text[]) AS t(code, name, geometry)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, geometry = COALESCE(excluded.geometry, ward.geometry), council_id = excluded.council_id
       RETURNING 1`,
      [
        councilId,
        wards.map((w) => w.code),
        wards.map((w) => w.name),
        wards.map((w) => (w.geometry == null ? null : JSON.stringify(w.geometry))),
      ],
    );
    return rows.length;
  }

  /** Wards among `codes` stored under another council than `councilCode`, with that council's code. */
  async wardsOfOtherCouncils(
    councilCode: string,
    codes: string[],
  ): Promise<Array<{ code: string; councilCode: string }>> {
    return this.dataSource.query(
      `SELECT w.code, c.code AS "councilCode" FROM ward w JOIN council c ON c.id = w.council_id
       WHERE w.code = ANY ($2::text[]) AND c.code <> $1 ORDER BY w.code`,
      [councilCode, [...new Set(codes)]],
    );
  }

  /** Ward codes among `codes` that the council does not have. */
  async unknownWards(
    councilId: string,
    codes: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const rows: Array<{ code: string }> = await manager.query(
      `SELECT t.code FROM unnest($2::text[]) AS t(code) WHERE NOT EXISTS (SELECT 1 FROM ward w WHERE w.code = t.code AND w.council_id = $1)`,
      [councilId, [...new Set(codes)]],
    );
    return rows.map((row) => row.code);
  }

  async setPopulation(rows: WardPopulation[], manager: EntityManager): Promise<number> {
    const updated: unknown[] = await manager.query(
      `UPDATE ward w SET adults = t.adults FROM unnest($1::text[], $2::int[]) AS t(code, adults) WHERE w.code = t.code RETURNING 1`,
      [rows.map((r) => r.wardCode), rows.map((r) => r.adults)],
    );
    return updated.length;
  }

  /**
   * The accounts among `accounts` (by platform and `handleKey`) already stored, with the councillor
   * (ward code and name) each belongs to.
   */
  async accountOwners(
    accounts: Array<{ platform: string; handle: string }>,
  ): Promise<Array<{ platform: string; key: string; wardCode: string; name: string }>> {
    if (accounts.length === 0) return [];
    return this.dataSource.query(
      `SELECT a.platform, ${handleKeySql('a')} AS key, w.code AS "wardCode", c.name
       FROM platform_account a JOIN councillor c ON c.id = a.councillor_id JOIN ward w ON w.id = c.ward_id
       JOIN unnest($1::text[], $2::text[]) AS t(platform, handle)
         ON t.platform = a.platform AND ${handleKeySql('t')} = ${handleKeySql('a')}`,
      [accounts.map((a) => a.platform), accounts.map((a) => a.handle)],
    );
  }

  /**
   * Adds the roster's councillors and accounts. Existing councillors (same ward and name) keep their
   * accounts and history; accounts are added, never dropped by an import.
   */
  async upsertRoster(
    councilId: string,
    rows: RosterRow[],
    today: string,
    manager: EntityManager,
  ): Promise<{ councillors: number; accounts: number }> {
    let accounts = 0;
    for (const row of rows) {
      const [councillor]: Array<{ id: string }> = await manager.query(
        `INSERT INTO councillor (council_id, ward_id, name, party)
         SELECT $1, w.id, $3, $4 FROM ward w WHERE w.code = $2
         ON CONFLICT (ward_id, name) DO UPDATE SET party = excluded.party
         RETURNING id`,
        [councilId, row.wardCode, row.name, row.party],
      );
      if (row.accounts.length > 0) {
        const inserted: unknown[] = await manager.query(
          // An account stored already, written in another case (`AnnAsh`, `annash`), is the same one.
          `INSERT INTO platform_account (councillor_id, platform, handle)
           SELECT $1, t.platform, t.handle FROM unnest($2::text[], $3::text[]) AS t(platform, handle)
           WHERE NOT EXISTS (SELECT 1 FROM platform_account a
                             WHERE a.platform = t.platform AND ${handleKeySql('a')} = ${handleKeySql('t')})
           ON CONFLICT (platform, handle) DO NOTHING RETURNING 1`,
          [councillor.id, row.accounts.map((a) => a.platform), row.accounts.map((a) => a.handle)],
        );
        accounts += inserted.length;
      }
      if (row.cohort) {
        const [cohort]: Array<{ id: string }> = await manager.query(
          `INSERT INTO cohort (council_id, name, starts_on) VALUES ($1, $2, $3)
           ON CONFLICT (council_id, name) DO UPDATE SET name = excluded.name RETURNING id`,
          [councilId, row.cohort, today],
        );
        await manager.query(
          `INSERT INTO cohort_member (cohort_id, councillor_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [cohort.id, councillor.id],
        );
      }
    }
    return { councillors: rows.length, accounts };
  }
}
