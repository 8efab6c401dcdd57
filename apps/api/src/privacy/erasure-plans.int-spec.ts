import { DataSource } from 'typeorm';
import { ReplyAuthorsAndErasureIndexes1763800000012 } from '../database/migrations/1763800000012-reply-authors-and-erasure-indexes';
import { edgePartition, pendingEdgeTable } from '../collection/collection.repository';
import { seedRoster } from '../testing/seed-roster';
import { createTestDatabase } from '../testing/test-environment';
import type { TestDatabase } from '../testing/test-environment';
import { blueskyParentRange, ERASURE, RETENTION_STATEMENTS } from './privacy.repository';

const IDS = {
  council: '00000000-0000-4000-8000-0000000000c1',
  ward: '00000000-0000-4000-8000-0000000000c2',
  councillor: '00000000-0000-4000-8000-0000000000c3',
};
const BLUESKY = '00000000-0000-4000-8000-00000000000a';
const X = '00000000-0000-4000-8000-00000000000b';
const ROWS = 4000;

/**
 * Tables an erasure or a purge must never scan while it holds the resident-data lock: follow edges
 * (in each account's partition), interactions, posts. The pending tables of first sweeps under way
 * have no index by design, and only `ERASURE.pendingFollowEdges` reads them; the default partition of
 * follow_edge holds only edges written outside any sweep.
 */
const RESIDENT_TABLES = [/^follow_edge$/, /^follow_edge_of_/, /^interaction$/, /^post$/];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode): string[] {
  const own =
    node['Node Type'] === 'Seq Scan' &&
    RESIDENT_TABLES.some((table) => table.test(node['Relation Name'] ?? ''))
      ? [node['Relation Name']!]
      : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

/**
 * Erasure holds the resident-data lock exclusively, so collection waits for it: every statement it
 * runs finds its rows by index. Checked on tables of a few thousand rows each, analysed, where a
 * statement with no usable index is planned as a scan.
 */
describe('erasure statements', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: database.url, poolSize: 1 });
    await dataSource.initialize();
    await seedRoster(dataSource, IDS);
    await dataSource.query(
      `INSERT INTO platform_account (id, councillor_id, platform, handle)
       VALUES ($1, $3, 'bluesky', 'ann.bsky.social'), ($2, $3, 'x', 'ann')`,
      [BLUESKY, X, IDS.councillor],
    );
    // Interactions by many authors on both platforms; councillors' replies to some of them, on
    // Bluesky by at:// URI; followers' edges, in the Bluesky account's partition as a first sweep
    // leaves them, and a first sweep of the X account under way.
    await dataSource.query(
      `INSERT INTO interaction (account_id, platform, external_id, url, kind, created_at, author_pseudonym)
       SELECT CASE WHEN g % 2 = 0 THEN $1::uuid ELSE $2::uuid END, CASE WHEN g % 2 = 0 THEN 'bluesky' ELSE 'x' END,
              CASE WHEN g % 2 = 0 THEN 'at://did:plc:p' || g || '/app.bsky.feed.post/' || g ELSE g::text END,
              'https://example.test/' || g, 'reply', now() - (g % 300) * interval '1 day', md5(g::text)
       FROM generate_series(1, ${ROWS}) g`,
      [BLUESKY, X],
    );
    await dataSource.query(
      `INSERT INTO post (account_id, platform, external_id, url, created_at, kind, in_reply_to, in_reply_to_author)
       SELECT CASE WHEN g % 2 = 0 THEN $1::uuid ELSE $2::uuid END, CASE WHEN g % 2 = 0 THEN 'bluesky' ELSE 'x' END,
              'r' || g, 'https://example.test/r' || g, now() - (g % 300) * interval '1 day', 'reply',
              CASE WHEN g % 2 = 0 THEN 'at://did:plc:p' || g || '/app.bsky.feed.post/' || g ELSE g::text END,
              CASE WHEN g % 3 = 0 THEN NULL ELSE md5(g::text) END
       FROM generate_series(1, ${ROWS}) g`,
      [BLUESKY, X],
    );
    await dataSource.query(
      `CREATE TABLE ${edgePartition(BLUESKY)} PARTITION OF follow_edge FOR VALUES IN ('${BLUESKY}')`,
    );
    await dataSource.query(
      `CREATE TABLE ${pendingEdgeTable(X)} PARTITION OF follow_edge_pending FOR VALUES IN ('${X}')`,
    );
    for (const [table, account] of [
      ['follow_edge', BLUESKY],
      ['follow_edge_pending', X],
    ]) {
      await dataSource.query(
        `INSERT INTO ${table} (account_id, follower_id, first_seen, attribution_id, attributed_at)
         SELECT $1, pseudonym_key(translate(encode(sha256(g::text::bytea), 'base64'), '+/=', '-_')), now(), 1, now()
         FROM generate_series(1, ${ROWS}) g`,
        [account],
      );
    }
    await dataSource.query(`ANALYZE`);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  async function scansOf(sql: string, params: unknown[]): Promise<string[]> {
    const [row]: Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }> = await dataSource.query(
      `EXPLAIN (FORMAT JSON) ${sql}`,
      params,
    );
    return seqScans(row['QUERY PLAN'][0].Plan);
  }

  const pseudonym = 'bm90LWEtcmVhbC1wc2V1ZG9ueW0tYnV0LTQzLWNoYXJz';
  const person = ['x', pseudonym];

  it.each([
    ['followEdges', ERASURE.followEdges, ['bluesky', pseudonym]],
    ['pendingFollowEdges', ERASURE.pendingFollowEdges, person],
    ['followedBy', ERASURE.followedBy, person],
    ['sweepsSeen', ERASURE.sweepsSeen, person],
    ['repliesByAuthor', ERASURE.repliesByAuthor, person],
    ['repliesByInteraction', ERASURE.repliesByInteraction, ['bluesky', pseudonym]],
    ['blueskyRepliesByDid', ERASURE.blueskyRepliesByDid, blueskyParentRange('did:plc:p42')],
    ['interactions', ERASURE.interactions, person],
    ['suppress', ERASURE.suppress, person],
    [
      'retention: replies forget whom they answered',
      RETENTION_STATEMENTS.replyAuthors,
      [new Date('2025-06-01')],
    ],
  ])('%s scans no table of residents’ data', async (_name, sql, params) => {
    expect(await scansOf(sql, params)).toEqual([]);
  });

  it('the Bluesky range holds exactly the replies to one account’s posts', async () => {
    const [low, high] = blueskyParentRange('did:plc:p4');
    const rows: Array<{ in_reply_to: string }> = await dataSource.query(
      `SELECT in_reply_to FROM post
       WHERE platform = 'bluesky' AND in_reply_to IS NOT NULL
         AND (in_reply_to COLLATE "C") >= $1 AND (in_reply_to COLLATE "C") < $2`,
      [low, high],
    );
    // Not did:plc:p40…, whose URIs share the text up to the DID's end.
    expect(rows.map((row) => row.in_reply_to)).toEqual(['at://did:plc:p4/app.bsky.feed.post/4']);
  });

  it('migration 12 goes down and up again, recording existing replies’ authors from their interactions', async () => {
    const migration = new ReplyAuthorsAndErasureIndexes1763800000012();
    // On the schema it was written for: the tables of residents' data as they stood then.
    const older = await createTestDatabase(ReplyAuthorsAndErasureIndexes1763800000012);
    const dataSource = new DataSource({ type: 'postgres', url: older.url, poolSize: 1 });
    await dataSource.initialize();
    await seedRoster(dataSource, IDS);
    await dataSource.query(
      `INSERT INTO platform_account (id, councillor_id, platform, handle) VALUES ($1, $2, 'x', 'ann')`,
      [X, IDS.councillor],
    );
    await dataSource.query(
      `INSERT INTO interaction (account_id, platform, external_id, url, kind, created_at, author_pseudonym)
       SELECT $1, 'x', g::text, 'https://example.test/' || g, 'reply', now(), md5(g::text) FROM generate_series(1, 9) g`,
      [X],
    );
    await dataSource.query(
      `INSERT INTO post (account_id, platform, external_id, url, created_at, kind, in_reply_to, in_reply_to_author)
       SELECT $1, 'x', 'r' || g, 'https://example.test/r' || g, now(), 'reply', g::text, NULL FROM generate_series(1, 9) g`,
      [X],
    );
    const runner = dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const [row]: Array<{ author: string | null; expected: string }> = await dataSource.query(
      `SELECT in_reply_to_author AS author, md5('3') AS expected FROM post WHERE external_id = 'r3'`,
    );
    await dataSource.destroy();
    await older.drop();
    expect(row.author).toBe(row.expected);
  });
});
