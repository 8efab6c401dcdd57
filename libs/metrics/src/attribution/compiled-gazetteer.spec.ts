import { compileGazetteer } from './compiled-gazetteer';
import { parseGazetteerCsv } from '../geography/gazetteer-csv';

const compile = (rows: string[]) =>
  compileGazetteer(parseGazetteerCsv(['ward_code,ward_name,kind,value', ...rows].join('\n')));

describe('compileGazetteer', () => {
  it('knows a district listed, or through its listed sectors and postcodes, with those wards', () => {
    const gazetteer = compile([
      'E05900011,A,postcode_district,HD9',
      'E05900019,B,postcode_sector,WF13 4',
      'E05900020,C,postcode,WF13 2AB',
      'E05900014,D,postcode,HD3 3AA',
    ]);
    expect(gazetteer.knownDistricts).toEqual(
      new Map([
        ['HD9', []],
        ['WF13', ['E05900019', 'E05900020']],
        ['HD3', ['E05900014']],
      ]),
    );
    expect(gazetteer.districts.get('HD9')).toEqual(['E05900011']);
  });

  it('merges a place spelt differently under several wards, keeping the first spelling', () => {
    const gazetteer = compile(['E05900018,G,place,Huddersfield', 'E05900014,L,place,HUDDERSFIELD.']);
    const place = gazetteer.places.next.get('huddersfield')?.place;
    expect(place).toEqual({ name: 'Huddersfield', wards: ['E05900014', 'E05900018'] });
  });

  it('indexes names of several words as a phrase and as a joined hashtag', () => {
    const gazetteer = compile(['E05900016,DD,place,Denby Dale']);
    expect(gazetteer.places.next.get('denby')?.place).toBeNull();
    expect(gazetteer.places.next.get('denby')?.next.get('dale')?.place?.name).toBe('Denby Dale');
    expect(gazetteer.hashtagPlaces.get('denbydale')?.wards).toEqual(['E05900016']);
  });

  it('compiles an empty gazetteer that attributes nothing', () => {
    const empty = compileGazetteer([]);
    expect(empty.places.next.size).toBe(0);
    expect(empty.knownDistricts.size).toBe(0);
  });
});
