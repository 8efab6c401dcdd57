import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GazetteerEntry } from '@wardreach/metrics';
import { DataSource } from 'typeorm';

@Injectable()
export class GazetteerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async allEntries(): Promise<GazetteerEntry[]> {
    const rows: Array<{ ward_code: string; ward_name: string; kind: GazetteerEntry['kind']; value: string }> =
      await this.dataSource.query(
        `SELECT w.code AS ward_code, w.name AS ward_name, g.kind, g.value
         FROM gazetteer_entry g JOIN ward w ON w.id = g.ward_id ORDER BY w.code, g.kind, g.value`,
      );
    return rows.map((row, index) => ({
      wardCode: row.ward_code,
      wardName: row.ward_name,
      kind: row.kind,
      value: row.value,
      line: index + 1,
    }));
  }

  /** Changes whenever the gazetteer does (count and a checksum), so attributors know to reload. */
  async version(): Promise<string> {
    const [row]: Array<{ version: string | null }> = await this.dataSource.query(
      `SELECT count(*)::text || ':' || COALESCE(md5(string_agg(ward_id::text || kind || value, ',' ORDER BY ward_id, kind, value)), '') AS version
       FROM gazetteer_entry`,
    );
    return row?.version ?? '';
  }

  /** Replaces the gazetteer of a council's wards in one transaction: an import fully applies or changes nothing. */
  async replaceForCouncil(
    councilId: string,
    entries: Array<Pick<GazetteerEntry, 'wardCode' | 'kind' | 'value'>>,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `DELETE FROM gazetteer_entry g USING ward w WHERE g.ward_id = w.id AND w.council_id = $1`,
        [councilId],
      );
      if (entries.length === 0) return 0;
      const rows: unknown[] = await manager.query(
        `INSERT INTO gazetteer_entry (ward_id, kind, value)
         SELECT w.id, t.kind, t.value FROM unnest($2::text[], $3::text[], $4::text[]) AS t(ward_code, kind, value)
         JOIN ward w ON w.code = t.ward_code AND w.council_id = $1
         ON CONFLICT DO NOTHING RETURNING 1`,
        [councilId, entries.map((e) => e.wardCode), entries.map((e) => e.kind), entries.map((e) => e.value)],
      );
      return rows.length;
    });
  }
}
