/**
 * The 23 Kirklees wards in use 2004–2026 with their ONS E05 codes, and a gazetteer written for the
 * sandbox: place names and the postcode sectors that residents of each ward use. The names and
 * codes are real; the place and postcode assignment is plausible but synthetic, and deliberately
 * includes the hard cases ward attribution must handle: a town spanning several wards
 * (Huddersfield, Dewsbury, Batley), a name shared by two distant wards (Scholes), and postcode
 * districts and sectors shared by neighbouring wards.
 */
export interface WardDefinition {
  code: string;
  name: string;
  /** Place names a resident of this ward writes in their profile. */
  places: readonly string[];
  /** Postcode sectors ("HD9 7") covering the ward; residents' full postcodes fall inside them. */
  sectors: readonly string[];
  /** Position in the synthetic boundary grid: column west→east, row north→south. */
  grid: readonly [column: number, row: number];
}

/** ONS code of Kirklees metropolitan borough (LAD24CD). */
export const KIRKLEES_LAD_CODE = 'E08000034';
export const KIRKLEES_LAD_NAME = 'Kirklees';

/** Names that span several wards; they are in the gazetteer of each ward they span. */
export const MULTI_WARD_TOWNS: Readonly<Record<string, readonly string[]>> = {
  Huddersfield: ['E05001402', 'E05001407', 'E05001389', 'E05001396', 'E05001410', 'E05008560', 'E05008558'],
  Dewsbury: ['E05001398', 'E05001399', 'E05001400'],
  Batley: ['E05001390', 'E05001391'],
};

export const KIRKLEES_WARDS: readonly WardDefinition[] = [
  {
    code: 'E05001389',
    name: 'Ashbrow',
    places: ['Sheepridge', 'Deighton', 'Brackenhall', 'Fartown', 'Bradley'],
    sectors: ['HD2 1', 'HD2 2'],
    grid: [2, 2],
  },
  {
    code: 'E05001390',
    name: 'Batley East',
    places: ['Mount Pleasant', 'Soothill', 'Hanging Heaton'],
    sectors: ['WF17 5', 'WF17 7'],
    grid: [4, 0],
  },
  {
    code: 'E05001391',
    name: 'Batley West',
    places: ['Carlinghow', 'Staincliffe', 'Healey'],
    sectors: ['WF17 0', 'WF17 6'],
    grid: [3, 0],
  },
  {
    code: 'E05001392',
    name: 'Birstall and Birkenshaw',
    places: ['Birstall', 'Birkenshaw', 'Drighlington Moor'],
    sectors: ['WF17 9', 'BD11 2'],
    grid: [2, 0],
  },
  {
    code: 'E05001393',
    name: 'Cleckheaton',
    places: ['Cleckheaton', 'Scholes', 'Hunsworth', 'Moorbottom'],
    sectors: ['BD19 3', 'BD19 5', 'BD19 6'],
    grid: [1, 0],
  },
  {
    code: 'E05001396',
    name: 'Dalton',
    places: ['Dalton', 'Rawthorpe', 'Moldgreen', 'Kirkheaton'],
    sectors: ['HD5 9', 'HD5 0'],
    grid: [3, 3],
  },
  {
    code: 'E05001397',
    name: 'Denby Dale',
    places: ['Denby Dale', 'Skelmanthorpe', 'Clayton West', 'Scissett', 'Emley'],
    sectors: ['HD8 8', 'HD8 9'],
    grid: [3, 5],
  },
  {
    code: 'E05001398',
    name: 'Dewsbury East',
    places: ['Earlsheaton', 'Chickenley', 'Dewsbury Town Centre'],
    sectors: ['WF12 7', 'WF12 8'],
    grid: [4, 1],
  },
  {
    code: 'E05001399',
    name: 'Dewsbury South',
    places: ['Thornhill', 'Savile Town', 'Thornhill Lees'],
    sectors: ['WF12 9', 'WF12 0'],
    grid: [4, 2],
  },
  {
    code: 'E05001400',
    name: 'Dewsbury West',
    places: ['Ravensthorpe', 'Westborough', 'Dewsbury Moor', 'Crow Nest'],
    sectors: ['WF13 3', 'WF13 4', 'WF13 2'],
    grid: [3, 1],
  },
  {
    code: 'E05001401',
    name: 'Golcar',
    places: ['Golcar', 'Milnsbridge', 'Cowlersley', 'Longwood'],
    sectors: ['HD7 4', 'HD3 4'],
    grid: [1, 3],
  },
  {
    code: 'E05001402',
    name: 'Greenhead',
    places: ['Edgerton', 'Marsh', 'Paddock', 'Huddersfield Town Centre'],
    sectors: ['HD1 4', 'HD1 5', 'HD1 1'],
    grid: [2, 3],
  },
  {
    code: 'E05001403',
    name: 'Heckmondwike',
    places: ['Heckmondwike', 'Norristhorpe', 'Flush'],
    sectors: ['WF16 0', 'WF16 9'],
    grid: [2, 1],
  },
  {
    code: 'E05001405',
    name: 'Holme Valley South',
    places: ['Holmfirth', 'Hepworth', 'Holmbridge', 'New Mill', 'Scholes'],
    sectors: ['HD9 7', 'HD9 1', 'HD9 2', 'HD9 3'],
    grid: [2, 5],
  },
  {
    code: 'E05001407',
    name: 'Lindley',
    places: ['Lindley', 'Salendine Nook', 'Oakes', 'Birchencliffe'],
    sectors: ['HD3 3', 'HD3 4'],
    grid: [1, 2],
  },
  {
    code: 'E05001408',
    name: 'Liversedge and Gomersal',
    places: ['Liversedge', 'Gomersal', 'Roberttown', 'Hightown'],
    sectors: ['WF15 6', 'WF15 7', 'BD19 4'],
    grid: [1, 1],
  },
  {
    code: 'E05001409',
    name: 'Mirfield',
    places: ['Mirfield', 'Battyeford', 'Hopton', 'Upper Hopton'],
    sectors: ['WF14 0', 'WF14 8', 'WF14 9'],
    grid: [3, 2],
  },
  {
    code: 'E05001410',
    name: 'Newsome',
    places: ['Newsome', 'Lockwood', 'Primrose Hill', 'Berry Brow'],
    sectors: ['HD4 6', 'HD1 3'],
    grid: [2, 4],
  },
  {
    code: 'E05008558',
    name: 'Almondbury',
    places: ['Almondbury', 'Fenay Bridge', 'Lepton', 'Farnley Tyas'],
    sectors: ['HD5 8', 'HD4 6'],
    grid: [3, 4],
  },
  {
    code: 'E05008559',
    name: 'Colne Valley',
    places: ['Marsden', 'Slaithwaite', 'Linthwaite', 'Scapegoat Hill'],
    sectors: ['HD7 5', 'HD7 6'],
    grid: [0, 3],
  },
  {
    code: 'E05008560',
    name: 'Crosland Moor and Netherton',
    places: ['Crosland Moor', 'Netherton', 'South Crosland', 'Armitage Bridge'],
    sectors: ['HD4 5', 'HD4 7'],
    grid: [1, 4],
  },
  {
    code: 'E05008561',
    name: 'Holme Valley North',
    places: ['Honley', 'Brockholes', 'Netherthong', 'Meltham'],
    sectors: ['HD9 6', 'HD9 5', 'HD9 4'],
    grid: [1, 5],
  },
  {
    code: 'E05008562',
    name: 'Kirkburton',
    places: ['Kirkburton', 'Shelley', 'Highburton', 'Shepley', 'Flockton'],
    sectors: ['HD8 0', 'HD4 8'],
    grid: [4, 4],
  },
];

/** Places outside Kirklees that residents elsewhere write, and postcodes from elsewhere. */
export const ELSEWHERE_PLACES: readonly string[] = [
  'Leeds',
  'Manchester',
  'London',
  'Bradford',
  'Wakefield',
  'Halifax',
  'Sheffield',
  'York',
  'Barnsley',
  'Oldham',
  'Bristol',
  'Glasgow',
  'Hebden Bridge',
];

export const ELSEWHERE_POSTCODES: readonly string[] = [
  'M1 1AE',
  'LS1 4DY',
  'BD1 1HY',
  'SW1A 1AA',
  'S1 2HE',
  'WF1 2DE',
  'HX1 1UJ',
  'OL1 1HL',
];

/** Profile texts that look like places or postcodes but are not (attribution must not match them). */
export const DECOY_BIOS: readonly string[] = [
  'B2B sales and marketing',
  'M25 commuter, coffee first',
  'HD video editor',
  'Fan of the A1 and the M62',
  'WF rugby league nut',
  'DJ, 4 decks, no regrets',
  'Lindy hop dancer',
  'Marshmallow enthusiast',
];
