import { Injectable } from '@nestjs/common';
import { addDays, buildAccountSnapshot, dayOf } from '@wardreach/metrics';
import type { AccountSnapshot } from '@wardreach/metrics';
import { Clock } from '../common/clock';
import { AccountFactsRepository } from './account-facts.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Recomputes an account's figures for today from what has been collected, and stores the snapshot. */
@Injectable()
export class AccountFiguresService {
  constructor(
    private readonly facts: AccountFactsRepository,
    private readonly clock: Clock,
  ) {}

  async snapshot(params: {
    accountId: string;
    profile: { followers: number | null; following: number | null; posts: number | null };
  }): Promise<AccountSnapshot | null> {
    const context = await this.facts.context(params.accountId);
    if (!context) return null;
    const now = this.clock.now();
    const since = new Date(now.getTime() - 31 * DAY_MS);
    const [posts, interactions, edgesKnown] = await Promise.all([
      this.facts.posts(params.accountId, since),
      this.facts.interactions(params.accountId, since),
      this.facts.hasFollowerEdges(params.accountId),
    ]);
    const [followEdges, followerPlaces, history] = await Promise.all([
      edgesKnown ? this.facts.followEdgeChanges(params.accountId, since) : Promise.resolve(null),
      edgesKnown ? this.facts.followerPlaces(params.accountId) : Promise.resolve(null),
      this.facts.history(params.accountId, addDays(dayOf(now), -40)),
    ]);
    const followers = params.profile.followers ?? followerPlaces?.length ?? 0;
    const snapshot = buildAccountSnapshot({
      now,
      profile: { followers, following: params.profile.following, posts: params.profile.posts },
      posts,
      interactions,
      followEdges,
      followerPlaces,
      wardCode: context.wardCode,
      councilDomains: context.councilDomains,
      history,
    });
    await this.facts.saveSnapshot(params.accountId, snapshot);
    return snapshot;
  }
}
