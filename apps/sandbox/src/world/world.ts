import type { Actor, Blog, CivicOrganisation, Councillor, FollowEdge, Post, Ward } from './world-model';

/**
 * The living world: every actor, follow edge, post and blog, with the indexes the HTTP handlers
 * need. Follow lists and author feeds are kept oldest first so new items append and a cursor
 * (which names an item's sort key) stays valid while the world changes.
 */
export class World {
  readonly actors: Actor[] = [];
  readonly posts: Post[] = [];
  readonly councillors: Councillor[] = [];
  readonly civicOrganisations: CivicOrganisation[] = [];
  readonly blogs = new Map<string, Blog>();
  /** Number of ticks applied since generation. */
  tickCount = 0;

  private readonly followersOf = new Map<number, FollowEdge[]>();
  private readonly followsOf = new Map<number, FollowEdge[]>();
  /** follower × 2^24 + subject: numeric keys keep generation free of millions of small strings. */
  private readonly edgeKeys = new Set<number>();
  private readonly postsOf = new Map<number, number[]>();
  private readonly byHandle = new Map<string, number>();
  private readonly byExternalId = new Map<string, number>();
  private readonly byMastodonUsername = new Map<string, number[]>();
  private readonly byRkey = new Map<string, number>();
  private readonly byStatusId = new Map<string, number>();
  private nextEdgeSeq = 1;

  constructor(
    readonly seed: number,
    /** The instant the 90 days of history end at. */
    readonly anchorMs: number,
    readonly wards: readonly Ward[],
  ) {}

  addActor(actor: Omit<Actor, 'index'>): Actor {
    // An explicit literal keeps every actor the same hidden class; a spread is several times slower here.
    const full: Actor = {
      index: this.actors.length,
      platform: actor.platform,
      kind: actor.kind,
      handle: actor.handle,
      domain: actor.domain,
      externalId: actor.externalId,
      displayName: actor.displayName,
      bio: actor.bio,
      location: actor.location,
      wardCode: actor.wardCode,
      createdAtMs: actor.createdAtMs,
      hideCollections: actor.hideCollections,
      councillorId: actor.councillorId,
      civicName: actor.civicName,
    };
    this.actors.push(full);
    this.byExternalId.set(full.externalId, full.index);
    if (full.platform === 'bluesky') {
      this.byHandle.set(full.handle.toLowerCase(), full.index);
    } else if (full.platform === 'x') {
      this.byHandle.set(`${full.handle}@${full.domain}`.toLowerCase(), full.index);
    } else {
      this.byHandle.set(`${full.handle}@${full.domain}`.toLowerCase(), full.index);
      const list = this.byMastodonUsername.get(full.handle.toLowerCase()) ?? [];
      list.push(full.index);
      this.byMastodonUsername.set(full.handle.toLowerCase(), list);
    }
    return full;
  }

  /** Bluesky handle or DID. */
  findBlueskyActor(actor: string): Actor | undefined {
    const index = actor.startsWith('did:')
      ? this.byExternalId.get(actor)
      : this.byHandle.get(actor.toLowerCase());
    const found = index === undefined ? undefined : this.actors[index];
    return found?.platform === 'bluesky' ? found : undefined;
  }

  /** A Mastodon acct: "user@domain", or a bare "user" when only one instance has it. */
  findMastodonAcct(acct: string): Actor | undefined {
    const clean = acct.replace(/^@/, '').toLowerCase();
    if (clean.includes('@')) {
      const index = this.byHandle.get(clean);
      const found = index === undefined ? undefined : this.actors[index];
      return found?.platform === 'mastodon' ? found : undefined;
    }
    const list = this.byMastodonUsername.get(clean);
    return list?.length === 1 ? this.actors[list[0]] : undefined;
  }

  findMastodonAccount(id: string): Actor | undefined {
    const index = this.byExternalId.get(id);
    const found = index === undefined ? undefined : this.actors[index];
    return found?.platform === 'mastodon' ? found : undefined;
  }

  /** An X user by username (case-insensitive, without "@"). */
  findXUser(username: string): Actor | undefined {
    const index = this.byHandle.get(`${username.replace(/^@/, '')}@x.com`.toLowerCase());
    const found = index === undefined ? undefined : this.actors[index];
    return found?.platform === 'x' ? found : undefined;
  }

  findXUserById(id: string): Actor | undefined {
    const index = this.byExternalId.get(id);
    const found = index === undefined ? undefined : this.actors[index];
    return found?.platform === 'x' ? found : undefined;
  }

  /** Adds a follow unless it exists already; returns the edge or null. */
  addFollow(follower: number, subject: number, createdAtMs: number, rkey: string): FollowEdge | null {
    if (follower === subject) return null;
    const key = edgeKey(follower, subject);
    if (this.edgeKeys.has(key)) return null;
    this.edgeKeys.add(key);
    const edge: FollowEdge = { seq: this.nextEdgeSeq++, follower, subject, createdAtMs, rkey };
    pushTo(this.followersOf, subject, edge);
    pushTo(this.followsOf, follower, edge);
    return edge;
  }

  hasFollow(follower: number, subject: number): boolean {
    return this.edgeKeys.has(edgeKey(follower, subject));
  }

  removeFollow(follower: number, subject: number): boolean {
    if (!this.edgeKeys.delete(edgeKey(follower, subject))) return false;
    removeFrom(this.followersOf, subject, (e) => e.follower === follower);
    removeFrom(this.followsOf, follower, (e) => e.subject === subject);
    return true;
  }

  /** Followers of an actor, oldest follow first. */
  followers(actor: number): readonly FollowEdge[] {
    return this.followersOf.get(actor) ?? [];
  }

  /** Accounts an actor follows, oldest follow first. */
  follows(actor: number): readonly FollowEdge[] {
    return this.followsOf.get(actor) ?? [];
  }

  /**
   * Orders every follow list by time and renumbers `seq` in that order. Generation adds edges out of
   * time order and calls this once, so that follow record ids grow with time as on a real server.
   */
  sortFollowLists(): void {
    const all: FollowEdge[] = [];
    for (const list of this.followersOf.values()) all.push(...list);
    all.sort((a, b) => a.createdAtMs - b.createdAtMs || a.seq - b.seq);
    all.forEach((edge, i) => (edge.seq = i + 1));
    this.nextEdgeSeq = all.length + 1;
    const bySeq = (a: FollowEdge, b: FollowEdge) => a.seq - b.seq;
    for (const list of this.followersOf.values()) list.sort(bySeq);
    for (const list of this.followsOf.values()) list.sort(bySeq);
  }

  addPost(post: Omit<Post, 'index' | 'replies'>): Post {
    const full: Post = {
      index: this.posts.length,
      platform: post.platform,
      author: post.author,
      createdAtMs: post.createdAtMs,
      kind: post.kind,
      text: post.text,
      links: post.links,
      mentions: post.mentions,
      replyParent: post.replyParent,
      replyRoot: post.replyRoot,
      repostOf: post.repostOf,
      likeCount: post.likeCount,
      repostCount: post.repostCount,
      quoteCount: post.quoteCount,
      replies: [],
      rkey: post.rkey,
      statusId: post.statusId,
    };
    this.posts.push(full);
    const list = this.postsOf.get(full.author) ?? [];
    // Keep the author's list sorted by time; appends are the common case.
    let at = list.length;
    while (at > 0 && this.posts[list[at - 1]].createdAtMs > full.createdAtMs) at--;
    list.splice(at, 0, full.index);
    this.postsOf.set(full.author, list);
    if (full.replyParent !== null) {
      const parent = this.posts[full.replyParent];
      let r = parent.replies.length;
      while (r > 0 && this.posts[parent.replies[r - 1]].createdAtMs > full.createdAtMs) r--;
      parent.replies.splice(r, 0, full.index);
    }
    this.byRkey.set(`${full.author}/${full.rkey}`, full.index);
    this.byStatusId.set(full.statusId, full.index);
    return full;
  }

  /** An author's posts (including reposts), oldest first. */
  postsBy(actor: number): readonly number[] {
    return this.postsOf.get(actor) ?? [];
  }

  findPostByRkey(actor: number, rkey: string): Post | undefined {
    const index = this.byRkey.get(`${actor}/${rkey}`);
    return index === undefined ? undefined : this.posts[index];
  }

  findStatus(id: string): Post | undefined {
    const index = this.byStatusId.get(id);
    return index === undefined ? undefined : this.posts[index];
  }

  wardByCode(code: string): Ward | undefined {
    return this.wards.find((w) => w.code === code);
  }

  /** Total follow edges in the world. */
  edgeCount(): number {
    return this.edgeKeys.size;
  }
}

function edgeKey(follower: number, subject: number): number {
  return follower * 16_777_216 + subject;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function removeFrom<K, V>(map: Map<K, V[]>, key: K, match: (value: V) => boolean): void {
  const list = map.get(key);
  if (!list) return;
  const at = list.findIndex(match);
  if (at >= 0) list.splice(at, 1);
}
