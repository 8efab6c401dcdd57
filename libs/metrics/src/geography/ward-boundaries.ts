import type { ImportIssue } from './import-file-error';
import { byLine, ImportFileError } from './import-file-error';
import { COUNCIL_CODE_HINT, isCouncilCode, isWardCode, WARD_CODE_HINT } from './ons-codes';

/** A position is [longitude, latitude] in WGS84 (GeoJSON, RFC 7946). */
export type LonLat = [number, number];

export type WardGeometry =
  { type: 'Polygon'; coordinates: LonLat[][] } | { type: 'MultiPolygon'; coordinates: LonLat[][][] };

export interface WardBoundary {
  code: string;
  name: string;
  /** The council (local authority district) the file puts the ward in, when it says. */
  councilCode: string | null;
  councilName: string | null;
  geometry: WardGeometry;
}

/** The parsed file, with the properties it was read from (shown to the admin after an import). */
export interface WardBoundaryFile {
  codeProperty: string;
  nameProperty: string;
  councilCodeProperty: string | null;
  councilNameProperty: string | null;
  wards: WardBoundary[];
}

type Properties = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function issue(feature: number | null, field: string, message: string): ImportIssue {
  return { line: null, feature, field, message };
}

/**
 * Finds the year-suffixed code/name pair, e.g. `WD25CD`/`WD25NM` (`prefix` `wd`), in any case.
 * When a file carries several years the newest with both a code and a name wins.
 */
function detectPair(keys: Iterable<string>, prefix: string): { code: string; name: string } | null {
  const codes = new Map<number, string>();
  const names = new Map<number, string>();
  const pattern = new RegExp(`^${prefix}(\\d{2})(cd|nm)$`, 'i');
  for (const key of keys) {
    const match = pattern.exec(key);
    if (match === null) continue;
    (match[2].toLowerCase() === 'cd' ? codes : names).set(Number(match[1]), key);
  }
  const years = [...codes.keys()].filter((year) => names.has(year)).sort((a, b) => b - a);
  const year = years[0];
  return year === undefined ? null : { code: codes.get(year)!, name: names.get(year)! };
}

/** The newest year's code property alone (`LAD25CD` without `LAD25NM`), or null. */
function detectCode(keys: Iterable<string>, prefix: string): { code: string; name: null } | null {
  const pattern = new RegExp(`^${prefix}(\\d{2})cd$`, 'i');
  const found = [...keys]
    .map((key) => ({ key, match: pattern.exec(key) }))
    .filter((entry): entry is { key: string; match: RegExpExecArray } => entry.match !== null)
    .sort((a, b) => Number(b.match[1]) - Number(a.match[1]));
  return found.length === 0 ? null : { code: found[0].key, name: null };
}

/** Checks one linear ring; returns the problem or null. */
function ringProblem(ring: unknown): string | null {
  if (!Array.isArray(ring) || ring.length < 4) return 'every ring needs at least four positions';
  for (const position of ring) {
    if (!Array.isArray(position) || position.length < 2)
      return 'every position needs a longitude and a latitude';
    const [lon, lat] = position as unknown[];
    if (
      typeof lon !== 'number' ||
      typeof lat !== 'number' ||
      !Number.isFinite(lon) ||
      !Number.isFinite(lat)
    ) {
      return 'coordinates must be finite numbers';
    }
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      return 'coordinates are not longitude/latitude (British National Grid metres?); export the boundaries in WGS84 (EPSG:4326)';
    }
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) return 'every ring must end where it starts';
  return null;
}

function polygonProblem(polygon: unknown): string | null {
  if (!Array.isArray(polygon) || polygon.length === 0) return 'a polygon needs at least one ring';
  for (const ring of polygon) {
    const problem = ringProblem(ring);
    if (problem !== null) return problem;
  }
  return null;
}

/** The geometry as typed data, or the reason it cannot be drawn as a ward. */
function readGeometry(geometry: unknown): { geometry: WardGeometry } | { problem: string } {
  if (!isRecord(geometry)) return { problem: 'the feature has no geometry' };
  const { type, coordinates } = geometry;
  if (type === 'Polygon') {
    const problem = polygonProblem(coordinates);
    return problem === null ? { geometry: { type, coordinates: coordinates as LonLat[][] } } : { problem };
  }
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) {
      return { problem: 'a MultiPolygon needs at least one polygon' };
    }
    for (const polygon of coordinates) {
      const problem = polygonProblem(polygon);
      if (problem !== null) return { problem };
    }
    return { geometry: { type, coordinates: coordinates as LonLat[][][] } };
  }
  return { problem: `geometry type ${JSON.stringify(type)} is not Polygon or MultiPolygon` };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/**
 * Parses ONS ward boundaries: a GeoJSON FeatureCollection whose features carry a ward code and name
 * under year-suffixed properties of any year and case (`WD25CD`/`WD25NM`, `WD26CD`, `wd24cd`…),
 * optionally the council (`LAD25CD`/`LAD25NM`…), and a Polygon or MultiPolygon in WGS84.
 * Ward codes must be E05, W05, S13 or N08 plus six digits, council codes E06–E09, W06, S12 or N09.
 * Everything is checked first; any problem throws one ImportFileError naming each feature (1-based)
 * and property at fault, so an import applies completely or not at all.
 */
export function parseWardBoundaries(json: unknown): WardBoundaryFile {
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new ImportFileError([
      issue(null, 'type', 'expected a GeoJSON FeatureCollection with a features array'),
    ]);
  }
  const features: unknown[] = json.features;
  if (features.length === 0)
    throw new ImportFileError([issue(null, 'features', 'the collection has no features')]);

  const keys = new Set<string>();
  for (const feature of features) {
    if (isRecord(feature) && isRecord(feature.properties))
      for (const key of Object.keys(feature.properties)) keys.add(key);
  }
  const ward = detectPair(keys, 'wd');
  if (ward === null) {
    throw new ImportFileError([
      issue(1, 'properties', 'no ward code and name properties found (expected e.g. WD25CD and WD25NM)'),
    ]);
  }
  // A council code without its name column still decides which council a ward belongs to.
  const council = detectPair(keys, 'lad') ?? detectCode(keys, 'lad');

  const problems: ImportIssue[] = [];
  const wards: WardBoundary[] = [];
  const firstFeature = new Map<string, number>();
  features.forEach((feature, index) => {
    const number = index + 1;
    if (!isRecord(feature) || feature.type !== 'Feature') {
      problems.push(issue(number, 'type', 'expected a GeoJSON Feature'));
      return;
    }
    const properties: Properties = isRecord(feature.properties) ? feature.properties : {};
    const before = problems.length;
    const code = text(properties[ward.code]).toUpperCase();
    if (!isWardCode(code)) {
      problems.push(
        issue(number, `properties.${ward.code}`, `"${text(properties[ward.code])}" is not ${WARD_CODE_HINT}`),
      );
    } else if (firstFeature.has(code)) {
      problems.push(
        issue(number, `properties.${ward.code}`, `${code} is already feature ${firstFeature.get(code)}`),
      );
    } else firstFeature.set(code, number);
    const name = text(properties[ward.name]);
    if (name === '') problems.push(issue(number, `properties.${ward.name}`, 'the ward name is empty'));
    else if (name.includes('\u0000'))
      problems.push(issue(number, `properties.${ward.name}`, 'the ward name holds a NUL character'));

    let councilCode: string | null = null;
    let councilName: string | null = null;
    if (council !== null) {
      councilCode = text(properties[council.code]).toUpperCase() || null;
      councilName = council.name === null ? null : text(properties[council.name]) || null;
      if (councilCode !== null && !isCouncilCode(councilCode)) {
        problems.push(
          issue(number, `properties.${council.code}`, `"${councilCode}" is not ${COUNCIL_CODE_HINT}`),
        );
      }
    }
    const geometry = readGeometry(feature.geometry);
    if ('problem' in geometry) problems.push(issue(number, 'geometry', geometry.problem));
    else if (problems.length === before) {
      wards.push({ code, name, councilCode, councilName, geometry: geometry.geometry });
    }
  });

  if (problems.length > 0) throw new ImportFileError(byLine(problems));
  return {
    codeProperty: ward.code,
    nameProperty: ward.name,
    councilCodeProperty: council?.code ?? null,
    councilNameProperty: council?.name ?? null,
    wards,
  };
}
