import fc from 'fast-check';
import { followerKey } from '../common/pseudonymise';
import { EdgeList } from './edge-list';
import { FollowerKeySet } from './follower-key-set';

const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
const ACCOUNT = '0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3';

/** Reads PostgreSQL's binary COPY format back, as the server would: header, tuples, trailer. */
function readBinaryCopy(buffer: Buffer): Array<[string, string, string, number, string]> {
  expect(buffer.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
  expect(buffer.readInt32BE(11)).toBe(0);
  expect(buffer.readInt32BE(15)).toBe(0);
  const micros = (at: number) =>
    new Date(Date.UTC(2000, 0, 1) + Number(buffer.readBigInt64BE(at) / 1000n)).toISOString();
  const rows: Array<[string, string, string, number, string]> = [];
  let at = 19;
  for (;;) {
    const fields = buffer.readInt16BE(at);
    at += 2;
    if (fields === -1) break;
    expect(fields).toBe(5);
    const lengths: number[] = [];
    const starts: number[] = [];
    for (let field = 0; field < fields; field += 1) {
      lengths.push(buffer.readInt32BE(at));
      starts.push(at + 4);
      at += 4 + lengths[field];
    }
    expect(lengths).toEqual([16, 8, 8, 4, 8]);
    const hex = buffer.subarray(starts[0], starts[0] + 16).toString('hex');
    rows.push([
      `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
      buffer.readBigInt64BE(starts[1]).toString(),
      micros(starts[2]),
      buffer.readInt32BE(starts[3]),
      micros(starts[4]),
    ]);
  }
  expect(at).toBe(buffer.length);
  return rows;
}

describe('EdgeList', () => {
  it('writes every edge, in order, as binary COPY tuples of follow_edge', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(int32, int32, int32), { maxLength: 200 }), (edges) => {
        const list = new EdgeList();
        for (const [high, low, attribution] of edges) list.push(high, low, attribution);
        const firstSeen = new Date('2026-03-01T08:30:00.123Z');
        const attributedAt = new Date('1999-12-31T23:59:59.000Z');
        expect(readBinaryCopy(list.binaryCopy(ACCOUNT, firstSeen, attributedAt))).toEqual(
          edges.map(([high, low, attribution]) => [
            ACCOUNT,
            followerKey(high, low),
            firstSeen.toISOString(),
            attribution,
            attributedAt.toISOString(),
          ]),
        );
        expect(list.columns()).toEqual({
          keys: edges.map(([high, low]) => followerKey(high, low)),
          attributionIds: edges.map(([, , attribution]) => attribution),
        });
      }),
    );
  });

  it('leaves out the followers it is told to drop, and is itself when none of them is listed', () => {
    const list = new EdgeList();
    list.push(1, 1, 7);
    list.push(2, 2, 8);
    list.push(3, 3, 9);
    const drop = new FollowerKeySet();
    expect(list.without(drop)).toBe(list);
    drop.set(4, 4, 0);
    expect(list.without(drop)).toBe(list);
    drop.set(2, 2, 0);
    const kept = list.without(drop);
    expect(kept.length).toBe(2);
    expect(kept.columns()).toEqual({ keys: [followerKey(1, 1), followerKey(3, 3)], attributionIds: [7, 9] });
  });
});
