import { Injectable, NotFoundException } from '@nestjs/common';
import type {
  CouncilOverlapResponse,
  CouncillorIndexResponse,
  CouncillorRef,
  IndexDistributionResponse,
} from '@wardreach/contracts';
import { dayOf } from '@wardreach/metrics';
import { Clock } from '../common/clock';
import { CouncilViewsRepository, type CouncilRef } from './council-views.repository';
import { MetricSnapshotRepository } from './metric-snapshot.repository';
import type { CouncilDayFigures, CouncillorDayFigures } from './stored-figures';
import { newestComputedAt, stripCouncil } from './view-helpers';

/** Council-wide views: follower overlap, the index distribution, and one councillor's index. */
@Injectable()
export class CouncilViewsService {
  constructor(
    private readonly roster: CouncilViewsRepository,
    private readonly snapshots: MetricSnapshotRepository,
    private readonly clock: Clock,
  ) {}

  async overlap(params: { council: string | null; limit: number }): Promise<CouncilOverlapResponse> {
    const council = await this.councilOrThrow(params.council);
    const row = await this.councilFigures(council);
    const councillors = new Map(
      (await this.roster.councillors({ councilId: council.id })).map((c) => [c.id, stripCouncil(c)]),
    );
    const items = (row?.figures.overlap ?? []).slice(0, params.limit).flatMap((pair) => {
      const a = councillors.get(pair.a);
      const b = councillors.get(pair.b);
      // A councillor removed since the figures were computed is left out rather than shown unnamed.
      return a === undefined || b === undefined
        ? []
        : [{ a, b, shared: pair.shared, union: pair.union, jaccard: pair.jaccard }];
    });
    return {
      council: { code: council.code, name: council.name },
      items,
      total: row?.figures.overlapPairs ?? 0,
      day: row?.day ?? null,
      updatedAt: row === undefined ? null : newestComputedAt([row]),
    };
  }

  async indexDistribution(params: { council: string | null }): Promise<IndexDistributionResponse> {
    const council = await this.councilOrThrow(params.council);
    const row = await this.councilFigures(council);
    return {
      council: { code: council.code, name: council.name },
      distribution: row?.figures.indexDistribution ?? null,
      medians: row?.figures.medians ?? null,
      day: row?.day ?? null,
      updatedAt: row === undefined ? null : newestComputedAt([row]),
    };
  }

  async councillorIndex(id: string): Promise<CouncillorIndexResponse> {
    const [councillor] = await this.roster.councillors({ ids: [id] });
    if (councillor === undefined) throw new NotFoundException(`No councillor has the id ${id}`);
    const today = dayOf(this.clock.now());
    const [row] = await this.snapshots.latest<CouncillorDayFigures>({
      scope: 'councillor',
      day: today,
      subjects: [id],
    });
    if (row === undefined)
      throw new NotFoundException(`No figures have been computed for councillor ${id} yet`);
    const council = await this.roster.councilById(councillor.councilId);
    const councilRow = council === null ? undefined : await this.councilFigures(council);
    const ref: CouncillorRef = stripCouncil(councillor);
    return {
      councillor: ref,
      footprint: row.figures.footprint,
      councilMedian: councilRow?.figures.medians.footprintIndex ?? null,
      day: row.day,
      updatedAt: new Date(row.computedAt).toISOString(),
    };
  }

  private async councilOrThrow(code: string | null): Promise<CouncilRef> {
    const council = await this.roster.council(code);
    if (council === null) {
      throw new NotFoundException(
        code === null ? 'No council has been set up yet.' : `No council has the code ${code}`,
      );
    }
    return council;
  }

  private async councilFigures(council: CouncilRef) {
    const [row] = await this.snapshots.latest<CouncilDayFigures>({
      scope: 'council',
      day: dayOf(this.clock.now()),
      subjects: [council.code],
    });
    return row;
  }
}
