import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CouncillorRef } from '@wardreach/contracts';
import { DataSource } from 'typeorm';

export interface CouncilRef {
  id: string;
  code: string;
  name: string;
}

export interface WardViewRow {
  code: string;
  name: string;
  adults: number | null;
}

export interface CohortRow {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string | null;
  council: CouncilRef;
  memberIds: string[];
}

type CouncillorRefRow = {
  id: string;
  name: string;
  party: string | null;
  wardCode: string;
  wardName: string;
  councilId: string;
};

/** Reads the roster the ward, support, cohort and council views name their figures by. */
@Injectable()
export class CouncilViewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The council with that code, or the first one set up when no code is given. */
  async council(code: string | null): Promise<CouncilRef | null> {
    const [row]: CouncilRef[] = await this.dataSource.query(
      `SELECT id, code, name FROM council WHERE ($1::text IS NULL OR code = $1) ORDER BY created_at, code LIMIT 1`,
      [code],
    );
    return row ?? null;
  }

  async councilById(id: string): Promise<CouncilRef | null> {
    const [row]: CouncilRef[] = await this.dataSource.query(
      `SELECT id, code, name FROM council WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  wards(params: { code?: string } = {}): Promise<WardViewRow[]> {
    return this.dataSource.query(
      `SELECT w.code, w.name, w.adults FROM ward w JOIN council c ON c.id = w.council_id
       WHERE ($1::text IS NULL OR w.code = $1) ORDER BY c.created_at, w.name, w.code`,
      [params.code ?? null],
    );
  }

  /** Councillors (all, those of a council, or those with the given ids), by ward then name. */
  async councillors(
    params: { ids?: readonly string[]; councilId?: string } = {},
  ): Promise<Array<CouncillorRef & { councilId: string }>> {
    const rows: CouncillorRefRow[] = await this.dataSource.query(
      `SELECT c.id, c.name, c.party, w.code AS "wardCode", w.name AS "wardName", c.council_id AS "councilId"
       FROM councillor c JOIN ward w ON w.id = c.ward_id
       WHERE ($1::uuid[] IS NULL OR c.id = ANY($1::uuid[])) AND ($2::uuid IS NULL OR c.council_id = $2::uuid)
       ORDER BY w.name, c.name, c.id`,
      [params.ids ?? null, params.councilId ?? null],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      party: row.party,
      ward: { code: row.wardCode, name: row.wardName },
      councilId: row.councilId,
    }));
  }

  cohorts(params: { id?: string } = {}): Promise<CohortRow[]> {
    return this.dataSource.query(
      `SELECT k.id, k.name, to_char(k.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(k.ends_on, 'YYYY-MM-DD') AS "endsOn",
              json_build_object('id', c.id, 'code', c.code, 'name', c.name) AS council,
              coalesce(array_agg(m.councillor_id ORDER BY m.councillor_id) FILTER (WHERE m.councillor_id IS NOT NULL), '{}') AS "memberIds"
       FROM cohort k JOIN council c ON c.id = k.council_id
       LEFT JOIN cohort_member m ON m.cohort_id = k.id
       WHERE ($1::uuid IS NULL OR k.id = $1::uuid)
       GROUP BY k.id, c.id
       ORDER BY k.starts_on DESC, k.name`,
      [params.id ?? null],
    );
  }
}
