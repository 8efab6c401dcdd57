import { z } from 'zod';
import { hasUnreadReplies } from '../has-unread-replies';
import type {
  AccountRef,
  CollectedFollower,
  CollectedInteraction,
  CollectedPost,
  CollectedProfile,
  Page,
} from '../collected';
import type {
  Collector,
  CollectorCapabilities,
  FetchFollowersParams,
  FetchInteractionsParams,
  FetchPostsParams,
  FetchProfileParams,
  RefreshPostsParams,
} from '../collector';
import { AccountGoneError, MalformedPayloadError, TransientError, UnauthorisedError } from '../errors';
import type { MastodonClient } from './mastodon-client';
import { compareSnowflakeIds } from '../snowflake-ids';
import { parseMastodonHandle } from './mastodon-handle';
import type { MastodonHandle } from './mastodon-handle';
import { formerIds, mapMastodonFollower, mapMastodonProfile, mapMastodonStatus } from './mastodon-mapper';
import { mastodonPersonId } from './mastodon-person-id';
import type { MastodonStatus } from './mastodon-schemas';

export interface MastodonCollectorOptions {
  client: MastodonClient;
  /** Safety bound on status pages in one `fetchPosts` (40 statuses a page; default 25). */
  maxStatusPages?: number;
}

/** The newest status the last run saw; the next run pages forward from it with `min_id`. */
const cursorSchema = z.object({ v: z.literal(1), newestId: z.string().regex(/^\d+$/) });
const STATUSES_PAGE = 40;
const STATUSES_BY_ID_BATCH = 20;

/** Mastodon, any instance, public (logged-out) endpoints only. */
export class MastodonCollector implements Collector {
  readonly platform = 'mastodon' as const;
  readonly role = 'listening' as const;
  readonly capabilities: CollectorCapabilities = {
    followerList: true,
    followingList: true,
    replies: true,
    refreshPosts: true,
    mentions: 'not-offered',
  };
  private readonly client: MastodonClient;
  private readonly maxStatusPages: number;

  constructor(options: MastodonCollectorOptions) {
    this.client = options.client;
    this.maxStatusPages = options.maxStatusPages ?? 25;
  }

  async fetchProfile({ handle, signal }: FetchProfileParams): Promise<CollectedProfile> {
    const parsed = this.handle(handle, 'GET /api/v1/accounts/lookup');
    const account = await this.client.lookup(parsed, signal);
    if (account.suspended)
      throw new AccountGoneError('mastodon', 'GET /api/v1/accounts/lookup', `${handle} is suspended`);
    if (account.moved)
      throw new AccountGoneError(
        'mastodon',
        'GET /api/v1/accounts/lookup',
        `${handle} has moved to ${account.moved.acct}`,
      );
    return mapMastodonProfile(account, parsed.instance);
  }

  async fetchPosts({ account, cursor, since, signal }: FetchPostsParams): Promise<Page<CollectedPost>> {
    const { instance, id } = await this.resolve(account, signal);
    const known = decodeCursor(cursor);
    const statuses: MastodonStatus[] = [];
    if (known) {
      // Forward from the newest known status: each `min_id` page holds the statuses just after it.
      let minId = known.newestId;
      for (let page = 0; page < this.maxStatusPages; page++) {
        const batch = await this.client.statuses(instance, id, { minId }, signal);
        statuses.push(...batch);
        if (batch.length < STATUSES_PAGE) break;
        minId = batch
          .map((status) => status.id)
          .sort(compareSnowflakeIds)
          .at(-1)!;
      }
    } else {
      let maxId: string | undefined;
      pages: for (let page = 0; page < this.maxStatusPages; page++) {
        const batch = await this.client.statuses(instance, id, { maxId }, signal);
        for (const status of batch) {
          if (new Date(status.created_at) < since) break pages;
          statuses.push(status);
        }
        if (batch.length < STATUSES_PAGE) break;
        maxId = batch.at(-1)!.id;
      }
    }
    const ordered = dedupe(statuses).sort((a, b) => compareSnowflakeIds(b.id, a.id));
    const items = ordered.map((status) => mapMastodonStatus(status, instance));
    await this.nameRepliedAuthors(instance, ordered, items, signal);
    const nextCursor =
      items.length > 0 ? JSON.stringify({ v: 1, newestId: items[0].externalId }) : known ? cursor : null;
    return { items, nextCursor };
  }

  /**
   * A reply names whom it answers by mentioning them, but its author can take the mention out: the
   * status then gives only the account's id on this instance. Whom a councillor answered is what
   * erasure unlinks and a subject-access export lists, so each such account is looked up (once a
   * call, and only for new statuses: a re-read keeps the author stored first). One gone since, or one
   * the instance will not show logged out (a 401 or 403 for that account alone: the councillor's own
   * statuses were just read), is left unnamed rather than failing the councillor's collection; a rate
   * limit or a transient failure fails it as any other request would, to be retried with nothing lost.
   */
  private async nameRepliedAuthors(
    instance: string,
    statuses: readonly MastodonStatus[],
    posts: CollectedPost[],
    signal: AbortSignal | undefined,
  ): Promise<void> {
    type ReplyTarget = NonNullable<CollectedPost['inReplyTo']>;
    const unnamed = new Map<string, ReplyTarget[]>();
    statuses.forEach((status, index) => {
      const target = posts[index].inReplyTo;
      const accountId = status.in_reply_to_account_id;
      if (target === null || target.authorExternalId !== null || !accountId) return;
      unnamed.set(accountId, [...(unnamed.get(accountId) ?? []), target]);
    });
    for (const [accountId, targets] of unnamed) {
      const replied = await this.client.account(instance, accountId, signal).catch((error: unknown) => {
        if (error instanceof UnauthorisedError) return null;
        throw error;
      });
      if (replied === null) continue;
      for (const target of targets) {
        target.authorExternalId = mastodonPersonId(replied.acct, instance);
        target.authorFormerIds = formerIds(replied, instance);
      }
    }
  }

  async refreshPosts({ account, externalIds, signal }: RefreshPostsParams): Promise<CollectedPost[]> {
    const { instance } = await this.resolve(account, signal);
    return (await this.statusesByIds(instance, externalIds, signal)).map((status) =>
      mapMastodonStatus(status, instance),
    );
  }

  fetchFollowers(params: FetchFollowersParams): Promise<Page<CollectedFollower>> {
    return this.list('followers', params);
  }

  fetchFollowing(params: FetchFollowersParams): Promise<Page<CollectedFollower>> {
    return this.list('following', params);
  }

  /**
   * A page of the account's followers or followed accounts. An empty page part-way through a sweep
   * is either the list's end (the page before was full) or an account that hid its lists since the
   * sweep began: Mastodon then answers every page with an empty list, and ending the sweep there
   * would mark everyone not yet seen as lost. One lookup of the account tells them apart (a rare
   * request: an empty page follows only a full last one); hidden, the job fails instead, and the
   * retry reads the profile, finds the list hidden, and gives the sweep up without losing anyone.
   */
  private async list(
    list: 'followers' | 'following',
    { account, pageCursor, signal }: FetchFollowersParams,
  ): Promise<Page<CollectedFollower>> {
    const { instance, id } = await this.resolve(account, signal);
    const page = await this.client[list](instance, id, pageCursor ?? undefined, signal);
    if (page.accounts.length === 0 && pageCursor) {
      const current = await this.client.lookup(this.handle(account.handle, 'list'), signal);
      if (current.hide_collections === true) {
        throw new TransientError(
          'mastodon',
          `GET /api/v1/accounts/:id/${list}`,
          `the account hid its ${list} part-way through the sweep`,
        );
      }
    }
    return {
      items: page.accounts.map((follower) => mapMastodonFollower(follower, instance)),
      nextCursor: page.accounts.length > 0 ? page.nextMaxId : null,
    };
  }

  /**
   * Replies below the councillor's statuses with unread replies. Requests: one `context` per such
   * status. Mentions need a logged-in account: not collected.
   */
  async fetchInteractions({
    account,
    posts,
    signal,
  }: FetchInteractionsParams): Promise<CollectedInteraction[]> {
    const { instance, id } = await this.resolve(account, signal);
    const due = posts.filter(hasUnreadReplies);
    const interactions = new Map<string, CollectedInteraction>();
    for (const post of due) {
      const context = await this.client.context(instance, post.externalId, signal);
      if (!context) continue;
      for (const interaction of repliesInContext(post.externalId, context.descendants, id, instance))
        interactions.set(interaction.externalId, interaction);
    }
    return [...interactions.values()];
  }

  private async statusesByIds(
    instance: string,
    ids: string[],
    signal?: AbortSignal,
  ): Promise<MastodonStatus[]> {
    const found: MastodonStatus[] = [];
    for (let start = 0; start < ids.length; start += STATUSES_BY_ID_BATCH) {
      const batch = ids.slice(start, start + STATUSES_BY_ID_BATCH);
      const statuses = await this.client.statusesByIds(instance, batch, signal);
      if (statuses) {
        found.push(...statuses);
        continue;
      }
      // Instances older than 4.3 have no batch endpoint: one request per status.
      for (const statusId of batch) {
        const status = await this.client.status(instance, statusId, signal);
        if (status) found.push(status);
      }
    }
    return found;
  }

  private handle(handle: string, method: string): MastodonHandle {
    const parsed = parseMastodonHandle(handle);
    if (!parsed)
      throw new MalformedPayloadError('mastodon', method, 'handle', `"${handle}" is not user@instance`);
    return parsed;
  }

  private async resolve(
    account: AccountRef,
    signal?: AbortSignal,
  ): Promise<{ instance: string; id: string }> {
    const parsed = this.handle(account.handle, 'resolve');
    const id = account.externalId ?? (await this.client.lookup(parsed, signal)).id;
    return { instance: parsed.instance, id };
  }
}

function decodeCursor(text: string | null): z.output<typeof cursorSchema> | null {
  if (!text) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function dedupe(statuses: MastodonStatus[]): MastodonStatus[] {
  return [...new Map(statuses.map((status) => [status.id, status])).values()];
}

/**
 * Every reply by someone else below `rootId`, with the time of the councillor's first status anywhere
 * below it. It answers a councillor status only when it replies to one directly: `replies_count`
 * covers direct replies only, and the replies held against a status are compared with it. Authors
 * are identified by `user@domain`; `instance` is the councillor's, which wrote the context.
 */
export function repliesInContext(
  rootId: string,
  descendants: MastodonStatus[],
  councillorId: string,
  instance: string,
): CollectedInteraction[] {
  const byId = new Map(descendants.map((status) => [status.id, status]));
  const isCouncillor = (statusId: string) =>
    statusId === rootId || byId.get(statusId)?.account.id === councillorId;
  const answeredAt = new Map<string, string>();
  for (const status of descendants) {
    if (status.account.id !== councillorId) continue;
    const at = new Date(status.created_at).toISOString();
    for (
      let parent = status.in_reply_to_id;
      parent && parent !== rootId;
      parent = byId.get(parent)?.in_reply_to_id ?? null
    ) {
      const previous = answeredAt.get(parent);
      if (!isCouncillor(parent) && (!previous || at < previous)) answeredAt.set(parent, at);
    }
  }
  return descendants
    .filter((status) => status.account.id !== councillorId)
    .map((status) => {
      const parent = status.in_reply_to_id;
      return {
        externalId: status.id,
        url: status.url ?? status.uri,
        kind: 'reply' as const,
        createdAt: new Date(status.created_at).toISOString(),
        authorExternalId: mastodonPersonId(status.account.acct, instance),
        authorFormerIds: formerIds(status.account, instance),
        inReplyToExternalId: parent && isCouncillor(parent) ? parent : null,
        answeredAt: answeredAt.get(status.id) ?? null,
      };
    });
}
