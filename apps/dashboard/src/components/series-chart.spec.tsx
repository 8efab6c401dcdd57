import { render, screen, within } from '@testing-library/react';
import { followerTrendSeries } from '../series/follower-trend';
import { snapshot } from '../testing/fixtures';
import { SeriesChart } from './series-chart';

/** What the page handed to chart.js, captured by the stand-in below. */
const chartProps: Record<string, unknown>[] = [];

// jsdom has no canvas: chart.js is the edge, so record its props and draw a bare canvas.
jest.mock('react-chartjs-2', () => ({
  Chart: (props: Record<string, unknown>) => {
    chartProps.push(props);
    return <canvas role={props.role as string} aria-label={props['aria-label'] as string} />;
  },
}));

function stubReducedMotion(reduce: boolean) {
  window.matchMedia = jest.fn().mockImplementation((query: string) => ({
    matches: reduce && query === '(prefers-reduced-motion: reduce)',
    addEventListener: jest.fn(),
    removeEventListener: jest.fn(),
  }));
}

const series = followerTrendSeries([snapshot('2026-11-19', 10, 0, 0), snapshot('2026-11-20', 12, 1, 3)]);

function renderChart() {
  return render(
    <SeriesChart
      title="Followers over time"
      summary="From 10 to 12."
      series={series}
      leftAxisTitle="Followers"
    />,
  );
}

describe('SeriesChart', () => {
  beforeEach(() => {
    chartProps.length = 0;
  });

  it('labels the picture and puts the same numbers in a captioned table', () => {
    stubReducedMotion(false);
    renderChart();
    expect(screen.getByRole('img', { name: 'From 10 to 12.' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Followers over time' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['DateFollowers', '19 Nov 202610', '20 Nov 202612']);
    expect(chartProps.at(-1)?.options).toMatchObject({ animation: { duration: 400 } });
  });

  it('draws without animation when the person prefers reduced motion', () => {
    stubReducedMotion(true);
    renderChart();
    expect(chartProps.at(-1)?.options).toMatchObject({ animation: false });
  });

  it('says there is no history instead of drawing an empty chart', () => {
    stubReducedMotion(false);
    render(
      <SeriesChart
        title="Followers over time"
        summary="none"
        series={followerTrendSeries([])}
        leftAxisTitle="Followers"
      />,
    );
    expect(screen.getByText('No history has been collected yet.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    expect(chartProps).toHaveLength(0);
  });
});
