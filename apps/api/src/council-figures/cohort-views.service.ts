import { Injectable, NotFoundException } from '@nestjs/common';
import { COUNCILLOR_FIGURE_KEYS, COUNCILLOR_FIGURE_LABELS } from '@wardreach/contracts';
import type {
  CohortListResponse,
  CohortOutcomesResponse,
  CohortSummary,
  CouncillorRef,
} from '@wardreach/contracts';
import {
  addDays,
  COHORT_TOLERANCE_DAYS,
  cohortOutcomes,
  cohortUntil,
  cohortWeeklySeries,
  type Cohort,
  type CouncillorSeries,
} from '@wardreach/metrics';
import { Clock } from '../common/clock';
import { CouncilViewsRepository, type CohortRow } from './council-views.repository';
import { MetricSnapshotRepository } from './metric-snapshot.repository';
import type { CohortOutcomesQuery } from './view-queries';
import { newestComputedAt, stripCouncil } from './view-helpers';

/** Pilot cohorts and their outcomes against the rest of the council, from the stored daily figures. */
@Injectable()
export class CohortViewsService {
  constructor(
    private readonly roster: CouncilViewsRepository,
    private readonly snapshots: MetricSnapshotRepository,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<CohortListResponse> {
    const [cohorts, councillors] = await Promise.all([this.roster.cohorts(), this.roster.councillors()]);
    const refs = new Map(councillors.map((councillor) => [councillor.id, stripCouncil(councillor)]));
    const items = cohorts.map((cohort) => summaryOf(cohort, refs));
    return { items, total: items.length };
  }

  /**
   * Baseline, now, change and difference-in-differences per figure (libs/metrics `cohortOutcomes`)
   * and each figure's weekly series (`cohortWeeklySeries`), over every councillor of the cohort's
   * council: members form the cohort, the others the comparison group.
   */
  async outcomes(id: string, query: CohortOutcomesQuery): Promise<CohortOutcomesResponse> {
    const [row] = await this.roster.cohorts({ id });
    if (row === undefined) throw new NotFoundException(`No cohort has the id ${id}`);
    const now = this.clock.now();
    const councillors = await this.roster.councillors({ councilId: row.council.id });
    const refs = new Map(councillors.map((councillor) => [councillor.id, stripCouncil(councillor)]));
    const cohort: Cohort = { members: row.memberIds, start: row.startsOn, end: row.endsOn };
    const until = cohortUntil(cohort, now);
    const earliest = addDays(row.startsOn, -7 * query.weeksBefore - COHORT_TOLERANCE_DAYS);
    const rows = await this.snapshots.values({
      scope: 'councillor',
      subjects: councillors.map((councillor) => councillor.id),
      since: earliest,
      until,
    });
    const byCouncillor = new Map<string, CouncillorSeries['snapshots'][number][]>();
    for (const snapshot of rows) {
      const list = byCouncillor.get(snapshot.subject) ?? [];
      list.push({ date: snapshot.day, figures: snapshot.values });
      byCouncillor.set(snapshot.subject, list);
    }
    const series: CouncillorSeries[] = councillors.map((councillor) => ({
      councillorId: councillor.id,
      snapshots: byCouncillor.get(councillor.id) ?? [],
    }));
    const outcomes = cohortOutcomes({
      cohort,
      series,
      figures: COUNCILLOR_FIGURE_KEYS,
      now,
      aggregate: query.aggregate,
    });
    return {
      cohort: summaryOf(row, refs),
      until: outcomes.until,
      updatedAt: newestComputedAt(rows),
      aggregate: outcomes.aggregate,
      figures: COUNCILLOR_FIGURE_KEYS.map((figure, i) => ({
        figure,
        label: COUNCILLOR_FIGURE_LABELS[figure],
        cohort: outcomes.figures[i].cohort,
        comparison: outcomes.figures[i].comparison,
        differenceInDifferences: outcomes.figures[i].differenceInDifferences,
        weekly: cohortWeeklySeries({
          cohort,
          series,
          figure,
          now,
          aggregate: query.aggregate,
          weeksBefore: query.weeksBefore,
        }),
      })),
    };
  }
}

function summaryOf(row: CohortRow, refs: ReadonlyMap<string, CouncillorRef>): CohortSummary {
  return {
    id: row.id,
    name: row.name,
    council: { code: row.council.code, name: row.council.name },
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    members: row.memberIds.map((id) => refs.get(id)).filter((ref): ref is CouncillorRef => ref !== undefined),
  };
}
