import type { CompactGraph } from './compact-graph';
import type { GraphReport, NodeFigures } from './graph-report';

/** Node figures written as GEXF attributes, with their GEXF types. */
const NODE_ATTRIBUTES: readonly {
  readonly key: Exclude<keyof NodeFigures, 'id'>;
  readonly type: 'integer' | 'double';
}[] = [
  { key: 'inDegree', type: 'integer' },
  { key: 'outDegree', type: 'integer' },
  { key: 'pagerank', type: 'double' },
  { key: 'betweenness', type: 'double' },
  { key: 'clustering', type: 'double' },
  { key: 'community', type: 'integer' },
];

/**
 * The graph as a GEXF 1.3 document for Gephi: one node per id (labelled with it) carrying the
 * report's node figures as attributes, one edge per distinct edge, and the graph figures in the
 * description. `report` must come from the same graph (same node order).
 */
export function formatGexf(graph: CompactGraph, report: GraphReport): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta><creator>wardreach</creator><description>${escapeXml(describe(report))}</description></meta>`,
    `  <graph defaultedgetype="${graph.directed ? 'directed' : 'undirected'}" mode="static">`,
    '    <attributes class="node" mode="static">',
    ...NODE_ATTRIBUTES.map(
      (attribute, index) =>
        `      <attribute id="${index}" title="${attribute.key}" type="${attribute.type}"/>`,
    ),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const node of report.nodes) {
    const id = escapeXml(node.id);
    const values = NODE_ATTRIBUTES.map(
      (attribute, index) => `<attvalue for="${index}" value="${node[attribute.key]}"/>`,
    ).join('');
    out.push(`      <node id="${id}" label="${id}"><attvalues>${values}</attvalues></node>`);
  }
  out.push('    </nodes>', '    <edges>');
  const { ids, outOffsets, outTargets } = graph;
  let edgeId = 0;
  for (let u = 0; u < graph.nodeCount; u += 1) {
    for (let i = outOffsets[u]; i < outOffsets[u + 1]; i += 1) {
      const v = outTargets[i];
      // An undirected edge sits in both rows: write it once, from its lower end.
      if (!graph.directed && v < u) continue;
      out.push(`      <edge id="${edgeId}" source="${escapeXml(ids[u])}" target="${escapeXml(ids[v])}"/>`);
      edgeId += 1;
    }
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

function describe(report: GraphReport): string {
  const g = report.graph;
  return `nodes ${g.nodes}, edges ${g.edges}, density ${g.density}, components ${g.components}, average clustering ${g.averageClustering}, modularity ${g.modularity}, communities ${g.communities}`;
}

/** Escapes markup characters and drops control characters XML 1.0 cannot carry. */
function escapeXml(text: string): string {
  return (
    text
      // XML 1.0 forbids these characters even escaped, so they are the point of this pattern.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
