/** A network and what NetworkX computed for it (see networkx-reference.ts for the calls). */
export interface NetworkxReference {
  readonly directed: boolean;
  readonly edges: readonly (readonly [string, string])[];
  readonly nodes: number;
  readonly edgeCount: number;
  readonly density: number;
  readonly components: number;
  readonly averageClustering: number;
  readonly bestModularity: number;
  readonly igraphBestModularity: number;
  readonly singletonModularity: number;
  readonly nodeFigures: Readonly<
    Record<string, { inDegree: number; outDegree: number; pagerank: number; betweenness: number; clustering: number }>
  >;
}
