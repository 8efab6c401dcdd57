import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The figure settings kept in `council.settings` jsonb (keys `supportThresholds` and `footprintIndex`). */
@Injectable()
export class CouncilSettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async settings(councilId: string): Promise<Record<string, unknown>> {
    const [row]: Array<{ settings: Record<string, unknown> }> = await this.dataSource.query(
      `SELECT settings FROM council WHERE id = $1`,
      [councilId],
    );
    return row?.settings ?? {};
  }

  /** Replaces the given top-level keys of the council's settings, leaving any others as they are. */
  async merge(councilId: string, values: Record<string, unknown>): Promise<void> {
    await this.dataSource.query(`UPDATE council SET settings = settings || $2::jsonb WHERE id = $1`, [
      councilId,
      JSON.stringify(values),
    ]);
  }
}
