import type { CouncillorFigureKey, FigureOutcomeView, GroupOutcomeView } from '@wardreach/contracts';
import { FIGURE_KIND, FIGURE_UNIT, formatFigureChange, formatFigureValue } from './figure-format';
import { formatCount } from './format';

/** One group's outcome on one figure, raw (for the CSV) and as the table shows it. */
export interface GroupOutcomeCells {
  councillors: number;
  baseline: number | null;
  now: number | null;
  change: number | null;
  display: { councillors: string; baseline: string; now: string; change: string };
}

/** One row of the pilot table and of its CSV: a figure, both groups, and their difference. */
export interface PilotOutcomeRow {
  figure: CouncillorFigureKey;
  label: string;
  unit: string;
  cohort: GroupOutcomeCells;
  comparison: GroupOutcomeCells;
  /** (cohort now − baseline) − (comparison now − baseline); null if either change is. */
  differenceInDifferences: number | null;
  didDisplay: string;
}

function groupCells(figure: CouncillorFigureKey, group: GroupOutcomeView): GroupOutcomeCells {
  return {
    councillors: group.councillors,
    baseline: group.baseline,
    now: group.current,
    change: group.change,
    display: {
      councillors: formatCount(group.councillors),
      baseline: formatFigureValue(figure, group.baseline),
      now: formatFigureValue(figure, group.current),
      change: formatFigureChange(figure, group.change),
    },
  };
}

/** The pilot table's rows, in the API's figure order. */
export function pilotOutcomeRows(figures: readonly FigureOutcomeView[]): PilotOutcomeRow[] {
  return figures.map((f) => ({
    figure: f.figure,
    label: f.label,
    unit: FIGURE_UNIT[FIGURE_KIND[f.figure]],
    cohort: groupCells(f.figure, f.cohort),
    comparison: groupCells(f.figure, f.comparison),
    differenceInDifferences: f.differenceInDifferences,
    didDisplay: formatFigureChange(f.figure, f.differenceInDifferences),
  }));
}
