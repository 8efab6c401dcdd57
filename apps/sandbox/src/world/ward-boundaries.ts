import { KIRKLEES_LAD_CODE, KIRKLEES_LAD_NAME } from './kirklees-wards';
import type { WardDefinition } from './kirklees-wards';
import { mixSeed, Prng } from './prng';

/** Centre of the grid: Huddersfield town centre, in the Greenhead cell. */
const ORIGIN_LON = -1.78;
const ORIGIN_LAT = 53.645;
const CELL_LON = 0.075;
const CELL_LAT = 0.045;
const ORIGIN_CELL: readonly [number, number] = [2, 3];

export interface WardFeature {
  type: 'Feature';
  properties: { WD24CD: string; WD24NM: string; LAD24CD: string; LAD24NM: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] };
}

export interface WardFeatureCollection {
  type: 'FeatureCollection';
  features: WardFeature[];
}

/**
 * Synthetic ward boundaries: each ward is a cell of a grid laid roughly where the ward is, with
 * corners and edge midpoints jittered by the seed. Neighbouring cells share the same jittered
 * points, and jitter stays under a quarter cell, so polygons never overlap and leave no gaps.
 */
export function wardBoundaries(wards: readonly WardDefinition[], seed: number): WardFeatureCollection {
  const point = (x2: number, y2: number): [number, number] => {
    // x2, y2 are in half-cell units so corners and midpoints share one lattice.
    const prng = new Prng(mixSeed(seed, x2 * 7919 + y2 * 104729));
    const jx = (prng.next() - 0.5) * 0.4;
    const jy = (prng.next() - 0.5) * 0.4;
    const lon = ORIGIN_LON + (x2 / 2 - 0.5 - ORIGIN_CELL[0] + jx) * CELL_LON;
    const lat = ORIGIN_LAT - (y2 / 2 - 0.5 - ORIGIN_CELL[1] + jy) * CELL_LAT;
    return [round(lon), round(lat)];
  };
  const features = wards.map((ward): WardFeature => {
    const [c, r] = ward.grid;
    const x = 2 * c;
    const y = 2 * r;
    // Counter-clockwise exterior ring (RFC 7946): west edge going south, south, east going north, north.
    const lattice: Array<[number, number]> = [
      [x, y],
      [x, y + 1],
      [x, y + 2],
      [x + 1, y + 2],
      [x + 2, y + 2],
      [x + 2, y + 1],
      [x + 2, y],
      [x + 1, y],
    ];
    const ring = lattice.map(([px, py]) => point(px, py));
    ring.push(ring[0]);
    return {
      type: 'Feature',
      properties: {
        WD24CD: ward.code,
        WD24NM: ward.name,
        LAD24CD: KIRKLEES_LAD_CODE,
        LAD24NM: KIRKLEES_LAD_NAME,
      },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  });
  return { type: 'FeatureCollection', features };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
