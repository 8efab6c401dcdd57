import type { Client } from 'pg';

/**
 * What a sweep stored, reduced to counts and checksums that do not depend on row ids or timing:
 * posts with their counts, current follow edges (account handle × follower key), where each edge
 * places its follower, interactions, and each account's snapshot of the day (its clock-independent figures).
 *
 * Posts are counted from `postsAfter` on: a first collection reads 90 days back from when it runs, so
 * two runs minutes apart disagree about posts at that edge. The cutoff must be a fixed instant both
 * runs share (a day inside their 90 days), never `now()` at checksum time, which slides with it.
 * Interactions have edges of the same kind: mentions are searched a week back from the first
 * collection, and replies are read under posts of the last 30 days; so mentions count from
 * `mentionsAfter` and replies under posts from `repliesToPostsAfter` on, both instants inside those
 * windows for both runs.
 */
export async function collectionChecksums(
  db: Client,
  options: { postsAfter: Date; mentionsAfter: Date; repliesToPostsAfter: Date },
): Promise<Record<string, string>> {
  const postsAfter = `'${options.postsAfter.toISOString()}'::timestamptz`;
  const mentionsAfter = `'${options.mentionsAfter.toISOString()}'::timestamptz`;
  const repliesToPostsAfter = `'${options.repliesToPostsAfter.toISOString()}'::timestamptz`;
  const queries: Record<string, string> = {
    posts: `SELECT count(*) || ':' || md5(string_agg(platform || '|' || external_id || '|' || kind || '|' || coalesce(likes::text, '-') || '|' || reposts || '|' || replies || '|' || quotes, ',' ORDER BY platform, external_id)) FROM post WHERE created_at > ${postsAfter}`,
    edges: `SELECT count(*) || ':' || md5(string_agg(a.platform || '|' || regexp_replace(a.handle, '^https?://[^/]+', '') || '|' || e.follower_id, ',' ORDER BY a.platform, regexp_replace(a.handle, '^https?://[^/]+', ''), e.follower_id))
            FROM follow_edge e JOIN platform_account a ON a.id = e.account_id WHERE e.lost_at IS NULL`,
    attributions: `SELECT count(*) || ':' || md5(string_agg(a.platform || '|' || regexp_replace(a.handle, '^https?://[^/]+', '') || '|' || e.follower_id || '|' || f.key, ',' ORDER BY a.platform, regexp_replace(a.handle, '^https?://[^/]+', ''), e.follower_id))
            FROM follow_edge e JOIN platform_account a ON a.id = e.account_id JOIN follower_attribution f ON f.id = e.attribution_id`,
    interactions: `SELECT count(*) || ':' || md5(string_agg(platform || '|' || external_id || '|' || author_pseudonym || '|' || coalesce(answered_at::text, '-'), ',' ORDER BY platform, external_id))
            FROM interaction i
            WHERE (i.kind = 'mention' AND i.created_at > ${mentionsAfter})
               OR (i.kind = 'reply' AND EXISTS (SELECT 1 FROM post p WHERE p.platform = i.platform AND p.external_id = i.in_reply_to
                                                                      AND p.created_at > ${repliesToPostsAfter}))`,
  };
  const sums: Record<string, string> = {};
  for (const [name, sql] of Object.entries(queries)) {
    const { rows } = await db.query<{ sum: string | null }>(
      sql.replace(/^SELECT /, 'SELECT ').replace(/ FROM /, ' AS sum FROM '),
    );
    sums[name] = rows[0].sum ?? '0:';
  }
  // Snapshot rows in full, so a difference names the account and the figure; only the figures that do
  // not slide with the clock (two runs minutes apart see different 30-day windows). Blog feed URLs carry
  // the sandbox's port, which differs between runs, hence the origin is dropped from handles.
  const { rows } = await db.query<{ line: string }>(
    `SELECT a.platform || '|' || regexp_replace(a.handle, '^https?://[^/]+', '') || '|' || s.day || '|' || s.followers || '|' || coalesce(round(s.local_share::numeric, 9)::text, '-') || '|' ||
            round((s.figures->>'followersWard')::numeric, 9) || '|' || round((s.figures->>'followersCouncil')::numeric, 9) || '|' ||
            round((s.figures->>'followersElsewhere')::numeric, 9) || '|' || round((s.figures->>'followersUnknown')::numeric, 9) AS line
     FROM account_snapshot s JOIN platform_account a ON a.id = s.account_id ORDER BY a.platform, regexp_replace(a.handle, '^https?://[^/]+', ''), s.day`,
  );
  sums.snapshots = rows.map((row) => row.line).join('\n');
  return sums;
}
