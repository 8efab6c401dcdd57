/**
 * Chart colours, each at least 4.5:1 on white (the chart background): blue #1d70b8 (5.2:1),
 * dark blue #003078 (12.4:1), burnt orange #b1440e (5.7:1). Series differ by more than colour
 * too: bars against lines, solid against dashed, round against square points, and a legend.
 */
export const SERIES_STYLES = [
  { colour: '#1d70b8', dash: [] as number[], point: 'circle' as const },
  { colour: '#b1440e', dash: [6, 4], point: 'rectRot' as const },
  { colour: '#003078', dash: [2, 3], point: 'triangle' as const },
];

export const BAR_COLOUR = '#003078';
export const GRID_COLOUR = '#b1b4b6';
export const TEXT_COLOUR = '#0b0c0c';
