import { KIRKLEES_WARDS } from './kirklees-wards';
import { wardBoundaries } from './ward-boundaries';

function inside([x, y]: readonly [number, number], ring: number[][]): boolean {
  let result = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

describe('wardBoundaries', () => {
  const collection = wardBoundaries(KIRKLEES_WARDS, 5);
  const rings = collection.features.map((f) => f.geometry.coordinates[0]);

  it('has one closed polygon per ward with the ONS properties', () => {
    expect(collection.features.map((f) => f.properties.WD24CD).sort()).toEqual(
      KIRKLEES_WARDS.map((w) => w.code).sort(),
    );
    for (const feature of collection.features) {
      expect(feature.properties.LAD24CD).toBe('E08000034');
      const ring = feature.geometry.coordinates[0];
      expect(ring[0]).toEqual(ring[ring.length - 1]);
    }
  });

  it('lies around Huddersfield', () => {
    const points = rings.flat();
    const lons = points.map((p) => p[0]);
    const lats = points.map((p) => p[1]);
    expect(Math.min(...lons)).toBeGreaterThan(-2.1);
    expect(Math.max(...lons)).toBeLessThan(-1.5);
    expect(Math.min(...lats)).toBeGreaterThan(53.45);
    expect(Math.max(...lats)).toBeLessThan(53.85);
    expect(rings.some((ring) => inside([-1.78, 53.645], ring))).toBe(true);
  });

  it('never overlaps: every point of the area is in at most one ward', () => {
    let covered = 0;
    for (let i = 0; i <= 150; i++) {
      for (let j = 0; j <= 150; j++) {
        const point = [-2.05 + (0.5 * i) / 150, 53.5 + (0.33 * j) / 150] as const;
        const count = rings.filter((ring) => inside(point, ring)).length;
        expect(count).toBeLessThanOrEqual(1);
        covered += count;
      }
    }
    expect(covered).toBeGreaterThan(1000);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(wardBoundaries(KIRKLEES_WARDS, 5)).toEqual(collection);
    expect(wardBoundaries(KIRKLEES_WARDS, 6)).not.toEqual(collection);
  });
});
