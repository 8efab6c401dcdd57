import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccountStatus, PlatformName } from '@wardreach/contracts';
import type { AccountSnapshot, AttributionStatus } from '@wardreach/metrics';
import { DataSource } from 'typeorm';

export interface CouncilRow {
  id: string;
  code: string;
  name: string;
  settings: Record<string, unknown>;
}

export interface WardRow {
  id: string;
  code: string;
  name: string;
  adults: number | null;
}

export interface CouncillorRow {
  id: string;
  name: string;
  party: string | null;
  wardCode: string;
  wardName: string;
}

/** One account with the snapshot standing for the day and the one standing for 30 days before. */
export interface AccountFactsRow {
  id: string;
  councillorId: string;
  platform: PlatformName;
  handle: string;
  externalId: string | null;
  status: AccountStatus;
  statusReason: string | null;
  lastSucceededAt: Date | null;
  latest: AccountSnapshot | null;
  followersThen: number | null;
}

/**
 * The distinct followers of a ward's councillors on one platform that carry a weight for that ward,
 * as parallel arrays (one row per ward and platform, not per follower: far less to transfer).
 */
export interface WardFollowerGroup {
  wardCode: string;
  platform: PlatformName;
  followerIds: string[];
  attributions: AttributionStatus[];
  /** Each follower's weight for this ward (`ward_weights ->> ward code`). */
  weights: number[];
}

/** A councillor's distinct standing followers on one platform. */
export interface CouncillorFollowerGroup {
  councillorId: string;
  platform: PlatformName;
  followerIds: string[];
}

/**
 * Follow or reply edges into one of the ward's councillors from nodes of the ward's network of one
 * kind: other councillors of the council, registered civic accounts, or ward-attributed followers.
 */
/**
 * Links of one councillor of a ward with nodes of one kind: `in`, the nodes follow or replied to or
 * mentioned the councillor; `out`, the councillor follows them. `sourceIds` are the nodes at the other
 * end: councillor or civic account ids, or follower keys.
 */
export interface NetworkEdgeGroup {
  wardCode: string;
  councillorId: string;
  direction: 'in' | 'out';
  sourceKind: 'councillor' | 'civic' | 'follower';
  sourceIds: string[];
}

export interface CivicAccountRow {
  id: string;
  /** Null: an organisation of the whole council, part of every ward's network. */
  wardCode: string | null;
  name: string;
  platform: PlatformName;
  handle: string;
}

/** A civic account and the councillors it is connected with (`civicLinks`). */
export interface CivicLinkRow {
  civicId: string;
  councillorIds: string[];
}

/** A councillor's account known by its pseudonym, so its follows of other councillors are recognised. */
export interface CouncillorPseudonym {
  councillorId: string;
  platform: PlatformName;
  pseudonym: string;
}

/**
 * Reads what the council-wide figures are computed from, one query per kind of fact for the whole
 * council (never one per councillor or ward). Everything is read as it stood at `now`, so a past day
 * can be recomputed from history.
 */
/**
 * For `networkEdges`: where the council's sweeps last placed the resident whose key is the SQL
 * expression `key` on `platform` (a reply's author, an account a councillor follows), by their edge to
 * any of the council's accounts on that platform first seen by $2, standing or ended since (kept for
 * the retention window), the latest attributed; no row if there is none. One probe of the edges'
 * primary key per account, not a pass over every edge.
 */
function placedBy(key: string, platform: string): string {
  return `SELECT p.attribution, p.ward_weights
    FROM ward_account x
    JOIN follow_edge e ON e.account_id = x.account_id AND e.follower_id = ${key} AND e.first_seen <= $2
    JOIN follower_attribution p ON p.id = e.attribution_id
    WHERE x.platform = ${platform}
    ORDER BY e.attributed_at DESC LIMIT 1`;
}

@Injectable()
export class CouncilFactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  councils(): Promise<CouncilRow[]> {
    return this.dataSource.query(`SELECT id, code, name, settings FROM council ORDER BY created_at, code`);
  }

  wards(councilId: string): Promise<WardRow[]> {
    return this.dataSource.query(
      `SELECT id, code, name, adults FROM ward WHERE council_id = $1 ORDER BY code`,
      [councilId],
    );
  }

  councillors(councilId: string): Promise<CouncillorRow[]> {
    return this.dataSource.query(
      `SELECT c.id, c.name, c.party, w.code AS "wardCode", w.name AS "wardName"
       FROM councillor c JOIN ward w ON w.id = c.ward_id
       WHERE c.council_id = $1 ORDER BY w.code, c.name, c.id`,
      [councilId],
    );
  }

  /**
   * Every account of the council's councillors with the account snapshot standing for `day` (the
   * latest on or before it, at most `toleranceDays` earlier), the followers of the one standing for
   * `day − 30`, and the end of the newest successful collection up to `now`.
   */
  accounts(params: {
    councilId: string;
    day: string;
    now: Date;
    toleranceDays: number;
  }): Promise<AccountFactsRow[]> {
    return this.dataSource.query(
      `SELECT a.id, a.councillor_id AS "councillorId", a.platform, a.handle, a.external_id AS "externalId",
              a.status, a.status_reason AS "statusReason", r.finished_at AS "lastSucceededAt",
              s.figures AS latest, t.followers AS "followersThen"
       FROM platform_account a
       JOIN councillor c ON c.id = a.councillor_id
       LEFT JOIN LATERAL (
         SELECT figures FROM account_snapshot
         WHERE account_id = a.id AND day <= $2::date AND day >= $2::date - $4::int
         ORDER BY day DESC LIMIT 1
       ) s ON true
       LEFT JOIN LATERAL (
         SELECT followers FROM account_snapshot
         WHERE account_id = a.id AND day <= $2::date - 30 AND day >= $2::date - 30 - $4::int
         ORDER BY day DESC LIMIT 1
       ) t ON true
       LEFT JOIN LATERAL (
         SELECT max(finished_at) AS finished_at FROM collection_run
         WHERE account_id = a.id AND status = 'succeeded' AND finished_at <= $3
       ) r ON true
       WHERE c.council_id = $1
       ORDER BY a.councillor_id, a.platform, a.handle`,
      [params.councilId, params.day, params.now, params.toleranceDays],
    );
  }

  /**
   * Followers of each ward's councillors that carry a weight for that ward, once per ward and
   * attribution: a resident following two of the ward's councillors appears once, or once per
   * attribution should the two accounts' sweeps have placed them differently, and `wardReach` counts
   * them once, at the larger weight.
   */
  wardFollowers(params: { councilId: string; now: Date }): Promise<WardFollowerGroup[]> {
    return this.dataSource.query(
      `SELECT ward_code AS "wardCode", platform, array_agg(follower_id::text ORDER BY follower_id) AS "followerIds",
              array_agg(attribution ORDER BY follower_id) AS attributions, array_agg(weight ORDER BY follower_id) AS weights
       FROM (
         SELECT DISTINCT w.code AS ward_code, a.platform, e.follower_id, f.attribution,
                (f.ward_weights ->> w.code)::float8 AS weight
         FROM ward w
         JOIN councillor c ON c.ward_id = w.id
         JOIN platform_account a ON a.councillor_id = c.id
         JOIN follow_edge e ON e.account_id = a.id AND e.first_seen <= $2 AND (e.lost_at IS NULL OR e.lost_at > $2)
         JOIN follower_attribution f ON f.id = e.attribution_id
         WHERE w.council_id = $1 AND f.attribution IN ('ward', 'council') AND f.ward_weights ? w.code
       ) d
       GROUP BY ward_code, platform`,
      [params.councilId, params.now],
    );
  }

  /** Each councillor's standing followers over all their accounts, once per follower. */
  councillorFollowers(params: { councilId: string; now: Date }): Promise<CouncillorFollowerGroup[]> {
    return this.dataSource.query(
      `SELECT a.councillor_id AS "councillorId", a.platform, array_agg(DISTINCT e.follower_id::text) AS "followerIds"
       FROM platform_account a
       JOIN councillor c ON c.id = a.councillor_id
       JOIN follow_edge e ON e.account_id = a.id AND e.first_seen <= $2 AND (e.lost_at IS NULL OR e.lost_at > $2)
       WHERE c.council_id = $1
       GROUP BY a.councillor_id, a.platform
       ORDER BY 1, 2`,
      [params.councilId, params.now],
    );
  }

  /**
   * The links of each ward's councillors with the nodes of that ward's network: follow edges standing
   * at `now` and replies or mentions since `repliesSince` into the councillors' accounts (`in`), and
   * the councillors' own follows standing at `now` (`out`). The node at the other end is recognised by
   * its pseudonym's key: a councillor's own account stands for that councillor, a registered civic
   * account for the organisation; anyone else only when they carry a weight for the ward (a resident
   * followed but never seen as a follower or author has no attribution, and is left out).
   */
  networkEdges(params: {
    councilId: string;
    now: Date;
    repliesSince: Date;
    councillorPseudonyms: readonly CouncillorPseudonym[];
  }): Promise<NetworkEdgeGroup[]> {
    const known = params.councillorPseudonyms;
    return this.dataSource.query(
      `WITH ward_account AS (
         SELECT w.id AS ward_id, w.code AS ward_code, c.id AS councillor_id, a.id AS account_id, a.platform
         FROM ward w JOIN councillor c ON c.ward_id = w.id JOIN platform_account a ON a.councillor_id = c.id
         WHERE w.council_id = $1
       ),
       councillor_pseudonym AS (
         SELECT t.councillor_id, t.platform, pseudonym_key(t.pseudonym) AS key
         FROM unnest($4::uuid[], $5::text[], $6::text[]) AS t(councillor_id, platform, pseudonym)
       ),
       civic AS MATERIALIZED (
         SELECT id, ward_id, platform, pseudonym_key(pseudonym) AS key FROM civic_account WHERE council_id = $1
       ),
       linked AS (
         SELECT wa.ward_id, wa.ward_code, wa.councillor_id, 'in' AS direction, wa.platform, e.follower_id AS key,
                f.attribution, f.ward_weights
         FROM ward_account wa
         JOIN follow_edge e ON e.account_id = wa.account_id AND e.first_seen <= $2 AND (e.lost_at IS NULL OR e.lost_at > $2)
         JOIN follower_attribution f ON f.id = e.attribution_id
         UNION ALL
         SELECT wa.ward_id, wa.ward_code, wa.councillor_id, 'in', i.platform, pseudonym_key(i.author_pseudonym),
                f.attribution, f.ward_weights
         FROM ward_account wa
         JOIN interaction i ON i.account_id = wa.account_id AND i.created_at <= $2 AND i.created_at > $3
         LEFT JOIN LATERAL (${placedBy('pseudonym_key(i.author_pseudonym)', 'i.platform')}) f ON true
         UNION ALL
         SELECT wa.ward_id, wa.ward_code, wa.councillor_id, 'out', wa.platform, o.target_id,
                f.attribution, f.ward_weights
         FROM ward_account wa
         JOIN follow_out o ON o.account_id = wa.account_id AND o.first_seen <= $2 AND (o.lost_at IS NULL OR o.lost_at > $2)
         LEFT JOIN LATERAL (${placedBy('o.target_id', 'wa.platform')}) f ON true
       ),
       sourced AS (
         SELECT n.ward_code, n.councillor_id, n.direction,
                CASE WHEN cp.councillor_id IS NOT NULL THEN 'councillor'
                     WHEN ca.id IS NOT NULL THEN 'civic'
                     ELSE 'follower' END AS source_kind,
                coalesce(cp.councillor_id::text, ca.id::text,
                         CASE WHEN n.attribution IS NOT NULL THEN n.key::text END) AS source_id,
                n.attribution, n.ward_weights
         FROM linked n
         LEFT JOIN councillor_pseudonym cp ON cp.platform = n.platform AND cp.key = n.key
         LEFT JOIN civic ca ON ca.platform = n.platform AND ca.key = n.key
                           AND (ca.ward_id IS NULL OR ca.ward_id = n.ward_id)
       )
       SELECT ward_code AS "wardCode", councillor_id AS "councillorId", direction, source_kind AS "sourceKind",
              array_agg(DISTINCT source_id) AS "sourceIds"
       FROM sourced
       WHERE source_id IS NOT NULL
         AND (source_kind <> 'follower' OR (attribution IN ('ward', 'council') AND ward_weights ? ward_code))
       GROUP BY 1, 2, 3, 4
       ORDER BY 1, 2, 3, 4`,
      [
        params.councilId,
        params.now,
        params.repliesSince,
        known.map((k) => k.councillorId),
        known.map((k) => k.platform),
        known.map((k) => k.pseudonym),
      ],
    );
  }

  /**
   * Each registered civic account's connections with the council's councillors: those whose accounts
   * on its platform it follows or who follow it (follows standing at `now`), or whose posts it replied
   * to or mentioned them in since `repliesSince`. Whatever the ward of either: a suggestion says how many councillors
   * elsewhere already know an organisation. Accounts connected with nobody are left out.
   */
  civicLinks(params: { councilId: string; now: Date; repliesSince: Date }): Promise<CivicLinkRow[]> {
    return this.dataSource.query(
      `WITH council_account AS (
         SELECT c.id AS councillor_id, a.id AS account_id, a.platform
         FROM councillor c JOIN platform_account a ON a.councillor_id = c.id
         WHERE c.council_id = $1
       )
       SELECT ca.id AS "civicId", array_agg(DISTINCT l.councillor_id::text ORDER BY l.councillor_id::text) AS "councillorIds"
       FROM civic_account ca
       CROSS JOIN LATERAL (
         SELECT x.councillor_id
         FROM council_account x
         JOIN follow_edge e ON e.account_id = x.account_id AND e.follower_id = pseudonym_key(ca.pseudonym)
                            AND e.first_seen <= $2 AND (e.lost_at IS NULL OR e.lost_at > $2)
         WHERE x.platform = ca.platform
         UNION
         SELECT x.councillor_id
         FROM council_account x
         JOIN interaction i ON i.account_id = x.account_id AND i.platform = ca.platform
                            AND i.author_pseudonym = ca.pseudonym AND i.created_at <= $2 AND i.created_at > $3
         WHERE x.platform = ca.platform
         UNION
         SELECT x.councillor_id
         FROM council_account x
         JOIN follow_out o ON o.account_id = x.account_id AND o.target_id = pseudonym_key(ca.pseudonym)
                           AND o.first_seen <= $2 AND (o.lost_at IS NULL OR o.lost_at > $2)
         WHERE x.platform = ca.platform
       ) l
       WHERE ca.council_id = $1
       GROUP BY ca.id
       ORDER BY ca.id`,
      [params.councilId, params.now, params.repliesSince],
    );
  }

  civicAccounts(councilId: string): Promise<CivicAccountRow[]> {
    return this.dataSource.query(
      `SELECT ca.id, w.code AS "wardCode", ca.name, ca.platform, ca.handle
       FROM civic_account ca LEFT JOIN ward w ON w.id = ca.ward_id
       WHERE ca.council_id = $1 ORDER BY ca.name, ca.id`,
      [councilId],
    );
  }
}
