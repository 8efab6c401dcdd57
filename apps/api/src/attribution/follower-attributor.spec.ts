import fc from 'fast-check';
import type { GazetteerEntry } from '@wardreach/metrics';
import type { GazetteerRepository } from './gazetteer.repository';
import { attributionKey, FollowerAttributor } from './follower-attributor';

const GAZETTEER: GazetteerEntry[] = [
  { wardCode: 'E05000001', wardName: 'Alder', kind: 'place', value: 'Alderbury', line: 1 },
  { wardCode: 'E05000002', wardName: 'Birch', kind: 'place', value: 'Birchfield', line: 2 },
  { wardCode: 'E05000002', wardName: 'Birch', kind: 'postcode_district', value: 'HD8', line: 3 },
];

async function attributor(entries: GazetteerEntry[] = GAZETTEER): Promise<FollowerAttributor> {
  const created = new FollowerAttributor({
    version: () => Promise.resolve('v1'),
    allEntries: () => Promise.resolve(entries),
  } as unknown as GazetteerRepository);
  await created.refresh();
  return created;
}

const attribution = fc.record({
  status: fc.constantFrom('ward' as const, 'council' as const, 'elsewhere' as const, 'unknown' as const),
  wardWeights: fc.dictionary(
    fc.constantFrom('E05000001', 'E05000002', 'E05000003'),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ),
  evidenceKinds: fc.uniqueArray(fc.constantFrom('place', 'postcode_district', 'postcode_sector')),
});

describe('attributionKey', () => {
  it('depends on the attribution, not on the order of its weights or kinds', () => {
    fc.assert(
      fc.property(attribution, (a) => {
        const reordered = {
          status: a.status,
          wardWeights: Object.fromEntries(Object.entries(a.wardWeights).reverse()),
          evidenceKinds: [...a.evidenceKinds].reverse(),
        };
        expect(attributionKey(reordered)).toBe(attributionKey(a));
      }),
    );
  });

  it('tells any two different attributions apart (each is stored once under its key)', () => {
    const canonical = (a: { status: string; wardWeights: Record<string, number>; evidenceKinds: string[] }) =>
      JSON.stringify([a.status, Object.entries(a.wardWeights).sort(), [...a.evidenceKinds].sort()]);
    fc.assert(
      fc.property(attribution, attribution, (a, b) => {
        expect(attributionKey(a) === attributionKey(b)).toBe(canonical(a) === canonical(b));
      }),
    );
  });

  it('moves when the status, a weight or the evidence changes', () => {
    const base = { status: 'ward' as const, wardWeights: { E05000001: 1 }, evidenceKinds: ['place'] };
    const key = attributionKey(base);
    expect(key).toBe('ward|E05000001=1|place');
    expect(attributionKey({ ...base, status: 'council' })).not.toBe(key);
    expect(attributionKey({ ...base, wardWeights: { E05000001: 0.5, E05000002: 0.5 } })).not.toBe(key);
    expect(attributionKey({ ...base, wardWeights: { E05000002: 1 } })).not.toBe(key);
    expect(attributionKey({ ...base, evidenceKinds: ['postcode_district'] })).not.toBe(key);
  });
});

describe('FollowerAttributor', () => {
  it('returns the key of the attribution it made', async () => {
    const subject = await attributor();
    for (const text of ['Alderbury born', 'HD8 and Birchfield', 'Leeds', '']) {
      const { key, ...fields } = subject.attribute(text);
      expect(key).toBe(attributionKey(fields));
    }
    expect(subject.attribute('Alderbury born').key).not.toBe(subject.attribute('Leeds').key);
    expect(subject.attribute('').key).toBe('unknown||');
  });
});
