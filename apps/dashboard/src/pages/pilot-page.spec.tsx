import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { queryKeys } from '../api/query-keys';
import { cohortList, cohortOutcomes, PILOT } from '../testing/council-figures-fixtures';
import { renderPage, testQueryClient } from '../testing/render-page';
import { PilotPage } from './pilot-page';

// jsdom has no canvas: chart.js is the edge, so the chart itself is a stand-in canvas.
jest.mock('react-chartjs-2', () => ({
  Chart: ({
    type: _type,
    data: _data,
    options: _options,
    ...canvas
  }: ComponentProps<'canvas'> & Record<string, unknown>) => <canvas {...canvas} />,
}));

const location = () => screen.getByTestId('location').textContent;

function renderPilot(url = '/pilot') {
  const client = testQueryClient();
  client.setQueryData(queryKeys.cohorts, cohortList());
  client.setQueryData(queryKeys.cohortOutcomes(PILOT.id, 'median'), cohortOutcomes('median'));
  client.setQueryData(queryKeys.cohortOutcomes(PILOT.id, 'mean'), cohortOutcomes('mean'));
  return renderPage(<PilotPage />, { url, pattern: '/pilot', client });
}

describe('PilotPage', () => {
  it('shows the first cohort’s outcomes per figure for both groups and the difference in differences', () => {
    renderPilot();
    expect(screen.getByLabelText<HTMLSelectElement>('Cohort').value).toBe(PILOT.id);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Spring pilot');

    const table = screen.getByRole('table', { name: /^Outcomes per figure \(median/ });
    const reply = within(table).getByRole('rowheader', { name: 'Reply share' }).closest('tr')!;
    expect(
      within(reply)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2', '10.0%', '25.0%', '+15.0 pp', '1', '20.0%', '20.0%', '0.0 pp', '+15.0 pp']);
    const cohortBaseline = within(reply).getAllByRole('cell')[1];
    const headerText = (cohortBaseline.getAttribute('headers') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(headerText).toEqual(['Reply share', 'Cohort', 'Baseline']);
  });

  it('says when its figures were computed, and that a pilot starting today has had no time to change', () => {
    const { unmount } = renderPilot();
    expect(
      screen
        .getAllByRole('status')
        .some((status) => /Connecting…\s*·\s*Updated/.test(status.textContent ?? '')),
    ).toBe(true);
    expect(screen.queryByText(/has had no time to change yet/)).toBeNull();
    unmount();

    const client = testQueryClient();
    const starting = { ...PILOT, startsOn: '2026-11-20' };
    client.setQueryData(queryKeys.cohorts, { items: [starting], total: 1 });
    client.setQueryData(queryKeys.cohortOutcomes(PILOT.id, 'median'), {
      ...cohortOutcomes('median'),
      cohort: starting,
    });
    renderPage(<PilotPage />, { url: '/pilot', pattern: '/pilot', client });
    expect(screen.getByText(/the cohort has had no time to change yet/)).toBeTruthy();
  });

  it('offers the same rows as a CSV built in the browser', () => {
    renderPilot();
    const link = screen.getByRole('link', { name: 'Download CSV of the outcomes table' });
    expect(link.getAttribute('download')).toBe('pilot-outcomes-spring-pilot-median.csv');
    const csv = decodeURIComponent(link.getAttribute('href')!.replace('data:text/csv;charset=utf-8,', ''));
    expect(csv).toContain('\r\nreplyShare,Reply share,share 0-1,2,0.1,0.25,0.15,1,0.2,0.2,0,0.15\r\n');
  });

  it('charts the chosen figure week by week with a table, and keeps the choices in the URL', () => {
    renderPilot();
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toContain('Footprint index, weekly median');
    const weekly = screen.getByRole('table', {
      name: 'Footprint index: cohort and comparison group, weekly',
    });
    expect(
      within(weekly)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Week', 'Cohort, median', 'Comparison group, median']);

    fireEvent.change(screen.getByLabelText('Figure charted'), { target: { value: 'replyShare' } });
    expect(location()).toBe('/pilot?figure=replyShare');
    expect(screen.getByText('No history has been collected yet.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Compare groups by'), { target: { value: 'mean' } });
    expect(location()).toBe('/pilot?figure=replyShare&aggregate=mean');
    expect(screen.getByRole('table', { name: /^Outcomes per figure \(mean/ })).toBeTruthy();
  });

  it('loads another cohort chosen in the select', async () => {
    const other = cohortList().items[1];
    const fetchMock = jest.fn().mockResolvedValue({
      ok: true,
      status: 200,
      json: () => Promise.resolve({ ...cohortOutcomes(), cohort: other }),
    });
    global.fetch = fetchMock;
    renderPilot();
    fireEvent.change(screen.getByLabelText('Cohort'), { target: { value: other.id } });
    expect(location()).toBe(`/pilot?cohort=${other.id}`);
    await waitFor(() =>
      expect(fetchMock).toHaveBeenCalledWith(
        `/api/cohorts/${other.id}/outcomes?aggregate=median`,
        expect.anything(),
      ),
    );
    expect(await screen.findByText('1: Carys Price')).toBeTruthy();
  });
});
