/**
 * An edge list with its node ids interned once: node `i` is `ids[i]`, numbered in order of first
 * appearance (as NetworkX numbers nodes by insertion), and edge `e` runs from `sources[e]` to
 * `targets[e]`. Typed arrays rather than one object per edge keep a million-edge follower graph
 * at 8 MB instead of ~100 MB of small objects.
 */
export interface EdgeList {
  readonly ids: readonly string[];
  readonly sources: Int32Array;
  readonly targets: Int32Array;
}

/** Collects edges one at a time, interning ids, without an object per edge. */
export class EdgeListBuilder {
  private readonly indexOfId = new Map<string, number>();
  private readonly ids: string[] = [];
  private sources = new Int32Array(1024);
  private targets = new Int32Array(1024);
  private count = 0;

  add(source: string, target: string): void {
    if (this.count === this.sources.length) {
      this.sources = grow(this.sources);
      this.targets = grow(this.targets);
    }
    this.sources[this.count] = this.intern(source);
    this.targets[this.count] = this.intern(target);
    this.count += 1;
  }

  build(): EdgeList {
    return {
      ids: this.ids,
      sources: this.sources.slice(0, this.count),
      targets: this.targets.slice(0, this.count),
    };
  }

  private intern(id: string): number {
    let index = this.indexOfId.get(id);
    if (index === undefined) {
      index = this.ids.length;
      this.ids.push(id);
      this.indexOfId.set(id, index);
    }
    return index;
  }
}

/** Builds an {@link EdgeList} from `[source, target]` pairs (for callers that already hold them). */
export function edgeListFromPairs(pairs: Iterable<readonly [string, string]>): EdgeList {
  const builder = new EdgeListBuilder();
  for (const [source, target] of pairs) builder.add(source, target);
  return builder.build();
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
