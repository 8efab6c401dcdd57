import type { CollectedInteraction } from './collected';
import type { FetchInteractionsParams } from './collector';

/** What earlier calls left unread (`FetchInteractionsParams.furtherRepliesUnread`), looked up. */
export interface LeftUnread {
  /** The posts they are under: read again for them, with or without new replies. */
  posts: ReadonlySet<string>;
  /** Each reply's place in the queue, the longest left first. */
  replies: ReadonlyMap<string, number>;
}

export function leftUnread(
  furtherRepliesUnread: FetchInteractionsParams['furtherRepliesUnread'],
): LeftUnread {
  const left = furtherRepliesUnread ?? [];
  return {
    posts: new Set(left.map((reply) => reply.postExternalId)),
    replies: new Map(left.map((reply, place) => [reply.externalId, place])),
  };
}

/**
 * The replies among `candidates` whose further replies one call reads, at most `limit`: first those
 * earlier calls left unread, in their queue's order, so that none waits for ever behind newer ones;
 * then the others, the newest first (ties keep their order). The rest are marked
 * `furtherRepliesUnread`, for the caller to give back next time.
 */
export function furtherReplyReads<T extends { interaction: CollectedInteraction }>(
  candidates: readonly T[],
  left: LeftUnread,
  limit: number,
): T[] {
  const place = (item: T) => left.replies.get(item.interaction.externalId) ?? left.replies.size;
  const ordered = [...candidates].sort((a, b) => {
    const [x, y] = [place(a), place(b)];
    if (x !== y) return x - y;
    const [p, q] = [a.interaction.createdAt, b.interaction.createdAt];
    return p < q ? 1 : p > q ? -1 : 0;
  });
  for (const { interaction } of ordered.slice(limit)) interaction.furtherRepliesUnread = true;
  return ordered.slice(0, limit);
}
