import { districtOf, normaliseDistrict, normalisePostcode, normaliseSector, sectorOf } from './uk-postcode';
import { AREAS_WITH_LETTERED_DISTRICTS, UK_POSTCODE_AREAS } from './uk-postcode-areas';

describe('UK postcode areas', () => {
  it('lists the 121 geographic areas once each, from AB to ZE', () => {
    expect(UK_POSTCODE_AREAS).toHaveLength(121);
    expect(new Set(UK_POSTCODE_AREAS).size).toBe(121);
    expect([...UK_POSTCODE_AREAS].sort()).toEqual(UK_POSTCODE_AREAS);
    expect(UK_POSTCODE_AREAS[0]).toBe('AB');
    expect(UK_POSTCODE_AREAS[120]).toBe('ZE');
    for (const area of ['HD', 'WF', 'BD', 'LS', 'HX', 'OL', 'S', 'B', 'M', 'BT', 'KW', 'ZE']) {
      expect(UK_POSTCODE_AREAS).toContain(area);
    }
    for (const area of ['GY', 'JE', 'IM', 'BF', 'BX', 'XX', 'QQ'])
      expect(UK_POSTCODE_AREAS).not.toContain(area);
  });

  it('allows lettered districts only in real London areas', () => {
    for (const area of AREAS_WITH_LETTERED_DISTRICTS) expect(UK_POSTCODE_AREAS).toContain(area);
  });
});

describe('postcode normalisation', () => {
  it('normalises districts', () => {
    expect(normaliseDistrict(' hd9 ')).toBe('HD9');
    expect(normaliseDistrict('WF13')).toBe('WF13');
    expect(normaliseDistrict('w1a')).toBe('W1A');
    for (const bad of ['HD', 'HD123', 'B2B', 'QQ1', 'HD 9', '9HD']) expect(normaliseDistrict(bad)).toBeNull();
  });

  it('normalises sectors, which need their space', () => {
    expect(normaliseSector('hd9   7')).toBe('HD9 7');
    expect(normaliseSector('HD97')).toBeNull();
    expect(normaliseSector('HD9 7A')).toBeNull();
  });

  it('normalises full postcodes with or without the space', () => {
    expect(normalisePostcode('hd97ab')).toBe('HD9 7AB');
    expect(normalisePostcode('SW1A 1AA')).toBe('SW1A 1AA');
    expect(normalisePostcode('HD9 7CB')).toBeNull();
    expect(normalisePostcode('HD9 7')).toBeNull();
  });

  it('gives the district and sector of a normalised postcode', () => {
    expect(districtOf('HD9 7AB')).toBe('HD9');
    expect(districtOf('WF13 4')).toBe('WF13');
    expect(districtOf('HD9')).toBe('HD9');
    expect(sectorOf('WF13 4HQ')).toBe('WF13 4');
  });
});
