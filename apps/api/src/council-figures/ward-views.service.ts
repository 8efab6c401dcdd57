import { Injectable, NotFoundException } from '@nestjs/common';
import type { CouncillorRef, WardDetail, WardListResponse, WardSummary } from '@wardreach/contracts';
import { dayOf } from '@wardreach/metrics';
import { Clock } from '../common/clock';
import { CouncilViewsRepository } from './council-views.repository';
import { MetricSnapshotRepository, type MetricSnapshotRow } from './metric-snapshot.repository';
import type { WardDayFigures } from './stored-figures';
import { newestComputedAt, stripCouncil } from './view-helpers';

/** The ward views, from each ward's newest stored figures. */
@Injectable()
export class WardViewsService {
  constructor(
    private readonly roster: CouncilViewsRepository,
    private readonly snapshots: MetricSnapshotRepository,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<WardListResponse> {
    const today = dayOf(this.clock.now());
    const [wards, councillors, stored] = await Promise.all([
      this.roster.wards(),
      this.roster.councillors(),
      this.snapshots.latest<WardDayFigures>({ scope: 'ward', day: today }),
    ]);
    const byWard = new Map<string, CouncillorRef[]>();
    for (const councillor of councillors) {
      byWard.set(councillor.ward.code, [
        ...(byWard.get(councillor.ward.code) ?? []),
        stripCouncil(councillor),
      ]);
    }
    const figuresOf = new Map(stored.map((row) => [row.subject, row]));
    const items: WardSummary[] = wards.map((ward) => {
      const row = figuresOf.get(ward.code);
      return {
        code: ward.code,
        name: ward.name,
        councillors: byWard.get(ward.code) ?? [],
        adults: ward.adults,
        distinctWardFollowers: row?.figures.reach.distinctWardFollowers ?? null,
        // As computed that day, so the list and the ward page always agree.
        penetration: row?.figures.reach.penetration ?? null,
        day: row?.day ?? null,
      };
    });
    return { items, total: items.length, updatedAt: newestComputedAt(stored) };
  }

  async detail(code: string): Promise<WardDetail> {
    const [ward] = await this.roster.wards({ code });
    if (ward === undefined) throw new NotFoundException(`No ward has the code ${code}`);
    const today = dayOf(this.clock.now());
    const [councillors, stored] = await Promise.all([
      this.roster.councillors(),
      this.snapshots.latest<WardDayFigures>({ scope: 'ward', day: today, subjects: [code] }),
    ]);
    const row: MetricSnapshotRow<WardDayFigures> | undefined = stored[0];
    return {
      ward: { code: ward.code, name: ward.name, adults: ward.adults },
      councillors: councillors.filter((councillor) => councillor.ward.code === code).map(stripCouncil),
      figures: row === undefined ? null : row.figures.reach,
      network: row === undefined ? null : row.figures.network,
      // Days stored before `councillorsConnected` have `wardConnections` instead, which was always 0.
      suggestedConnections: (row?.figures.suggestedConnections ?? []).map((suggestion) => ({
        account: suggestion.account,
        councillorsConnected: suggestion.councillorsConnected ?? 0,
      })),
      day: row?.day ?? null,
      updatedAt: newestComputedAt(stored),
    };
  }
}
