import { countComponents } from './components';
import { graphOf } from './__fixtures__/graph-of';

describe('countComponents', () => {
  const edges: [string, string][] = [
    ['a', 'b'],
    ['c', 'd'],
    ['d', 'c'],
    ['e', 'e'],
  ];

  it('counts weakly connected components of a directed graph', () => {
    // nx.number_weakly_connected_components = 3 (strongly connected would be 4).
    expect(countComponents(graphOf(edges, true))).toBe(3);
  });

  it('counts connected components of an undirected graph, a lone self-loop included', () => {
    expect(countComponents(graphOf(edges, false))).toBe(3);
    expect(
      countComponents(
        graphOf(
          [
            ['a', 'b'],
            ['b', 'c'],
            ['c', 'a'],
          ],
          false,
        ),
      ),
    ).toBe(1);
  });

  it('joins nodes reached only against edge direction', () => {
    expect(
      countComponents(
        graphOf(
          [
            ['a', 'c'],
            ['b', 'c'],
          ],
          true,
        ),
      ),
    ).toBe(1);
  });
});
