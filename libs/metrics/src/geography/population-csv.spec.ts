import { ImportFileError } from './import-file-error';
import { parsePopulationCsv } from './population-csv';

function failure(text: string): ImportFileError {
  try {
    parsePopulationCsv(text);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

describe('parsePopulationCsv', () => {
  it('rejects a count written with a thousands separator', () => {
    const text = '\uFEFFward_code,ward_name,adults\r\nE05900011,Holme Valley North,"14,210"\r\n';
    expect(failure(text)).toMatchObject({ line: 2, field: 'adults' });
  });

  it('rejects a count no ward could have (beyond what the database holds too)', () => {
    const text = 'ward_code,adults\nE05900011,99999999999\n';
    expect(failure(text)).toMatchObject({ line: 2, field: 'adults' });
    expect(failure(text).message).toMatch(/99999999999 is more than 10,000,000/);
  });

  it('reads ward codes and adult counts, ignoring extra columns', () => {
    expect(
      parsePopulationCsv(
        'ward_code,ward_name,adults\r\nE05900011,Holme Valley North,14210\r\ne05900012,HVS,0\r\n',
      ),
    ).toEqual([
      { wardCode: 'E05900011', adults: 14210, line: 2 },
      { wardCode: 'E05900012', adults: 0, line: 3 },
    ]);
  });

  it.each(['-1', '12.5', '1e4', '', 'many', '99999999999999999999'])('rejects adults %p', (adults) => {
    expect(failure(`ward_code,adults\nE05900011,${adults}`)).toMatchObject({ line: 2, field: 'adults' });
  });

  it('rejects a bad ward code', () => {
    expect(failure('ward_code,adults\nE06000034,100')).toMatchObject({ line: 2, field: 'ward_code' });
  });

  it('rejects a ward listed twice, naming the first line', () => {
    const error = failure('ward_code,adults\nE05900011,100\nE05900012,100\nE05900011,120');
    expect(error).toMatchObject({ line: 4, field: 'ward_code' });
    expect(error.message).toContain('already listed on line 2');
  });

  it('reports every issue and the missing column', () => {
    expect(failure('ward_code,adults\nX,1\nE05900011,-3').issues).toHaveLength(2);
    expect(failure('ward_code,population\nE05900011,1')).toMatchObject({ line: 1, field: 'adults' });
    expect(failure('ward_code,adults')).toMatchObject({ field: 'header' });
  });
});
