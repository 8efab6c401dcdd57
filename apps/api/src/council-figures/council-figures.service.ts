import { Inject, Injectable, Logger } from '@nestjs/common';
import { personIdOf } from '@wardreach/collectors';
import { COUNCILLOR_FIGURE_KEYS } from '@wardreach/contracts';
import {
  addDays,
  councilMedians,
  dayOf,
  startOfDay,
  followerOverlap,
  indexDistribution,
  reachReference,
  SNAPSHOT_TOLERANCE_DAYS,
  type CouncillorFollowerSet,
} from '@wardreach/metrics';
import { Clock } from '../common/clock';
import { pseudonymise } from '../common/pseudonymise';
import { SECRET_KEY } from '../common/secret-key.token';
import { LiveEventsService } from '../events/live-events.service';
import {
  CouncilFactsRepository,
  type CouncilRow,
  type CouncillorPseudonym,
} from './council-facts.repository';
import { councilFigureSettings } from './council-settings';
import { combinedFigures, councillorDayFigures } from './councillor-day-figures';
import { MetricSnapshotRepository } from './metric-snapshot.repository';
import {
  OVERLAP_PAIRS_KEPT,
  type CouncilDayFigures,
  type CouncillorDayFigures,
  type WardDayFigures,
} from './stored-figures';
import { wardDayFigures } from './ward-day-figures';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Replies and mentions within this many days make reply edges of the civic network. */
export const REPLY_EDGE_DAYS = 90;

export interface RecomputeSummary {
  day: string;
  councils: number;
  councillors: number;
  wards: number;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group === undefined) groups.set(key(item), [item]);
    else group.push(item);
  }
  return groups;
}

/**
 * Recomputes every councillor, ward and council figure for the day of `now` from what has been
 * collected and stores them in `metric_snapshot` (idempotent: a second run the same day overwrites
 * it). Facts are read as they stood at `now`, so a past day can be recomputed from history.
 */
@Injectable()
export class CouncilFiguresService {
  private readonly logger = new Logger(CouncilFiguresService.name);

  constructor(
    private readonly facts: CouncilFactsRepository,
    private readonly snapshots: MetricSnapshotRepository,
    private readonly events: LiveEventsService,
    private readonly clock: Clock,
    @Inject(SECRET_KEY) private readonly secret: string,
  ) {}

  async recompute(now: Date = this.clock.now()): Promise<RecomputeSummary> {
    const { summary, councillorIds } = await this.computeDay(now);
    await this.events.publish({ type: 'figures.updated', councillorIds, at: now.toISOString() });
    return summary;
  }

  /**
   * Recomputes every day from `from` to `to` (inclusive, YYYY-MM-DD), each as it stood at the end of
   * that day (today: as it stands now), e.g. when figures are first deployed on an installation that
   * already has account snapshots, so cohort baselines in the past exist. Days after today are not
   * computed. One live event at the end.
   */
  async backfill(params: { from: string; to: string }): Promise<RecomputeSummary[]> {
    const now = this.clock.now();
    const today = dayOf(now);
    if (params.from > params.to) throw new RangeError(`backfill from ${params.from} is after ${params.to}`);
    const summaries: RecomputeSummary[] = [];
    const councillorIds = new Set<string>();
    for (let day = params.from; day <= params.to && day <= today; day = addDays(day, 1)) {
      const at = day === today ? now : new Date(startOfDay(addDays(day, 1)).getTime() - 1);
      const done = await this.computeDay(at);
      summaries.push(done.summary);
      for (const id of done.councillorIds) councillorIds.add(id);
    }
    if (summaries.length > 0)
      await this.events.publish({
        type: 'figures.updated',
        councillorIds: [...councillorIds],
        at: now.toISOString(),
      });
    return summaries;
  }

  private async computeDay(now: Date): Promise<{ summary: RecomputeSummary; councillorIds: string[] }> {
    const summary: RecomputeSummary = { day: dayOf(now), councils: 0, councillors: 0, wards: 0 };
    const councillorIds: string[] = [];
    for (const council of await this.facts.councils()) {
      const done = await this.recomputeCouncil(council, now);
      summary.councils += 1;
      summary.councillors += done.councillorIds.length;
      summary.wards += done.wards;
      councillorIds.push(...done.councillorIds);
    }
    this.logger.log(
      `figures of ${summary.day}: ${summary.councillors} councillors, ${summary.wards} wards, ${summary.councils} councils`,
    );
    return { summary, councillorIds };
  }

  private async recomputeCouncil(
    council: CouncilRow,
    now: Date,
  ): Promise<{ councillorIds: string[]; wards: number }> {
    const day = dayOf(now);
    const settings = councilFigureSettings(council.code, council.settings);
    const [wards, councillors, accounts, wardFollowers, councillorFollowers, civicAccounts] =
      await Promise.all([
        this.facts.wards(council.id),
        this.facts.councillors(council.id),
        this.facts.accounts({ councilId: council.id, day, now, toleranceDays: SNAPSHOT_TOLERANCE_DAYS }),
        this.facts.wardFollowers({ councilId: council.id, now }),
        this.facts.councillorFollowers({ councilId: council.id, now }),
        this.facts.civicAccounts(council.id),
      ]);
    // Councillors among followers and authors, identified as collection identifies those
    // (Mastodon: user@domain from the handle, not the id their instance gave them).
    const councillorPseudonyms: CouncillorPseudonym[] = accounts.flatMap((account) => {
      const personId = personIdOf(account.platform, account);
      return personId === null
        ? []
        : [
            {
              councillorId: account.councillorId,
              platform: account.platform,
              pseudonym: pseudonymise(this.secret, account.platform, personId),
            },
          ];
    });
    const repliesSince = new Date(now.getTime() - REPLY_EDGE_DAYS * DAY_MS);
    const [edges, civicLinks] = await Promise.all([
      this.facts.networkEdges({ councilId: council.id, now, repliesSince, councillorPseudonyms }),
      this.facts.civicLinks({ councilId: council.id, now, repliesSince }),
    ]);
    const linksOf = new Map(civicLinks.map((row) => [row.civicId, new Set(row.councillorIds)]));

    // Councillors: the index needs the council's largest reach, so combine everyone first.
    const accountsOf = groupBy(accounts, (account) => account.councillorId);
    const combined = councillors.map((councillor) => combinedFigures(accountsOf.get(councillor.id) ?? []));
    const reference = reachReference(combined.map((figures) => figures.totalReach));
    const councillorDays: CouncillorDayFigures[] = councillors.map((councillor, i) =>
      councillorDayFigures({
        accounts: accountsOf.get(councillor.id) ?? [],
        figures: combined[i],
        reachReference: reference,
        settings,
        now,
      }),
    );

    // Wards.
    const councillorsOf = groupBy(councillors, (councillor) => councillor.wardCode);
    const followersOf = groupBy(wardFollowers, (row) => row.wardCode);
    const edgesOf = groupBy(edges, (row) => row.wardCode);
    const wardDays: WardDayFigures[] = wards.map((ward) =>
      wardDayFigures({
        ward,
        councillors: councillorsOf.get(ward.code) ?? [],
        followers: followersOf.get(ward.code) ?? [],
        edges: edgesOf.get(ward.code) ?? [],
        civicAccounts,
        civicLinks: linksOf,
      }),
    );

    // Council-wide.
    const followerGroups = groupBy(councillorFollowers, (row) => row.councillorId);
    const sets: CouncillorFollowerSet[] = councillors.map((councillor) => ({
      councillorId: councillor.id,
      followers: (followerGroups.get(councillor.id) ?? []).flatMap((group) =>
        group.followerIds.map((followerId) => ({ platform: group.platform, followerId })),
      ),
    }));
    const pairs = followerOverlap(sets);
    const values = councillorDays.map((figures) => figures.values);
    const councilDay: CouncilDayFigures = {
      councillors: councillors.length,
      overlapPairs: pairs.length,
      overlap: pairs.slice(0, OVERLAP_PAIRS_KEPT),
      indexDistribution: indexDistribution(
        values.map((v) => v.footprintIndex).filter((index): index is number => index !== null),
      ),
      // Councillors compare themselves with colleagues who are online: one with no account at all (all
      // zeros) is left out, as the council overview's medians leave them out.
      medians: councilMedians(
        values.filter((_, i) => (accountsOf.get(councillors[i].id) ?? []).length > 0),
        COUNCILLOR_FIGURE_KEYS,
      ),
    };

    await this.snapshots.saveDay({
      day,
      computedAt: now,
      scopes: [
        {
          scope: 'councillor',
          rows: councillors.map((councillor, i) => ({ subject: councillor.id, figures: councillorDays[i] })),
        },
        { scope: 'ward', rows: wards.map((ward, i) => ({ subject: ward.code, figures: wardDays[i] })) },
        { scope: 'council', rows: [{ subject: council.code, figures: councilDay }] },
      ],
    });
    return { councillorIds: councillors.map((councillor) => councillor.id), wards: wards.length };
  }
}
