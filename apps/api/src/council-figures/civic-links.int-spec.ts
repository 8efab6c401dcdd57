import { DataSource } from 'typeorm';
import { pseudonymise } from '../common/pseudonymise';
import { seedRoster, TEST_ROSTER } from '../testing/seed-roster';
import { createTestDatabase, type TestDatabase } from '../testing/test-environment';
import { insertFollowEdge } from '../testing/follow-edges';
import { CouncilFactsRepository } from './council-facts.repository';

const IDS = TEST_ROSTER;
const SECRET = 'civic-links-spec-secret';
const BEN = '00000000-0000-4000-8000-0000000000c4';
const ANN_BSKY = '00000000-0000-4000-8000-0000000000a1';
const ANN_MASTO = '00000000-0000-4000-8000-0000000000a2';
const BEN_BSKY = '00000000-0000-4000-8000-0000000000a3';
const FOOD_BANK = '00000000-0000-4000-8000-0000000000d1';
const SCOUTS = '00000000-0000-4000-8000-0000000000d2';
const QUIET = '00000000-0000-4000-8000-0000000000d3';
const NOW = new Date('2026-11-23T12:00:00Z');
const DAY = 24 * 60 * 60_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

/** Which councillors each registered civic account is connected with, against PostgreSQL. */
describe('civic accounts’ connections with the council’s councillors (CouncilFactsRepository.civicLinks)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
    await seedRoster(dataSource, IDS, { councillor: 'Cllr Ann' });
    await dataSource.query(
      `INSERT INTO councillor (id, council_id, ward_id, name) VALUES ($1, $2, $3, 'Cllr Ben')`,
      [BEN, IDS.council, IDS.ward],
    );
    await dataSource.query(
      `INSERT INTO platform_account (id, councillor_id, platform, handle) VALUES
         ($1, $4, 'bluesky', 'ann.bsky.social'), ($2, $4, 'mastodon', 'ann@colne.social'),
         ($3, $5, 'bluesky', 'ben.bsky.social')`,
      [ANN_BSKY, ANN_MASTO, BEN_BSKY, IDS.councillor, BEN],
    );
    const civic = (id: string, name: string, platform: string, person: string) =>
      dataSource.query(
        `INSERT INTO civic_account (id, council_id, ward_id, name, platform, handle, external_id, pseudonym)
         VALUES ($1, $2, NULL, $3, $4, $5, $5, $6)`,
        [id, IDS.council, name, platform, person, pseudonymise(SECRET, platform, person)],
      );
    await civic(FOOD_BANK, 'Colne Food Bank', 'mastodon', 'foodbank@colne.social');
    await civic(SCOUTS, 'Alder Scouts', 'bluesky', 'did:plc:scouts');
    await civic(QUIET, 'Quiet Club', 'bluesky', 'did:plc:quiet');
    const follows = async (account: string, platform: string, person: string, lostAt: string | null) => {
      await insertFollowEdge((sql, params) => dataSource.query(sql, params), {
        accountId: account,
        pseudonym: pseudonymise(SECRET, platform, person),
        firstSeen: ago(60),
        lostAt,
      });
    };
    const wrote = (account: string, platform: string, person: string, id: string, createdAt: string) =>
      dataSource.query(
        `INSERT INTO interaction (account_id, platform, external_id, url, kind, created_at, author_pseudonym)
         VALUES ($1, $2, $3, 'https://example.social/' || $3, 'mention', $4, $5)`,
        [account, platform, id, createdAt, pseudonymise(SECRET, platform, person)],
      );
    await follows(BEN_BSKY, 'bluesky', 'did:plc:scouts', null); // the scouts follow Ben
    await follows(ANN_BSKY, 'bluesky', 'did:plc:scouts', ago(5)); // and followed Ann, no longer
    await wrote(ANN_MASTO, 'mastodon', 'foodbank@colne.social', 'fb-1', ago(3)); // the food bank mentioned Ann
    await wrote(ANN_BSKY, 'bluesky', 'did:plc:quiet', 'quiet-1', ago(100)); // too long ago to count
    await follows(BEN_BSKY, 'bluesky', 'did:plc:someone', null); // a resident, not a civic account
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('counts standing follows and recent replies or mentions on the same platform, nothing else', async () => {
    const links = await new CouncilFactsRepository(dataSource).civicLinks({
      councilId: IDS.council,
      now: NOW,
      repliesSince: new Date(NOW.getTime() - 90 * DAY),
    });
    expect(links).toEqual([
      { civicId: FOOD_BANK, councillorIds: [IDS.councillor] },
      { civicId: SCOUTS, councillorIds: [BEN] },
    ]);
  });

  it('counts a follow as it stood at the time asked', async () => {
    const links = await new CouncilFactsRepository(dataSource).civicLinks({
      councilId: IDS.council,
      now: new Date(NOW.getTime() - 10 * DAY),
      repliesSince: new Date(NOW.getTime() - 100 * DAY),
    });
    expect(links).toEqual([{ civicId: SCOUTS, councillorIds: [IDS.councillor, BEN].sort() }]);
  });

  it('counts the councillors’ own follows too, and gives them to the ward’s network as links outward', async () => {
    // Ann's Bluesky account follows the quiet club (a registered organisation) and a resident.
    const key = (person: string) => `pseudonym_key('${pseudonymise(SECRET, 'bluesky', person)}')`;
    await dataSource.query(
      `INSERT INTO follow_out (account_id, target_id, first_seen) VALUES
         ($1, ${key('did:plc:quiet')}, $2), ($1, ${key('did:plc:someone')}, $2)`,
      [ANN_BSKY, ago(20)],
    );
    // Ben's sweep placed them in Alder ward.
    await dataSource.query(
      `DELETE FROM follow_edge WHERE account_id = $1 AND follower_id = ${key('did:plc:someone')}`,
      [BEN_BSKY],
    );
    await insertFollowEdge((sql, params) => dataSource.query(sql, params), {
      accountId: BEN_BSKY,
      pseudonym: pseudonymise(SECRET, 'bluesky', 'did:plc:someone'),
      firstSeen: ago(60),
      attribution: 'ward',
      wardWeights: { E05000001: 1 },
    });
    const facts = new CouncilFactsRepository(dataSource);
    const links = await facts.civicLinks({
      councilId: IDS.council,
      now: NOW,
      repliesSince: new Date(NOW.getTime() - 90 * DAY),
    });
    expect(links).toContainEqual({ civicId: QUIET, councillorIds: [IDS.councillor] });

    const edges = await facts.networkEdges({
      councilId: IDS.council,
      now: NOW,
      repliesSince: new Date(NOW.getTime() - 90 * DAY),
      councillorPseudonyms: [],
    });
    const someone = (
      await dataSource.query<Array<{ key: string }>>(`SELECT ${key('did:plc:someone')}::text AS key`)
    )[0].key;
    expect(edges.filter((group) => group.direction === 'out')).toEqual([
      {
        wardCode: 'E05000001',
        councillorId: IDS.councillor,
        direction: 'out',
        sourceKind: 'civic',
        sourceIds: [QUIET],
      },
      {
        wardCode: 'E05000001',
        councillorId: IDS.councillor,
        direction: 'out',
        sourceKind: 'follower',
        sourceIds: [someone],
      },
    ]);
  });
});
