import type { HeadlineFigures, SnapshotPoint } from '@wardreach/contracts';
import { snapshotOnOrBefore } from '@wardreach/metrics';
import type { AccountSnapshot } from '@wardreach/metrics';

const EMPTY: HeadlineFigures = {
  followers: 0,
  following: null,
  posts: null,
  followersNet7d: null,
  followersNet30d: null,
  posts30d: 0,
  engagementRate: null,
  likesHidden30d: 0,
  replyShare: null,
  localShare: null,
  followersWard: 0,
  followersCouncil: 0,
  followersElsewhere: 0,
  followersUnknown: 0,
};

function sumNullable(values: Array<number | null>): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0 ? null : present.reduce((sum, value) => sum + value, 0);
}

/**
 * Headline figures of one or more accounts' snapshots (a councillor's are their accounts' pooled):
 * counts add up; shares pool numerators over denominators, so a quiet second account does not weigh
 * like the main one; the engagement rate pools Σ engagement ÷ Σ (posts × followers).
 */
export function headlineOf(snapshots: readonly AccountSnapshot[]): HeadlineFigures {
  if (snapshots.length === 0) return { ...EMPTY };
  const posts30d = snapshots.reduce((sum, s) => sum + s.posts30d, 0);
  const engagement = snapshots.reduce((sum, s) => sum + s.engagement30d, 0);
  const exposure = snapshots.reduce((sum, s) => sum + s.posts30d * s.followers, 0);
  const replies = snapshots.reduce((sum, s) => sum + (s.replyShare ?? 0) * s.posts30d, 0);
  const ward = snapshots.reduce((sum, s) => sum + s.followersWard, 0);
  const council = snapshots.reduce((sum, s) => sum + s.followersCouncil, 0);
  const elsewhere = snapshots.reduce((sum, s) => sum + s.followersElsewhere, 0);
  const known = ward + council + elsewhere;
  return {
    followers: snapshots.reduce((sum, s) => sum + s.followers, 0),
    following: sumNullable(snapshots.map((s) => s.following)),
    posts: sumNullable(snapshots.map((s) => s.posts)),
    followersNet7d: sumNullable(snapshots.map((s) => s.followersNet7d)),
    followersNet30d: sumNullable(snapshots.map((s) => s.followersNet30d)),
    posts30d,
    engagementRate: exposure > 0 ? engagement / exposure : null,
    likesHidden30d: snapshots.reduce((sum, s) => sum + s.likesHidden30d, 0),
    replyShare: posts30d > 0 ? replies / posts30d : null,
    localShare: known > 0 ? ward / known : null,
    followersWard: ward,
    followersCouncil: council,
    followersElsewhere: elsewhere,
    followersUnknown: snapshots.reduce((sum, s) => sum + s.followersUnknown, 0),
  };
}

/** One point a day, summed over the given snapshots (which may come from several accounts). */
export function seriesOf(snapshots: readonly AccountSnapshot[]): SnapshotPoint[] {
  const byDay = new Map<string, AccountSnapshot[]>();
  for (const snapshot of snapshots) {
    const day = byDay.get(snapshot.date) ?? [];
    day.push(snapshot);
    byDay.set(snapshot.date, day);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, day]) => {
      const headline = headlineOf(day);
      return {
        date,
        followers: headline.followers,
        posts30d: headline.posts30d,
        postsOnDay: day.reduce((sum, s) => sum + s.postsOnDay, 0),
        engagement30d: day.reduce((sum, s) => sum + s.engagement30d, 0),
        localShare: headline.localShare,
      };
    });
}

/**
 * One point a day over several accounts (a councillor's): on each day any account has a snapshot,
 * every account counts with the snapshot standing for that day (`snapshotOnOrBefore`: its own, else
 * its latest within SNAPSHOT_TOLERANCE_DAYS), so one account's missed collection does not dip the
 * councillor's followers by that account's. A standing-in snapshot adds no posts that day (its own
 * day's posts are counted on its own day). An account counts from its first snapshot.
 */
export function pooledSeriesOf(
  rows: ReadonlyArray<{ accountId: string; figures: AccountSnapshot }>,
): SnapshotPoint[] {
  const byAccount = new Map<string, AccountSnapshot[]>();
  for (const row of rows)
    byAccount.set(row.accountId, [...(byAccount.get(row.accountId) ?? []), row.figures]);
  const days = [...new Set(rows.map((row) => row.figures.date))].sort();
  const standing: AccountSnapshot[] = [];
  for (const day of days) {
    for (const series of byAccount.values()) {
      const snapshot = snapshotOnOrBefore(series, day);
      if (snapshot === null) continue;
      standing.push(snapshot.date === day ? snapshot : { ...snapshot, date: day, postsOnDay: 0 });
    }
  }
  return seriesOf(standing);
}

/**
 * The series with each day's posts as the posts themselves count them (`counts`: posts per UTC day),
 * which also holds the posts made after that day's last collection; days with none have 0.
 */
export function withPostsPerDay(
  series: SnapshotPoint[],
  counts: ReadonlyMap<string, number>,
): SnapshotPoint[] {
  return series.map((point) => ({ ...point, postsOnDay: counts.get(point.date) ?? 0 }));
}
