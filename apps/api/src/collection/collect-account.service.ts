import { Inject, Injectable, Logger } from '@nestjs/common';
import { AccountGoneError } from '@wardreach/collectors';
import type { Collector } from '@wardreach/collectors';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AccountCursors, PlatformAccountEntity } from '../accounts/platform-account.entity';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Clock } from '../common/clock';
import { SHARE_RESIDENT_DATA } from '../common/resident-data-lock';
import { followerKey, pseudonymise, pseudonymiseWithKey } from '../common/pseudonymise';
import { SECRET_KEY } from '../common/secret-key.token';
import { FollowerAttributor } from '../attribution/follower-attributor';
import { PrivacyRepository } from '../privacy/privacy.repository';
import { CollectionOutcome } from './collection-outcome';
import { CollectionRepository } from './collection.repository';
import { CollectorSet } from './collector-set';
import { ErasureList } from './erasure-list';
import { FollowerKeyHasher } from './follower-key-hasher';
import { FollowerSweepPages } from './follower-sweep-pages';
import { FollowerSweepWriter } from './follower-sweep-writer';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back a first collection reads, and how long engagement counts keep being refreshed. */
const HISTORY_DAYS = 90;
const ENGAGEMENT_WINDOW_DAYS = 30;
/**
 * A mention search starts this long before the last one began: platforms index posts with a delay,
 * and what is read twice is stored once.
 */
const MENTION_SEARCH_OVERLAP_MS = 5 * 60_000;
/** An account that posted within this window is active (collected and swept often); else dormant. */
const ACTIVE_WINDOW_MS = 30 * DAY_MS;
/** The most pages of an account's following list read at once (5,000 follows on Bluesky, 4,000 on Mastodon). */
const MAX_FOLLOWING_PAGES = 50;

/**
 * Collects one account once: profile, new posts, fresher counts on recent posts, replies, and (when
 * due) a follower sweep streamed page by page into the database. Every write is idempotent and every
 * cursor is saved with the data it covers, so a job retried after a crash picks up where it stopped.
 */
@Injectable()
export class CollectAccountService {
  private readonly logger = new Logger(CollectAccountService.name);

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly collection: CollectionRepository,
    private readonly attributor: FollowerAttributor,
    private readonly hasher: FollowerKeyHasher,
    private readonly privacy: PrivacyRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SECRET_KEY) private readonly secret: string,
  ) {}

  async collect(account: PlatformAccountEntity, collectors: CollectorSet): Promise<CollectionOutcome> {
    const collector = collectors.collectors[account.platform];
    const outcome: CollectionOutcome = {
      accountId: account.id,
      councillorId: account.councillorId,
      newPosts: 0,
      refreshedPosts: 0,
      newInteractions: 0,
      followersGained: 0,
      followersLost: 0,
      followerPages: 0,
      followingPages: 0,
      requests: 0,
      profile: { followers: null, following: null, posts: null },
      mentions: collector.capabilities.mentions,
      mentionsSearchedFrom: null,
      postedRecently: false,
    };
    const now = this.clock.now();

    const profile = await collector.fetchProfile({
      handle: account.handle,
      cursor: account.cursors.posts ?? null,
      externalId: account.externalId,
    });
    if (account.externalId !== null && profile.externalId !== account.externalId) {
      // The handle was given up and taken by another account (a renamed councillor, an impersonator):
      // collecting it would put a stranger's posts and followers under the councillor.
      throw new AccountGoneError(
        account.platform,
        'fetchProfile',
        `the handle ${account.handle} now names a different account (platform id ${account.externalId} before, ${profile.externalId} now): if the councillor moved to a new handle, add that one to the roster`,
      );
    }
    if (profile.externalId !== account.externalId || profile.url !== account.url) {
      await this.accounts.saveResolvedProfile({
        id: account.id,
        externalId: profile.externalId,
        url: profile.url,
      });
      account.externalId = profile.externalId;
      account.url = profile.url;
    }
    outcome.profile = {
      followers: profile.followersCount,
      following: profile.followingCount,
      posts: profile.postsCount,
    };
    const ref = { platform: account.platform, handle: account.handle, externalId: profile.externalId };
    const cursors: AccountCursors = { ...account.cursors };

    const pseudonymOf = (externalId: string) => pseudonymise(this.secret, account.platform, externalId);
    const posts = await collector.fetchPosts({
      account: ref,
      cursor: cursors.posts ?? null,
      since: new Date(now.getTime() - HISTORY_DAYS * DAY_MS),
    });
    // People who asked to be erased are never stored again, nor named by a reply to them. A
    // councillor's reply names whom it answers, so the list is read with the posts, under the
    // resident-data lock: an erasure that committed while they were fetched is seen, and one that
    // starts now waits for them and then unlinks them. Every step after uses the same list.
    const erasures = await this.collection.transaction(async (manager) => {
      await manager.query(SHARE_RESIDENT_DATA);
      const list = new ErasureList(await this.privacy.suppressed(account.platform, manager), pseudonymOf);
      outcome.newPosts = await this.collection.upsertPosts(
        {
          accountId: account.id,
          platform: account.platform,
          posts: posts.items.map((post) => list.postRow(post)),
        },
        manager,
      );
      cursors.posts = posts.nextCursor ?? cursors.posts ?? null;
      await this.accounts.savePostsCursor(account.id, cursors.posts, manager);
      return list;
    });

    const engagementSince = new Date(now.getTime() - ENGAGEMENT_WINDOW_DAYS * DAY_MS);
    if (collector.capabilities.refreshPosts) {
      const fresh = new Set(posts.items.map((post) => post.externalId));
      const stale = (
        await this.collection.recentPostIds({ accountId: account.id, since: engagementSince })
      ).filter((id) => !fresh.has(id));
      if (stale.length > 0) {
        const refreshed = await collector.refreshPosts({ account: ref, externalIds: stale });
        await this.collection.upsertPosts({
          accountId: account.id,
          platform: account.platform,
          posts: refreshed.map((post) => erasures.postRow(post)),
        });
        outcome.refreshedPosts = refreshed.length;
      }
    }

    const searchesMentions = collector.capabilities.mentions === 'collected';
    if (collector.capabilities.replies || searchesMentions) {
      const withUnseenReplies = collector.capabilities.replies
        ? await this.collection.postsWithUnseenReplies({ accountId: account.id, since: engagementSince })
        : [];
      const furtherRepliesUnread = collector.capabilities.replies
        ? await this.collection.furtherRepliesUnread({ accountId: account.id, since: engagementSince })
        : [];
      // Mentions are searched every run from a little before the last search began (not from when
      // that run ended, which would miss what was posted while it ran), so little is paid for twice.
      if (withUnseenReplies.length > 0 || searchesMentions) {
        const searchStartedAt = this.clock.now();
        const interactions = await collector.fetchInteractions({
          account: ref,
          posts: withUnseenReplies,
          furtherRepliesUnread,
          mentionsSince: account.mentionsSearchedFrom ?? account.lastCollectedAt ?? undefined,
        });
        // Read after the search, which may have found the platform's service account refused.
        outcome.mentions = collector.capabilities.mentions;
        if (searchesMentions && outcome.mentions === 'collected') {
          outcome.mentionsSearchedFrom = new Date(searchStartedAt.getTime() - MENTION_SEARCH_OVERLAP_MS);
        }
        outcome.newInteractions = await this.collection.upsertInteractions({
          accountId: account.id,
          platform: account.platform,
          interactions: interactions.flatMap(({ authorExternalId, authorFormerIds, ...rest }) => {
            const authorPseudonym = pseudonymOf(authorExternalId);
            return erasures.has(authorPseudonym, authorFormerIds) ? [] : [{ ...rest, authorPseudonym }];
          }),
        });
        await this.collection.markRepliesRead({
          accountId: account.id,
          posts: withUnseenReplies,
          furtherRepliesUnread: interactions.flatMap((item) =>
            item.furtherRepliesUnread ? [item.externalId] : [],
          ),
          at: now,
        });
      }
    }
    await this.collection.markAnsweredInteractions(account.id);

    // Read once the account's new posts are stored: a dormant account is swept far less often, and
    // one that posts again is swept at the active pace from then on, not a week after its last sweep.
    const postedRecently = await this.accounts.postedWithin({
      id: account.id,
      since: new Date(now.getTime() - ACTIVE_WINDOW_MS),
    });
    outcome.postedRecently = postedRecently;
    const sweepDueAt = this.followerSweepDueAt(account, postedRecently);
    const sweepDue = cursors.followerSweep != null || sweepDueAt.getTime() <= now.getTime();
    if (collector.capabilities.followerList && profile.followersListed && sweepDue) {
      await this.sweepFollowers(account, ref, collector, cursors, outcome, erasures, postedRecently);
    } else {
      if (cursors.followerSweep && !profile.followersListed) {
        // Hidden part-way through a sweep: its record of whom it saw would otherwise be kept for ever.
        await this.collection.abandonFollowerSweep(account.id);
        cursors.followerSweep = null;
      }
      if (collector.capabilities.followerList && !profile.followersListed && sweepDue) {
        // The list is hidden: looked at, as a sweep would have, and looked at again when the next sweep
        // is due (not at every collection), which is what the admin's status shows.
        await this.accounts.planFollowerSweep({
          id: account.id,
          at: this.nextFollowerSweep(now, postedRecently),
          expected: account.nextFollowerSweepAt,
          plannedAt: now,
        });
      } else if (sweepDueAt.getTime() < account.nextFollowerSweepAt.getTime()) {
        // A dormant account that posts again is swept at the active pace: the admin's status shows the
        // sweep that will happen, not the week-away one its last (dormant) sweep planned.
        await this.accounts.planFollowerSweep({
          id: account.id,
          at: sweepDueAt,
          expected: account.nextFollowerSweepAt,
        });
      }
    }

    if (this.followingDue(account, collector, profile.followersListed, postedRecently, now)) {
      await this.sweepFollowing(account, ref, collector, outcome, erasures);
    }

    outcome.requests = collectors.requests();
    return outcome;
  }

  /**
   * Whether the accounts this one follows are due to be read again: on a platform that lists them for
   * free (X bills every read, so its follows are not read), when the lists are shown, and once per
   * follower-sweep interval (the active or the dormant one).
   */
  private followingDue(
    account: PlatformAccountEntity,
    collector: Collector,
    listed: boolean,
    postedRecently: boolean,
    now: Date,
  ): boolean {
    if (!collector.capabilities.followingList || account.platform === 'x' || !listed) return false;
    const last = account.cursors.followingSweptAt;
    return !last || this.nextFollowerSweep(new Date(last), postedRecently).getTime() <= now.getTime();
  }

  /**
   * Reads the accounts this one follows (the councillor's side of the civic network), page by page, up
   * to MAX_FOLLOWING_PAGES, keeping each only as its pseudonym's key, and stores them in one
   * transaction (`writeFollowing`). Following lists are short (a councillor follows hundreds, not
   * hundreds of thousands), so they are held whole; one cut short by the page limit loses nobody.
   */
  private async sweepFollowing(
    account: PlatformAccountEntity,
    ref: { platform: PlatformAccountEntity['platform']; handle: string; externalId: string },
    collector: Collector,
    outcome: CollectionOutcome,
    erasures: ErasureList,
  ): Promise<void> {
    const keys: string[] = [];
    let pageCursor: string | null = null;
    let pages = 0;
    do {
      const page = await collector.fetchFollowing({ account: ref, pageCursor });
      for (const followed of page.items) {
        const { pseudonym, keyHigh, keyLow } = pseudonymiseWithKey(
          this.secret,
          account.platform,
          followed.externalId,
        );
        if (!erasures.has(pseudonym, followed.formerIds)) keys.push(followerKey(keyHigh, keyLow));
      }
      pageCursor = page.nextCursor ? page.nextCursor : null;
      pages += 1;
    } while (pageCursor && pages < MAX_FOLLOWING_PAGES);
    const { followed, unfollowed } = await this.collection.writeFollowing({
      accountId: account.id,
      platform: account.platform,
      targetKeys: keys,
      complete: pageCursor === null,
      now: this.clock.now(),
    });
    outcome.followingPages = pages;
    this.logger.debug(
      `following of ${account.platform}:${account.id}: ${keys.length} in ${pages} pages, ${followed} new, ${unfollowed} no longer`,
    );
  }

  private async sweepFollowers(
    account: PlatformAccountEntity,
    ref: { platform: PlatformAccountEntity['platform']; handle: string; externalId: string },
    collector: Collector,
    cursors: AccountCursors,
    outcome: CollectionOutcome,
    /** The people who asked to be erased, read with the posts. */
    erasures: ErasureList,
    /** Whether the account posted within `ACTIVE_WINDOW_MS`: when its next sweep is due. */
    postedRecently: boolean,
  ): Promise<void> {
    const sweep = cursors.followerSweep ?? { pageCursor: null, startedAt: this.clock.now().toISOString() };
    const writer = new FollowerSweepWriter(this.collection, {
      accountId: account.id,
      platform: account.platform,
      sweepStartedAt: new Date(sweep.startedAt),
      resuming: cursors.followerSweep != null,
      batchRows: this.config.FOLLOWER_BATCH_ROWS,
      profileFollowers: outcome.profile.followers,
      now: () => this.clock.now(),
      // A batch and the cursor after it commit together: a crash redoes at most two batches, harmlessly.
      // Each batch also checks that the sweep's cursor is still its own, so that two workers never
      // interleave batches of one account's sweep. The last one also sets when the next sweep is due,
      // so that a job failing after it (or a worker killed) does not sweep everyone again at once.
      saveCursor: async (manager, pageCursor) => {
        const expected = cursors.followerSweep ?? null;
        cursors.followerSweep = pageCursor === null ? null : { pageCursor, startedAt: sweep.startedAt };
        let nextSweepAt: Date | null = null;
        if (pageCursor === null) {
          const plannedAt = this.clock.now();
          cursors.followersSweptFrom = sweep.startedAt;
          cursors.followerSweepPlannedAt = plannedAt.toISOString();
          nextSweepAt = this.nextFollowerSweep(plannedAt, postedRecently);
        }
        await this.accounts.saveFollowerSweepCursors(account.id, cursors, expected, manager, nextSweepAt);
      },
    });
    const pages = new FollowerSweepPages({
      platform: account.platform,
      hasher: this.hasher,
      attributor: this.attributor,
      erasures,
      writer,
    });
    try {
      let pageCursor = sweep.pageCursor;
      do {
        const page = await collector.fetchFollowers({ account: ref, pageCursor });
        pageCursor = page.nextCursor ? page.nextCursor : null;
        await pages.add(page.items, pageCursor);
        outcome.followerPages += 1;
      } while (pageCursor);
      const totals = await pages.finished();
      outcome.followersGained += totals.gained;
      outcome.followersLost = totals.lost;
      if (totals.listHidden) {
        this.logger.warn(
          `${account.platform} listed no follower of account ${account.id} although its profile counts ${outcome.profile.followers}: the list looks hidden, so nobody was marked lost`,
        );
      }
    } finally {
      await pages.settle();
    }
    this.logger.debug(
      `follower sweep of ${account.platform}:${account.id} finished in ${outcome.followerPages} pages`,
    );
  }

  /** When this account is next due: often while it posts, daily once dormant. */
  nextDue(params: { now: Date; postedRecently: boolean }): Date {
    const interval = params.postedRecently
      ? this.config.COLLECT_ACTIVE_INTERVAL_MS
      : this.config.COLLECT_DORMANT_INTERVAL_MS;
    return new Date(params.now.getTime() + interval);
  }

  /**
   * When the account's next full sweep is due: as last planned (by its last sweep, or a look at a
   * hidden list), or, for an account that posts again after a plan made at the dormant pace, the
   * active interval after that plan was made. Plans stored before their making was recorded count
   * from when their sweep began.
   */
  private followerSweepDueAt(account: PlatformAccountEntity, postedRecently: boolean): Date {
    const planned = account.nextFollowerSweepAt;
    const made = account.cursors.followerSweepPlannedAt ?? account.cursors.followersSweptFrom;
    if (!postedRecently || !made) return planned;
    const activePace = Date.parse(made) + this.config.FOLLOWER_SWEEP_INTERVAL_MS;
    return activePace < planned.getTime() ? new Date(activePace) : planned;
  }

  /** When the account's next full sweep is due: every few hours while it posts, weekly once dormant. */
  private nextFollowerSweep(now: Date, postedRecently: boolean): Date {
    const interval = postedRecently
      ? this.config.FOLLOWER_SWEEP_INTERVAL_MS
      : this.config.FOLLOWER_SWEEP_DORMANT_INTERVAL_MS;
    return new Date(now.getTime() + interval);
  }
}
