import { Injectable, NotFoundException } from '@nestjs/common';
import type {
  AccountCard,
  CouncilOverview,
  CouncillorFootprint,
  CouncillorListResponse,
  CouncillorSummary,
  PlatformName,
  WaitingInteractions,
} from '@wardreach/contracts';
import {
  ANSWER_WITHIN_HOURS,
  DAY_MS,
  HOUR_MS,
  SNAPSHOT_TOLERANCE_DAYS,
  addDays,
  dayOf,
  median,
} from '@wardreach/metrics';
import type { AccountSnapshot, CalendarDay } from '@wardreach/metrics';
import { Clock } from '../common/clock';
import { AccountRow, CouncillorRow, FootprintRepository } from './footprint.repository';
import { headlineOf, pooledSeriesOf, seriesOf, withPostsPerDay } from './headline-figures';

const SERIES_DAYS = 90;
/** Replies and mentions waiting for an answer: those of the last 30 days, as the figures judge them. */
const WAITING_DAYS = 30;
/** The most of them listed (the oldest first); the count covers them all. */
const WAITING_LISTED = 50;

function newest(dates: Array<Date | null>): string | null {
  const times = dates.filter((d): d is Date => d !== null).map((d) => new Date(d).getTime());
  return times.length === 0 ? null : new Date(Math.max(...times)).toISOString();
}

/** Builds the footprint views from the roster and the latest snapshots. */
@Injectable()
export class FootprintService {
  constructor(
    private readonly repository: FootprintRepository,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<CouncillorListResponse> {
    return (await this.listWithAccounts()).list;
  }

  private async listWithAccounts(): Promise<{ list: CouncillorListResponse; accounts: AccountRow[] }> {
    const [councillors, accounts] = await Promise.all([
      this.repository.councillors(),
      this.repository.accounts(),
    ]);
    const byCouncillor = groupBy(accounts, (account) => account.councillorId);
    const items = councillors.map((councillor) =>
      this.summary(councillor, byCouncillor.get(councillor.id) ?? []),
    );
    return {
      list: { items, total: items.length, updatedAt: newest(accounts.map((a) => a.lastCollectedAt)) },
      accounts,
    };
  }

  async footprint(id: string): Promise<CouncillorFootprint> {
    const [councillor] = await this.repository.councillors({ id });
    if (!councillor) throw new NotFoundException(`No councillor has the id ${id}`);
    const accounts = await this.repository.accounts({ councillorId: id });
    const since = addDays(dayOf(this.clock.now()), -SERIES_DAYS);
    const accountIds = accounts.map((a) => a.id);
    const [rows, postCounts] = await Promise.all([
      this.repository.series({ accountIds, since }),
      this.repository.postsPerDay({ accountIds, since }),
    ]);
    const seriesByAccount = groupBy(rows, (row) => row.accountId);
    const postsOn = (accountId: string | null): Map<string, number> => {
      const counts = new Map<string, number>();
      for (const count of postCounts) {
        if (accountId === null || count.accountId === accountId)
          counts.set(count.day, (counts.get(count.day) ?? 0) + count.posts);
      }
      return counts;
    };
    const cards: AccountCard[] = accounts.map((account) => ({
      id: account.id,
      platform: account.platform,
      handle: account.handle,
      url: account.url,
      status: account.status,
      statusReason: account.statusReason,
      mentions: account.mentions,
      figures: headlineOf(account.latest ? [account.latest] : []),
      lastCollectedAt: account.lastCollectedAt ? new Date(account.lastCollectedAt).toISOString() : null,
      nextDueAt: account.nextDueAt ? new Date(account.nextDueAt).toISOString() : null,
      series: withPostsPerDay(
        seriesOf((seriesByAccount.get(account.id) ?? []).map((row) => row.figures)),
        postsOn(account.id),
      ),
    }));
    const { figures: _figures, lastCollectedAt, ...identity } = this.summary(councillor, accounts);
    return {
      councillor: identity,
      figures: headlineOf(standingOf(accounts, dayOf(this.clock.now()))),
      accounts: cards,
      series: withPostsPerDay(pooledSeriesOf(rows), postsOn(null)),
      waiting: await this.waiting(id),
      suggestedConnections: await this.repository.suggestions({
        wardCode: councillor.wardCode,
        councillorId: id,
        day: dayOf(this.clock.now()),
      }),
      updatedAt: lastCollectedAt,
    };
  }

  /** The replies and mentions from others the councillor has not answered, oldest first. */
  private async waiting(councillorId: string): Promise<WaitingInteractions> {
    const now = this.clock.now();
    const overdueBefore = new Date(now.getTime() - ANSWER_WITHIN_HOURS * HOUR_MS);
    const { items, total, overdue } = await this.repository.waiting({
      councillorId,
      since: new Date(now.getTime() - WAITING_DAYS * DAY_MS),
      now,
      overdueBefore,
      limit: WAITING_LISTED,
    });
    return {
      items: items.map((row) => ({
        id: row.id,
        account: { id: row.accountId, platform: row.platform, handle: row.handle },
        kind: row.kind,
        receivedAt: new Date(row.receivedAt).toISOString(),
        url: row.url,
        overdue: new Date(row.receivedAt).getTime() <= overdueBefore.getTime(),
      })),
      total,
      overdue,
    };
  }

  async overview(): Promise<CouncilOverview> {
    const council = await this.repository.council();
    if (!council)
      throw new NotFoundException(
        'No council has been set up yet: run `npx wardreach seed-demo` or import a roster.',
      );
    const { list, accounts } = await this.listWithAccounts();
    const online = list.items.filter((item) => item.platforms.length > 0);
    const present = (values: Array<number | null>) => values.filter((v): v is number => v !== null);
    return {
      council: { code: council.code, name: council.name },
      councillors: list.total,
      // Every account: a councillor may have two on one platform (a personal and a ward account).
      accounts: accounts.length,
      wards: council.wards,
      // As the contract says: at least one account collected, not merely recorded.
      councillorsOnline: list.items.filter((item) => item.lastCollectedAt !== null).length,
      totals: {
        followers: list.items.reduce((sum, item) => sum + item.figures.followers, 0),
        posts30d: list.items.reduce((sum, item) => sum + item.figures.posts30d, 0),
        medianFollowers: median(online.map((item) => item.figures.followers)),
        medianEngagementRate: median(present(online.map((item) => item.figures.engagementRate))),
        medianLocalShare: median(present(online.map((item) => item.figures.localShare))),
        medianFollowersNet7d: median(present(online.map((item) => item.figures.followersNet7d))),
        medianFollowersNet30d: median(present(online.map((item) => item.figures.followersNet30d))),
        medianPosts30d: median(online.map((item) => item.figures.posts30d)),
        medianReplyShare: median(present(online.map((item) => item.figures.replyShare))),
      },
      updatedAt: list.updatedAt,
    };
  }

  private summary(councillor: CouncillorRow, accounts: AccountRow[]): CouncillorSummary {
    const platforms: PlatformName[] = [...new Set(accounts.map((account) => account.platform))].sort();
    return {
      id: councillor.id,
      name: councillor.name,
      party: councillor.party,
      ward: { code: councillor.wardCode, name: councillor.wardName },
      platforms,
      figures: headlineOf(standingOf(accounts, dayOf(this.clock.now()))),
      lastCollectedAt: newest(accounts.map((a) => a.lastCollectedAt)),
    };
  }
}

/**
 * The accounts' newest snapshots that still stand for `today` (dated no more than
 * SNAPSHOT_TOLERANCE_DAYS before it), as the support table and the stored figures take them: an
 * account not collected for longer adds nothing to its councillor's figures, rather than its last
 * month's posts and engagement as if current. Its own card still shows them, with when they were collected.
 */
function standingOf(accounts: AccountRow[], today: CalendarDay): AccountSnapshot[] {
  const earliest = addDays(today, -SNAPSHOT_TOLERANCE_DAYS);
  return accounts
    .map((account) => account.latest)
    .filter((s): s is AccountSnapshot => s !== null && s.date >= earliest && s.date <= today);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item)) ?? [];
    group.push(item);
    groups.set(key(item), group);
  }
  return groups;
}
