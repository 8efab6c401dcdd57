import type { CohortAggregate, CouncillorFigureKey } from '@wardreach/contracts';
import { COUNCILLOR_FIGURE_KEYS } from '@wardreach/contracts';

/** What the pilot page shows, kept in the query string so a view can be shared or bookmarked. */
export interface PilotView {
  /** Cohort id; null chooses the first cohort. */
  cohort: string | null;
  aggregate: CohortAggregate;
  /** The figure whose weekly series is charted. */
  figure: CouncillorFigureKey;
}

const DEFAULT_FIGURE: CouncillorFigureKey = 'footprintIndex';

/** Reads `?cohort=…&aggregate=mean&figure=replyShare`; unknown values fall back to the defaults. */
export function readPilotView(params: URLSearchParams): PilotView {
  const figure = params.get('figure');
  return {
    cohort: params.get('cohort') || null,
    aggregate: params.get('aggregate') === 'mean' ? 'mean' : 'median',
    figure:
      figure !== null && (COUNCILLOR_FIGURE_KEYS as readonly string[]).includes(figure)
        ? (figure as CouncillorFigureKey)
        : DEFAULT_FIGURE,
  };
}

/** Writes one choice into a copy of the query string; defaults are left out to keep URLs short. */
export function writePilotView<K extends keyof PilotView>(
  params: URLSearchParams,
  key: K,
  value: PilotView[K],
): URLSearchParams {
  const next = new URLSearchParams(params);
  const isDefault =
    value === null ||
    (key === 'aggregate' && value === 'median') ||
    (key === 'figure' && value === DEFAULT_FIGURE);
  if (isDefault) next.delete(key);
  else next.set(key, value);
  return next;
}
