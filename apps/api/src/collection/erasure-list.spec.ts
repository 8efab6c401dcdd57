import { ErasureList } from './erasure-list';

const pseudonymOf = (id: string) => `p(${id})`;

describe('ErasureList', () => {
  it('finds someone by their pseudonym', () => {
    const list = new ErasureList(new Set(['p(ann@colne.social)']), pseudonymOf);
    expect(list.has('p(ann@colne.social)')).toBe(true);
    expect(list.has('p(bob@colne.social)', ['2'])).toBe(false);
  });

  it('finds someone erased under a former id, without listing them under their pseudonym', () => {
    // Erased by an earlier release, which knew Cai by the id 109 of the councillor's instance.
    const list = new ErasureList(new Set(['p(109)']), pseudonymOf);
    expect(list.has('p(cai@colne.social)', ['109'])).toBe(true);
    // Not by the pseudonym alone: 109 on another instance would be someone else.
    expect(list.has('p(cai@colne.social)')).toBe(false);
  });

  it('finds a reply target known only by a former id', () => {
    const list = new ErasureList(new Set(['p(109)']), pseudonymOf);
    expect(list.has(null, ['109'])).toBe(true);
    expect(list.has(null, ['110'])).toBe(false);
  });
});
