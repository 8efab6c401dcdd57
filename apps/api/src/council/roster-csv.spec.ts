import { ImportFileError } from '@wardreach/metrics';
import { parseRosterCsv } from './roster-csv';

describe('parseRosterCsv', () => {
  it('reads councillors, their accounts in any platform column, and cohorts', () => {
    const rows = parseRosterCsv(
      'name,party,ward_code,ward_name,bluesky,mastodon,rss,cohort\r\n' +
        'Jane Smith,Labour,E05001405,Holme Valley South,jane.bsky.social,@jane@mas.to,,Pilot 2026\r\n' +
        'Ali Khan,,e05001389,Ashbrow,,,,\r\n',
    );
    expect(rows).toEqual([
      {
        line: 2,
        name: 'Jane Smith',
        party: 'Labour',
        wardCode: 'E05001405',
        accounts: [
          { platform: 'bluesky', handle: 'jane.bsky.social' },
          { platform: 'mastodon', handle: 'jane@mas.to' },
        ],
        cohort: 'Pilot 2026',
      },
      { line: 3, name: 'Ali Khan', party: null, wardCode: 'E05001389', accounts: [], cohort: null },
    ]);
  });

  it('reports every bad line and field at once, so nothing is half imported', () => {
    const error = (() => {
      try {
        parseRosterCsv(
          'name,party,ward_code,bluesky\n,Green,E05001405,\nBo,Green,X123,bo.bsky.social\nCy,Green,E05001405,not a handle\n',
        );
      } catch (caught) {
        return caught;
      }
      throw new Error('expected an ImportFileError');
    })();
    expect(error).toBeInstanceOf(ImportFileError);
    const issues = (error as ImportFileError).issues.map((issue) => `${issue.line}:${issue.field}`);
    expect(issues).toEqual(['2:name', '3:ward_code', '4:bluesky']);
  });

  it('imports Pleroma addresses, Facebook /people/ and YouTube /user/ addresses, and refuses a YouTube /c/ address', () => {
    const rows = parseRosterCsv(
      'name,party,ward_code,mastodon,facebook,youtube\n' +
        'Jane Smith,Labour,E05001405,@jane.doe@pleroma.example,' +
        'https://www.facebook.com/people/Cllr-Jane-Smith/100089123456789/,' +
        'https://www.youtube.com/user/CllrJaneSmith\n',
    );
    expect(rows[0].accounts).toEqual([
      { platform: 'mastodon', handle: 'jane.doe@pleroma.example' },
      { platform: 'facebook', handle: '100089123456789' },
      { platform: 'youtube', handle: 'https://www.youtube.com/user/CllrJaneSmith' },
    ]);

    const error = (() => {
      try {
        parseRosterCsv(
          'name,party,ward_code,youtube\nAli Khan,Green,E05001389,https://www.youtube.com/c/CllrAli\n',
        );
      } catch (caught) {
        return caught;
      }
      throw new Error('expected an ImportFileError');
    })();
    expect(error).toBeInstanceOf(ImportFileError);
    const issues = (error as ImportFileError).issues;
    expect(issues.map((issue) => `${issue.line}:${issue.field}`)).toEqual(['2:youtube']);
    expect(issues[0].message).toContain('@handle or its channel id');
  });

  it('refuses a column it does not read, saying where its accounts belong, so none is lost unseen', () => {
    const issues = (text: string) => {
      try {
        parseRosterCsv(text);
      } catch (caught) {
        return (caught as ImportFileError).issues.map(
          (issue) => `${issue.line}:${issue.field}: ${issue.message}`,
        );
      }
      throw new Error('expected an ImportFileError');
    };
    expect(issues('name,party,ward_code,twitter,blusky\nCat,,E05001405,catcedar,cat.bsky.social\n')).toEqual([
      '1:twitter: is not a column: these accounts go in "x"',
      '1:blusky: is not a column; the columns are name, party, ward_code, bluesky, mastodon, rss, x, facebook, youtube, cohort, ward_name',
    ]);
  });

  it('refuses one account on two lines, whatever its case, naming the first', () => {
    try {
      parseRosterCsv(
        'name,party,ward_code,x,bluesky\nDan,,E05001405,AnnAsh,shared.bsky.social\nEve,,E05001405,annash,shared.bsky.social\n',
      );
      throw new Error('expected an ImportFileError');
    } catch (caught) {
      expect(
        (caught as ImportFileError).issues.map((issue) => `${issue.line}:${issue.field}: ${issue.message}`),
      ).toEqual(['3:bluesky: shared.bsky.social is already on line 2', '3:x: annash is already on line 2']);
    }
  });

  it('names a missing required column', () => {
    expect(() => parseRosterCsv('name,ward_code\nJane,E05001405\n')).toThrow(/party: missing column/);
  });

  it('rejects the same councillor twice in a ward', () => {
    expect(() => parseRosterCsv('name,party,ward_code\nJane,Lab,E05001405\njane,Lab,E05001405\n')).toThrow(
      /repeats line 2/,
    );
  });
});
