import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CivicAccountView, PlatformName } from '@wardreach/contracts';
import { DataSource } from 'typeorm';

type CivicAccountRow = Omit<CivicAccountView, 'createdAt'> & { createdAt: Date };

export class DuplicateCivicAccountError extends Error {}

/** The account's owner had everything held about it erased: it is suppressed for good. */
export class ErasedCivicAccountError extends Error {}

const SELECT = `
  SELECT ca.id, ca.name, ca.platform, ca.handle, ca.external_id AS "externalId", ca.created_at AS "createdAt",
         json_build_object('code', c.code, 'name', c.name) AS council,
         CASE WHEN w.id IS NULL THEN NULL ELSE json_build_object('code', w.code, 'name', w.name) END AS ward
  FROM civic_account ca JOIN council c ON c.id = ca.council_id LEFT JOIN ward w ON w.id = ca.ward_id`;

/** The civic organisations admins register (`civic_account`). */
@Injectable()
export class CivicAccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(params: { id?: string } = {}): Promise<CivicAccountView[]> {
    const rows: CivicAccountRow[] = await this.dataSource.query(
      `${SELECT} WHERE ($1::uuid IS NULL OR ca.id = $1::uuid) ORDER BY c.code, w.name NULLS FIRST, ca.name, ca.id`,
      [params.id ?? null],
    );
    return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt).toISOString() }));
  }

  async wardByCode(code: string): Promise<{ id: string; councilId: string } | null> {
    const [row]: Array<{ id: string; councilId: string }> = await this.dataSource.query(
      `SELECT id, council_id AS "councilId" FROM ward WHERE code = $1`,
      [code],
    );
    return row ?? null;
  }

  /** Inserts the account; a second registration of the same platform id in the council is refused. */
  async insert(params: {
    councilId: string;
    wardId: string | null;
    name: string;
    platform: PlatformName;
    handle: string;
    externalId: string;
    pseudonym: string;
  }): Promise<string> {
    // In one statement with the check, so an account erased (and suppressed) is never registered again.
    const [row]: Array<{ id: string | null; erased: boolean }> = await this.dataSource.query(
      `WITH erased AS (SELECT 1 FROM erasure_suppression WHERE platform = $4 AND pseudonym = $7),
       inserted AS (
         INSERT INTO civic_account (council_id, ward_id, name, platform, handle, external_id, pseudonym)
         SELECT $1, $2, $3, $4, $5, $6, $7 WHERE NOT EXISTS (SELECT 1 FROM erased)
         ON CONFLICT (council_id, platform, external_id) DO NOTHING
         RETURNING id
       )
       SELECT (SELECT id FROM inserted) AS id, EXISTS (SELECT 1 FROM erased) AS erased`,
      [
        params.councilId,
        params.wardId,
        params.name,
        params.platform,
        params.handle,
        params.externalId,
        params.pseudonym,
      ],
    );
    if (row.erased) {
      throw new ErasedCivicAccountError(
        `${params.platform} account ${params.externalId} was erased at its owner's request and is not stored again`,
      );
    }
    if (row.id === null) {
      throw new DuplicateCivicAccountError(
        `${params.platform} account ${params.externalId} is already registered in this council`,
      );
    }
    return row.id;
  }

  /** Whether there was such an account to remove. */
  async remove(id: string): Promise<boolean> {
    // TypeORM answers a DELETE on PostgreSQL with [rows, affected row count].
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM civic_account WHERE id = $1`,
      [id],
    );
    return affected > 0;
  }
}
