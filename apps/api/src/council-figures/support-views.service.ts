import { Injectable } from '@nestjs/common';
import type { SupportResponse, SupportRow } from '@wardreach/contracts';
import { dayOf } from '@wardreach/metrics';
import { Clock } from '../common/clock';
import { CouncilViewsRepository } from './council-views.repository';
import { MetricSnapshotRepository } from './metric-snapshot.repository';
import type { CouncillorDayFigures } from './stored-figures';
import { supportCsv } from './support-csv';
import { newestComputedAt, stripCouncil } from './view-helpers';
import { NO_PARTY, type SupportQuery } from './view-queries';

/** The support table: every councillor with figures, footprint index and explained flags. */
@Injectable()
export class SupportViewsService {
  constructor(
    private readonly roster: CouncilViewsRepository,
    private readonly snapshots: MetricSnapshotRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Councillors with stored figures (those never computed have nothing to judge yet), optionally only
   * those raising `flag`, of `ward`, of `party` (or with none).
   */
  async list(query: SupportQuery): Promise<SupportResponse> {
    const { flag, ward, party } = query;
    const today = dayOf(this.clock.now());
    const [councillors, stored] = await Promise.all([
      this.roster.councillors(),
      this.snapshots.latest<CouncillorDayFigures>({ scope: 'councillor', day: today }),
    ]);
    const figuresOf = new Map(stored.map((row) => [row.subject, row]));
    const items: SupportRow[] = [];
    for (const councillor of councillors) {
      const row = figuresOf.get(councillor.id);
      if (row === undefined) continue;
      if (flag !== null && !row.figures.flags.some((raised) => raised.key === flag)) continue;
      if (ward !== null && councillor.ward.code !== ward) continue;
      if (party === NO_PARTY ? councillor.party !== null : party !== null && councillor.party !== party)
        continue;
      items.push({
        councillor: stripCouncil(councillor),
        figures: row.figures.values,
        activePlatforms: row.figures.figures.activePlatforms,
        footprint: row.figures.footprint,
        flags: row.figures.flags,
        day: row.day,
      });
    }
    return { items, total: items.length, flag, updatedAt: newestComputedAt(stored) };
  }

  async csv(query: SupportQuery): Promise<string> {
    return supportCsv((await this.list(query)).items);
  }
}
