import { parseGazetteerCsv } from './gazetteer-csv';
import { ImportFileError } from './import-file-error';

const HEADER = 'ward_code,ward_name,kind,value';

function failure(text: string): ImportFileError {
  try {
    parseGazetteerCsv(text);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

describe('parseGazetteerCsv', () => {
  it('reads every kind and normalises postcodes', () => {
    const text = [
      HEADER,
      'E05900011,Holme Valley North,place,  Honley ',
      'E05900011,Holme Valley North,postcode_district,hd9',
      'E05900011,Holme Valley North,postcode_sector,hd9  7',
      'e05900011,Holme Valley North,postcode,hd97ab',
      'E05900011,Holme Valley North,POSTCODE,HD9 6XY',
    ].join('\n');
    expect(
      parseGazetteerCsv(text).map(({ wardCode, kind, value, line }) => [wardCode, kind, value, line]),
    ).toEqual([
      ['E05900011', 'place', 'Honley', 2],
      ['E05900011', 'postcode_district', 'HD9', 3],
      ['E05900011', 'postcode_sector', 'HD9 7', 4],
      ['E05900011', 'postcode', 'HD9 7AB', 5],
      ['E05900011', 'postcode', 'HD9 6XY', 6],
    ]);
  });

  it('lets one value stand under several wards', () => {
    const text = `${HEADER}\nE05900014,Lindley,place,Huddersfield\nE05900018,Greenhead,place,Huddersfield\n`;
    expect(parseGazetteerCsv(text).map((e) => e.wardCode)).toEqual(['E05900014', 'E05900018']);
  });

  it('accepts CRLF, a byte-order mark, quoted fields, columns in any order and extra columns', () => {
    const text =
      '\uFEFFkind,Value,ward_code,source,ward_name\r\nplace,"Crosland Moor, Netherton",E05900013,OS,"Crosland Moor and Netherton"\r\n';
    expect(parseGazetteerCsv(text)).toEqual([
      {
        wardCode: 'E05900013',
        wardName: 'Crosland Moor and Netherton',
        kind: 'place',
        value: 'Crosland Moor, Netherton',
        line: 2,
      },
    ]);
  });

  it('keeps a repeated row once', () => {
    const text = `${HEADER}\nE05900011,HVN,place,Honley\nE05900011,HVN,place,honley\nE05900011,HVN,postcode,HD97AB\nE05900011,HVN,postcode,HD9 7AB`;
    expect(parseGazetteerCsv(text)).toHaveLength(2);
  });

  it('accepts Welsh, Scottish and Northern Irish ward codes', () => {
    const text = `${HEADER}\nW05000001,A,place,Aber\nS13002516,B,place,Bute\nN08000101,C,place,Coleraine`;
    expect(parseGazetteerCsv(text)).toHaveLength(3);
  });

  it.each([
    ['E0590001', 'ward_code'],
    ['E04900011', 'ward_code'],
    ['ward 3', 'ward_code'],
  ])('rejects the ward code %p naming the line and field', (code, field) => {
    const error = failure(`${HEADER}\nE05900011,HVN,place,Honley\n${code},HVN,place,Honley`);
    expect(error).toMatchObject({ line: 3, field });
    expect(error.message).toContain(`line 3, field ${field}`);
  });

  it.each([
    ['town', 'Honley', 'kind'],
    ['postcode_district', 'HD', 'value'],
    ['postcode_district', 'B2B', 'value'],
    ['postcode_district', 'QQ1', 'value'],
    ['postcode_sector', 'HD97', 'value'],
    ['postcode_sector', 'HD9 7AB', 'value'],
    ['postcode', 'HD9 7', 'value'],
    ['postcode', 'HD9 7CI', 'value'],
    ['place', '---', 'value'],
    ['place', '', 'value'],
  ])('rejects kind %p with value %p in field %p', (kind, value, field) => {
    expect(failure(`${HEADER}\nE05900011,HVN,${kind},${value}`)).toMatchObject({ line: 2, field });
  });

  it('rejects a ward code given two names', () => {
    const error = failure(
      `${HEADER}\nE05900011,Holme Valley North,place,Honley\nE05900011,Holme Valley South,place,Holmfirth`,
    );
    expect(error).toMatchObject({ line: 3, field: 'ward_name' });
    expect(error.message).toContain('named "Holme Valley North" on line 2');
  });

  it('reports every bad row, in file order, and returns nothing', () => {
    const text = [
      HEADER,
      'E05900011,HVN,place,Honley',
      'X,HVN,place,Honley',
      'E05900011,HVN,postcode,nope',
      'E05900011,HVN,place',
    ].join('\n');
    const error = failure(text);
    expect(error.issues.map((issue) => [issue.line, issue.field])).toEqual([
      [3, 'ward_code'],
      [4, 'value'],
      [5, 'row'],
    ]);
  });

  it('rejects a file with a missing column, naming it', () => {
    expect(failure('ward_code,ward_name,value\nE05900011,HVN,Honley')).toMatchObject({
      line: 1,
      field: 'kind',
    });
  });

  it('rejects an empty file and a file with no rows', () => {
    expect(failure('')).toMatchObject({ line: 1, field: 'header' });
    expect(failure(`${HEADER}\n`)).toMatchObject({ line: 1, field: 'header' });
  });
});
