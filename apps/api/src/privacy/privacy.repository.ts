import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EXCLUDE_RESIDENT_DATA } from '../common/resident-data-lock';

/** Everything wardreach holds about one person on one platform (by pseudonym). */
/** A follow between a councillor's account and the person's, as the lists read showed it. */
export interface CouncillorFollow {
  councillor: string;
  platform: string;
  handle: string;
  /** The reading that first found the follow (since it last began again, if it had ended). */
  firstSeen: string;
  /** The end of the first reading that no longer found it; null while it stands. */
  lostAt: string | null;
}

/** A follow of a councillor's account by the person, and where that account's sweep placed them. */
export interface FollowerFollow extends CouncillorFollow {
  /** The place the sweep of that account found in the person's public profile (never the text itself). */
  attribution: string;
  wardWeights: Record<string, number>;
  evidenceKinds: string[];
  /** When that sweep stored the place (it is stored again only when it moves). */
  attributedAt: string;
}

export interface PersonRecord {
  /** Councillors' accounts the person's account follows (read from their follower lists). */
  follows: FollowerFollow[];
  /** Councillors' accounts that follow the person's account (read from their following lists). */
  followedBy: CouncillorFollow[];
  interactions: Array<{ url: string; kind: string; createdAt: string; answeredAt: string | null }>;
  /**
   * Councillors' replies to the person's posts (stored with the pseudonym of whom they answer, until
   * the interaction retention window has passed): the reply's public address and when it was posted.
   */
  councillorReplies: Array<{
    councillor: string;
    platform: string;
    handle: string;
    url: string;
    createdAt: string;
  }>;
  /** The account registered as a civic organisation's (a sole trader's, say): as an admin entered it. */
  civicAccounts: Array<{
    name: string;
    council: string;
    ward: string | null;
    handle: string;
    externalId: string;
    registeredAt: string;
  }>;
}

/**
 * What an erasure deleted: the person's follows of councillors' accounts, councillors' follows of
 * theirs, their interactions, civic-account registrations of their account.
 */
export interface ErasureCounts {
  follows: number;
  followedBy: number;
  interactions: number;
  civicAccounts: number;
}

@Injectable()
export class PrivacyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Everything held about the person, read under the resident-data lock held exclusively, as an
   * erasure reads: collection waits for it (a first sweep's last batch moves its pending edges into
   * follow_edge, and reading both while it does could deadlock with it), and it sees no batch half done.
   */
  async record(platform: string, pseudonym: string): Promise<PersonRecord> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(EXCLUDE_RESIDENT_DATA);
      return this.recordIn(manager, platform, pseudonym);
    });
  }

  private async recordIn(manager: EntityManager, platform: string, pseudonym: string): Promise<PersonRecord> {
    // With those a first sweep under way has read (not yet in any figure).
    const follows: PersonRecord['follows'] = await manager.query(
      `SELECT c.name AS councillor, a.platform, a.handle, e.first_seen AS "firstSeen", e.lost_at AS "lostAt",
              f.attribution, f.ward_weights AS "wardWeights", f.evidence_kinds AS "evidenceKinds",
              e.attributed_at AS "attributedAt"
       FROM platform_account a
       JOIN (SELECT * FROM follow_edge UNION ALL SELECT * FROM follow_edge_pending) e
         ON e.account_id = a.id AND e.follower_id = pseudonym_key($2)
       JOIN follower_attribution f ON f.id = e.attribution_id
       JOIN councillor c ON c.id = a.councillor_id
       WHERE a.platform = $1 ORDER BY e.first_seen, c.name`,
      [platform, pseudonym],
    );
    const followedBy: PersonRecord['followedBy'] = await manager.query(
      `SELECT c.name AS councillor, a.platform, a.handle, o.first_seen AS "firstSeen", o.lost_at AS "lostAt"
       FROM follow_out o JOIN platform_account a ON a.id = o.account_id JOIN councillor c ON c.id = a.councillor_id
       WHERE a.platform = $1 AND o.target_id = pseudonym_key($2) ORDER BY o.first_seen`,
      [platform, pseudonym],
    );
    const interactions: PersonRecord['interactions'] = await manager.query(
      `SELECT url, kind, created_at AS "createdAt", answered_at AS "answeredAt" FROM interaction
       WHERE platform = $1 AND author_pseudonym = $2 ORDER BY created_at`,
      [platform, pseudonym],
    );
    const councillorReplies: PersonRecord['councillorReplies'] = await manager.query(
      `SELECT c.name AS councillor, a.platform, a.handle, p.url, p.created_at AS "createdAt"
       FROM post p JOIN platform_account a ON a.id = p.account_id JOIN councillor c ON c.id = a.councillor_id
       WHERE p.platform = $1 AND p.in_reply_to_author = $2 ORDER BY p.created_at`,
      [platform, pseudonym],
    );
    const civicAccounts: PersonRecord['civicAccounts'] = await manager.query(
      `SELECT ca.name, c.name AS council, w.name AS ward, ca.handle, ca.external_id AS "externalId",
              ca.created_at AS "registeredAt"
       FROM civic_account ca JOIN council c ON c.id = ca.council_id LEFT JOIN ward w ON w.id = ca.ward_id
       WHERE ca.platform = $1 AND ca.pseudonym = $2 ORDER BY ca.created_at`,
      [platform, pseudonym],
    );
    return { follows, followedBy, interactions, councillorReplies, civicAccounts };
  }

  /**
   * Deletes the person's follows of councillors (and where each placed them), councillors' follows
   * of them, their interactions and any civic-account
   * registration of their account, and unlinks councillors'
   * replies from the person's posts (a reply stores its parent's author by pseudonym; before it did,
   * a Bluesky reply named them in its parent's URI, `at://<did>/…`); suppresses them from now on.
   * `externalId` is their platform id, known while the request is served and never stored.
   */
  async erase(platform: string, pseudonym: string, externalId?: string): Promise<ErasureCounts> {
    return this.dataSource.transaction(async (manager) => {
      // Collection batches in flight commit first; those after see the suppression row below.
      await manager.query(EXCLUDE_RESIDENT_DATA);
      const person = [platform, pseudonym];
      const [, standing]: [unknown, number] = await manager.query(ERASURE.followEdges, person);
      const [, pending]: [unknown, number] = await manager.query(ERASURE.pendingFollowEdges, person);
      const follows = standing + pending;
      const [, followedBy]: [unknown, number] = await manager.query(ERASURE.followedBy, person);
      // A sweep in progress keeps, per committed batch, the keys of the followers it saw: the
      // person's key is taken out of those records (the sweep itself carries on).
      await manager.query(ERASURE.sweepsSeen, person);
      // Councillors' replies to the person's posts name them: by the author stored with each reply,
      // and for replies stored before that was (or whose author was not known), by the person's
      // interactions or, on Bluesky, the author's DID in the parent's at:// URI.
      await manager.query(ERASURE.repliesByAuthor, person);
      await manager.query(ERASURE.repliesByInteraction, person);
      if (platform === 'bluesky' && externalId) {
        await manager.query(ERASURE.blueskyRepliesByDid, blueskyParentRange(externalId));
      }
      const [, interactions]: [unknown, number] = await manager.query(ERASURE.interactions, person);
      const [, civicAccounts]: [unknown, number] = await manager.query(ERASURE.civicAccounts, person);
      await manager.query(ERASURE.suppress, person);
      return { follows, followedBy, interactions, civicAccounts };
    });
  }

  async suppressed(platform: string, manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    const rows: Array<{ pseudonym: string }> = await manager.query(
      `SELECT pseudonym FROM erasure_suppression WHERE platform = $1`,
      [platform],
    );
    return new Set(rows.map((row) => row.pseudonym));
  }

  /**
   * Retention: follow edges and councillors' follows lost longer ago than the window are deleted, and
   * those of accounts no longer collected; interactions older than their window are deleted, and
   * councillors' replies as old forget whom they answered. A follower sweep begun before `lostBefore`
   * and never finished loses its record of whom it saw when another sweep has begun since, or when its
   * account is flagged (then its cursor too, so that the account's next sweep starts afresh rather
   * than resuming without it). Returns how many follow edges, councillors' follows and interactions
   * it deleted.
   */
  async purge(params: {
    lostBefore: Date;
    interactionsBefore: Date;
  }): Promise<{ edges: number; follows: number; interactions: number }> {
    return this.dataSource.transaction(async (manager) => {
      // Deleted only once no batch in flight can be writing what is deleted here.
      await manager.query(EXCLUDE_RESIDENT_DATA);
      const [, lostEdges]: [unknown, number] = await manager.query(
        `DELETE FROM follow_edge WHERE lost_at < $1`,
        [params.lostBefore],
      );
      // An account no longer collected (gone, unauthorised, failing, paused) is not swept, so its edges
      // would stand for ever: once it has not been collected for as long as a lost follow is kept, its
      // follows go too (a resumed account starts afresh with a first sweep).
      const [, uncollectedEdges]: [unknown, number] = await manager.query(
        RETENTION_STATEMENTS.uncollectedAccountEdges,
        [params.lostBefore],
      );
      // A first sweep of such an account, under way when it stopped, loses what it had read, and starts
      // afresh (its cursor is cleared below).
      await manager.query(RETENTION_STATEMENTS.uncollectedAccountPendingEdges, [params.lostBefore]);
      // Councillors' follows: those ended before the window, and those of accounts no longer collected.
      const [, lostFollows]: [unknown, number] = await manager.query(
        `DELETE FROM follow_out WHERE lost_at < $1`,
        [params.lostBefore],
      );
      const [, uncollectedFollows]: [unknown, number] = await manager.query(
        RETENTION_STATEMENTS.uncollectedAccountFollows,
        [params.lostBefore],
      );
      const [, interactions]: [unknown, number] = await manager.query(
        `DELETE FROM interaction WHERE created_at < $1`,
        [params.interactionsBefore],
      );
      // A reply older than the interaction window no longer names whom it answered: the link served
      // to mark their interaction answered, which is deleted by now. It keeps its link to a post
      // stored as a councillor's own (a thread), which names no resident.
      await manager.query(RETENTION_STATEMENTS.replyAuthors, [params.interactionsBefore]);
      // Records of whom old sweeps saw: those of a sweep no longer under way (another has begun since),
      // and those of a flagged account's sweep, which is then started afresh when the account is
      // resumed, as is that of an account whose follows were deleted above. A sweep of an active
      // account carries on however long it has waited (an X sweep held by the monthly budget), its
      // record kept.
      await manager.query(
        `DELETE FROM follower_sweep_seen s USING platform_account a
         WHERE a.id = s.account_id
           AND (a.id = ANY (${UNCOLLECTED_ACCOUNTS})
                OR (s.sweep_started_at < $1
                    AND (a.status NOT IN ('active', 'failing')
                         OR (a.cursors->'followerSweep'->>'startedAt') IS NULL
                         OR (a.cursors->'followerSweep'->>'startedAt')::timestamptz <> s.sweep_started_at)))`,
        [params.lostBefore],
      );
      await manager.query(
        `UPDATE platform_account SET cursors = cursors || jsonb_build_object('followerSweep', null)
         WHERE ((status NOT IN ('active', 'failing') AND (cursors->'followerSweep'->>'startedAt')::timestamptz < $1)
                OR id = ANY (${UNCOLLECTED_ACCOUNTS}))
           AND cursors->'followerSweep' IS NOT NULL AND cursors->'followerSweep' <> 'null'::jsonb`,
        [params.lostBefore],
      );
      return { edges: lostEdges + uncollectedEdges, follows: lostFollows + uncollectedFollows, interactions };
    });
  }
}

/**
 * The statements of an erasure ($1 platform, $2 pseudonym unless said otherwise). They run while collection waits on the resident-data lock, so each finds its
 * rows through an index, never by scanning a table (the spec checks their plans): by primary key, or
 * by the indexes of migration 12.
 */
export const ERASURE = {
  // By the platform's accounts: each is one probe of the edges' primary key (account, follower),
  // where the follower key alone would scan every edge.
  followEdges: `DELETE FROM follow_edge
    WHERE account_id = ANY (ARRAY(SELECT id FROM platform_account WHERE platform = $1))
      AND follower_id = pseudonym_key($2)`,
  /**
   * The same among the edges of first sweeps under way, which have no index by design (a first sweep
   * writes its edges unindexed, and indexes them once when it ends): a scan of those tables alone.
   */
  pendingFollowEdges: `DELETE FROM follow_edge_pending
    WHERE account_id = ANY (ARRAY(SELECT id FROM platform_account WHERE platform = $1))
      AND follower_id = pseudonym_key($2)`,
  /** Councillors' follows of the person, by the key alone (the index), on the platform's accounts. */
  followedBy: `DELETE FROM follow_out
    WHERE target_id = pseudonym_key($2)
      AND account_id = ANY (ARRAY(SELECT id FROM platform_account WHERE platform = $1))`,
  sweepsSeen: `UPDATE follower_sweep_seen s SET follower_keys = (
      SELECT COALESCE(string_agg(substr(s.follower_keys, at, 8), ''::bytea ORDER BY at), ''::bytea)
      FROM generate_series(1, length(s.follower_keys), 8) AS at
      WHERE substr(s.follower_keys, at, 8) <> int8send(pseudonym_key($2)))
    WHERE s.account_id = ANY (ARRAY(SELECT id FROM platform_account WHERE platform = $1))
      AND position(int8send(pseudonym_key($2)) IN s.follower_keys) > 0`,
  repliesByAuthor: `UPDATE post SET in_reply_to = NULL, in_reply_to_author = NULL
    WHERE platform = $1 AND in_reply_to_author = $2`,
  // Compared in byte order, as post_reply_target_idx holds them.
  repliesByInteraction: `UPDATE post SET in_reply_to = NULL, in_reply_to_author = NULL
    WHERE platform = $1 AND in_reply_to IS NOT NULL
      AND (in_reply_to COLLATE "C") = ANY (ARRAY(
        SELECT external_id FROM interaction WHERE platform = $1 AND author_pseudonym = $2))`,
  /** $1 and $2 the bounds of `blueskyParentRange`: the replies whose parent's URI begins at://<did>/. */
  blueskyRepliesByDid: `UPDATE post SET in_reply_to = NULL, in_reply_to_author = NULL
    WHERE platform = 'bluesky' AND in_reply_to IS NOT NULL
      AND (in_reply_to COLLATE "C") >= $1 AND (in_reply_to COLLATE "C") < $2`,
  interactions: `DELETE FROM interaction WHERE platform = $1 AND author_pseudonym = $2`,
  /** An account registered as a civic organisation's goes too (registering it again is refused). */
  civicAccounts: `DELETE FROM civic_account WHERE platform = $1 AND pseudonym = $2`,
  suppress: `INSERT INTO erasure_suppression (platform, pseudonym) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
} as const;

/**
 * The bounds, in byte order, of the at:// URIs of a Bluesky account's records, `at://<did>/…`: from
 * the prefix itself to the same text with its closing '/' (0x2F) raised to '0' (0x30).
 */
export function blueskyParentRange(did: string): [string, string] {
  return [`at://${did}/`, `at://${did}0`];
}

/** $1 the start of the lost-follower window: accounts not active and not collected since before it. */
const UNCOLLECTED_ACCOUNTS = `ARRAY(SELECT id FROM platform_account
  WHERE status <> 'active' AND COALESCE(last_collected_at, created_at) < $1)`;

/** Statements of the retention purge that must not scan a table (the spec checks their plans). */
export const RETENTION_STATEMENTS = {
  /**
   * $1 the start of the interaction window; by post_reply_created_idx. Every reply older than it
   * forgets whom it answered, whether or not the author was recorded (a reply stored before authors
   * were, or whose parent's author the platform did not say, would otherwise keep naming the
   * resident's post for ever), except a link to a post stored as a councillor's own (a thread).
   */
  replyAuthors: `UPDATE post p SET in_reply_to_author = NULL,
      in_reply_to = CASE WHEN EXISTS (SELECT 1 FROM post o WHERE o.platform = p.platform AND o.external_id = p.in_reply_to)
                         THEN p.in_reply_to END
    WHERE p.in_reply_to IS NOT NULL AND p.created_at < $1
      AND (p.in_reply_to_author IS NOT NULL
           OR NOT EXISTS (SELECT 1 FROM post o WHERE o.platform = p.platform AND o.external_id = p.in_reply_to))`,
  /**
   * $1 the start of the lost-follower window: the edges of accounts no longer collected (flagged gone,
   * unauthorised or failing, or paused) and not collected since before it (never collected: added
   * before it), found by the primary key's account prefix (a daily purge; such accounts are few). Their
   * follows are not checked any more, so they would otherwise stand for ever, naming residents who
   * may have left; an active account is collected, however late.
   */
  uncollectedAccountEdges: `DELETE FROM follow_edge WHERE account_id = ANY (${UNCOLLECTED_ACCOUNTS})`,
  /** The same, for the edges a first sweep of theirs had read before it stopped. */
  uncollectedAccountPendingEdges: `DELETE FROM follow_edge_pending WHERE account_id = ANY (${UNCOLLECTED_ACCOUNTS})`,
  /** The same, for the accounts they follow. */
  uncollectedAccountFollows: `DELETE FROM follow_out WHERE account_id = ANY (${UNCOLLECTED_ACCOUNTS})`,
} as const;
