/** What the one chart wrapper draws and tabulates: every chart gets its table from the same data. */
export interface ChartSeries {
  /** Short axis labels ("3 Nov"). */
  labels: string[];
  /** Full labels for the table's row headers ("3 Nov 2026"). */
  tableLabels: string[];
  datasets: SeriesDataset[];
}

export interface SeriesDataset {
  label: string;
  /** Bars for daily counts, lines for running figures. */
  kind: 'line' | 'bar';
  /** Left axis, or right axis when a second unit shares the chart. */
  axis: 'left' | 'right';
  values: (number | null)[];
  /** The values as the table shows them ("1,234", "—"). */
  display: string[];
}
