import { attributionKey } from '../attribution/follower-attributor';
import type { FollowerAttribution } from '../attribution/follower-attributor';

/** One follow of a councillor's account, as a test seeds it. */
export interface SeededFollowEdge {
  accountId: string;
  /** The follower's pseudonym: the edge holds its key. */
  pseudonym: string;
  firstSeen: string | Date;
  lostAt?: string | Date | null;
  attribution?: FollowerAttribution['status'];
  wardWeights?: Record<string, number>;
  evidenceKinds?: string[];
}

/**
 * Writes a follow edge straight into `follow_edge` (into the default partition unless the account
 * has one), with its attribution stored once under its key as a sweep stores it: for tests of what is
 * read from edges, without a sweep.
 */
export async function insertFollowEdge(
  query: (sql: string, params: unknown[]) => Promise<unknown>,
  edge: SeededFollowEdge,
): Promise<void> {
  const attribution = {
    status: edge.attribution ?? 'unknown',
    wardWeights: edge.wardWeights ?? {},
    evidenceKinds: edge.evidenceKinds ?? [],
  };
  await query(
    `WITH stored AS (
       INSERT INTO follower_attribution (key, attribution, ward_weights, evidence_kinds)
       VALUES ($5, $6, $7::jsonb, $8::text[])
       ON CONFLICT (key) DO UPDATE SET key = excluded.key
       RETURNING id
     )
     INSERT INTO follow_edge (account_id, follower_id, first_seen, lost_at, attribution_id, attributed_at)
     SELECT $1, pseudonym_key($2), $3, $4, stored.id, $3 FROM stored`,
    [
      edge.accountId,
      edge.pseudonym,
      edge.firstSeen,
      edge.lostAt ?? null,
      attributionKey(attribution),
      attribution.status,
      JSON.stringify(attribution.wardWeights),
      attribution.evidenceKinds,
    ],
  );
}
