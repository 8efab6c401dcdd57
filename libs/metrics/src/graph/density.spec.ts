import { density } from './density';
import { graphOf, PATH, REPEATS_AND_LOOP, STAR } from './__fixtures__/graph-of';

describe('density', () => {
  it('is 2m / n(n − 1) for an undirected graph', () => {
    expect(density(graphOf(PATH, false))).toBe(0.5); // 2·3 / (4·3)
    expect(density(graphOf(STAR, false))).toBe(0.4); // 2·4 / (5·4)
  });

  it('is m / n(n − 1) for a directed graph, self-loops counted in m as NetworkX does', () => {
    expect(density(graphOf(REPEATS_AND_LOOP, true))).toBe(5 / 12); // nx.density: 0.4166…
    expect(density(graphOf(REPEATS_AND_LOOP, false))).toBe((2 * 4) / 12);
  });

  it('is 0 for a graph of fewer than two nodes', () => {
    expect(density(graphOf([['a', 'a']], true))).toBe(0);
    expect(density(graphOf([], false))).toBe(0);
  });
});
