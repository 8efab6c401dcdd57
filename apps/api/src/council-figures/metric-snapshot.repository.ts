import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type MetricScope = 'councillor' | 'ward' | 'council';

export interface MetricSnapshotRow<T> {
  subject: string;
  /** YYYY-MM-DD. */
  day: string;
  figures: T;
  computedAt: Date;
}

/** Stores and reads the daily figures of councillors, wards and councils (`metric_snapshot`). */
@Injectable()
export class MetricSnapshotRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores one day of figures in one transaction, one multi-row upsert per scope: recomputing a day
   * overwrites that day's rows (idempotent), and readers never see a day half written.
   */
  async saveDay(params: {
    day: string;
    computedAt: Date;
    scopes: ReadonlyArray<{ scope: MetricScope; rows: ReadonlyArray<{ subject: string; figures: unknown }> }>;
  }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const { scope, rows } of params.scopes) {
        if (rows.length === 0) continue;
        await manager.query(
          `INSERT INTO metric_snapshot (scope, subject, day, figures, computed_at)
           SELECT $1, t.subject, $2::date, t.figures::jsonb, $3
           FROM unnest($4::text[], $5::text[]) AS t(subject, figures)
           ON CONFLICT (scope, subject, day) DO UPDATE SET figures = excluded.figures, computed_at = excluded.computed_at`,
          [
            scope,
            params.day,
            params.computedAt,
            rows.map((row) => row.subject),
            rows.map((row) => JSON.stringify(row.figures)),
          ],
        );
      }
    });
  }

  /** The newest row on or before `day` of each subject (all subjects of the scope, or the given ones). */
  latest<T>(params: {
    scope: MetricScope;
    day: string;
    subjects?: readonly string[];
  }): Promise<Array<MetricSnapshotRow<T>>> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (subject) subject, to_char(day, 'YYYY-MM-DD') AS day, figures, computed_at AS "computedAt"
       FROM metric_snapshot
       WHERE scope = $1 AND day <= $2::date AND ($3::text[] IS NULL OR subject = ANY($3::text[]))
       ORDER BY subject, day DESC`,
      [params.scope, params.day, params.subjects ?? null],
    );
  }

  /** One figure of every row of the given subjects from `since` to `until`, oldest first (cohort series). */
  values(params: {
    scope: MetricScope;
    subjects: readonly string[];
    since: string;
    until: string;
  }): Promise<
    Array<{ subject: string; day: string; values: Record<string, number | null>; computedAt: Date }>
  > {
    if (params.subjects.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT subject, to_char(day, 'YYYY-MM-DD') AS day, figures->'values' AS values, computed_at AS "computedAt"
       FROM metric_snapshot
       WHERE scope = $1 AND subject = ANY($2::text[]) AND day >= $3::date AND day <= $4::date
       ORDER BY subject, day`,
      [params.scope, params.subjects, params.since, params.until],
    );
  }
}
