import { attributionWeights } from './attribution-weights';
import { evidenceKinds } from './evidence-kinds';
import { attribute } from './ward-attribution';
import { exampleGazetteer, HV_NORTH, HV_SOUTH, LINDLEY, GOLCAR } from './testing/example-gazetteer';

const gazetteer = exampleGazetteer();

describe('attributionWeights', () => {
  it('gives a ward result weight 1 for its ward', () => {
    expect(attributionWeights(attribute('HD9 7', gazetteer))).toEqual(new Map([[HV_NORTH, 1]]));
  });

  it('splits a council result evenly over its candidates', () => {
    const weights = attributionWeights(attribute('Salendine Nook', gazetteer));
    expect(weights).toEqual(
      new Map([
        [LINDLEY, 0.5],
        [GOLCAR, 0.5],
      ]),
    );
  });

  it('sums to one over the candidates of a council result', () => {
    const weights = attributionWeights({
      status: 'council',
      ward: null,
      candidates: ['E05900001', 'E05900002', 'E05900003'],
      evidence: [],
    });
    expect([...weights.values()].reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 12);
    expect(weights.get('E05900002')).toBeCloseTo(1 / 3, 12);
  });

  it('gives no ward any weight for elsewhere or unknown', () => {
    expect(attributionWeights(attribute('LS6 2AB', gazetteer)).size).toBe(0);
    expect(attributionWeights(attribute('just vibes', gazetteer)).size).toBe(0);
  });
});

describe('evidenceKinds', () => {
  it('keeps each kind once, in order of appearance, without values or text', () => {
    const result = attribute('Honley HD9, Holme Valley, HD9 7', gazetteer);
    expect(result.evidence.map((e) => e.kind)).toEqual([
      'place',
      'postcode_district',
      'place',
      'postcode_sector',
    ]);
    expect(evidenceKinds(result)).toEqual(['place', 'postcode_district', 'postcode_sector']);
  });

  it('is empty for an unknown result', () => {
    expect(evidenceKinds(attribute('', gazetteer))).toEqual([]);
  });

  it('names the postcode kind for an elsewhere result', () => {
    expect(evidenceKinds(attribute('LS6 2AB', gazetteer))).toEqual(['postcode']);
    expect(attribute('HD9 1', gazetteer).candidates).toEqual([HV_SOUTH]);
  });
});
