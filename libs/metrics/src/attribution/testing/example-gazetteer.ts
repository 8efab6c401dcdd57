import { compileGazetteer } from '../compiled-gazetteer';
import type { CompiledGazetteer } from '../compiled-gazetteer';
import { parseGazetteerCsv } from '../../geography/gazetteer-csv';

/**
 * A small Kirklees-shaped gazetteer for tests. Ward names are real, codes and the exact sectors are
 * invented (E059000xx), chosen so that every attribution rule has a case:
 * - HD9 is a district row shared by the two Holme Valley wards, with sectors listed under each,
 *   and one full postcode (HD9 7AB) listed under the other ward than its sector;
 * - HD8 is a district row shared by Denby Dale and Kirkburton, with no sectors;
 * - HD1 is a district row of Greenhead alone;
 * - WF13 is known only through its sectors WF13 2 and WF13 4 (the "district known" rule);
 * - HD3 is known only through one postcode;
 * - Salendine Nook stands under Lindley and Golcar, Huddersfield under Lindley, Greenhead and
 *   Crosland Moor, so together they share exactly Lindley.
 */
export const EXAMPLE_GAZETTEER_CSV = [
  'ward_code,ward_name,kind,value',
  'E05900011,Holme Valley North,postcode_district,HD9',
  'E05900012,Holme Valley South,postcode_district,HD9',
  'E05900011,Holme Valley North,postcode_sector,HD9 7',
  'E05900011,Holme Valley North,postcode_sector,HD9 6',
  'E05900012,Holme Valley South,postcode_sector,HD9 1',
  'E05900012,Holme Valley South,postcode_sector,HD9 2',
  'E05900012,Holme Valley South,postcode,HD9 7AB',
  'E05900011,Holme Valley North,place,Honley',
  'E05900011,Holme Valley North,place,Brockholes',
  'E05900012,Holme Valley South,place,Holmfirth',
  'E05900012,Holme Valley South,place,Holme',
  'E05900012,Holme Valley South,place,Holme Valley',
  'E05900011,Holme Valley North,place,Holme Valley',
  'E05900013,Crosland Moor and Netherton,place,Lockwood',
  'E05900013,Crosland Moor and Netherton,place,Huddersfield',
  'E05900014,Lindley,place,Salendine Nook',
  'E05900014,Lindley,place,Huddersfield',
  'E05900014,Lindley,postcode,HD3 3AA',
  'E05900015,Golcar,place,Salendine Nook',
  'E05900015,Golcar,place,Golcar',
  'E05900018,Greenhead,place,Huddersfield',
  'E05900018,Greenhead,postcode_district,HD1',
  'E05900016,Denby Dale,postcode_district,HD8',
  'E05900016,Denby Dale,place,Denby Dale',
  'E05900016,Denby Dale,place,Skelmanthorpe',
  'E05900017,Kirkburton,postcode_district,HD8',
  'E05900017,Kirkburton,place,Shepley',
  'E05900019,Dewsbury West,postcode_sector,WF13 4',
  'E05900019,Dewsbury West,place,Thornhill Lees',
  'E05900020,Dewsbury East,postcode_sector,WF13 2',
  'E05900020,Dewsbury East,place,Dewsbury',
  'E05900019,Dewsbury West,place,Dewsbury',
  'E05900021,Almondbury,place,Château Lane',
  "E05900021,Almondbury,place,St Mary's",
].join('\n');

export const HV_NORTH = 'E05900011';
export const HV_SOUTH = 'E05900012';
export const CROSLAND_MOOR = 'E05900013';
export const LINDLEY = 'E05900014';
export const GOLCAR = 'E05900015';
export const DENBY_DALE = 'E05900016';
export const KIRKBURTON = 'E05900017';
export const GREENHEAD = 'E05900018';
export const DEWSBURY_WEST = 'E05900019';
export const DEWSBURY_EAST = 'E05900020';
export const ALMONDBURY = 'E05900021';

export function exampleGazetteer(): CompiledGazetteer {
  return compileGazetteer(parseGazetteerCsv(EXAMPLE_GAZETTEER_CSV));
}
