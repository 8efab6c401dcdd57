import './testing/jsdom-text-encoding';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { queryKeys } from './api/query-keys';
import { App } from './app';
import { supportList, wardList } from './testing/council-figures-fixtures';
import { councillorList, footprint, overview } from './testing/fixtures';
import { testQueryClient } from './testing/render-page';

jest.mock('react-chartjs-2', () => ({ Chart: () => <canvas /> }));

/** The smallest EventSource the layout's live connection needs (jsdom has none). */
class OpenableEventSource {
  static readonly CLOSED = 2;
  static last: OpenableEventSource | null = null;
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    OpenableEventSource.last = this;
  }
  addEventListener() {}
  close() {}
}

function renderApp(url: string) {
  Object.assign(globalThis, { EventSource: OpenableEventSource });
  const client = testQueryClient();
  client.setQueryData(queryKeys.overview, overview());
  client.setQueryData(queryKeys.councillors, councillorList());
  client.setQueryData(queryKeys.footprint('c1'), footprint());
  client.setQueryData(queryKeys.support, supportList());
  client.setQueryData(queryKeys.wards, wardList());
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <App />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('App', () => {
  it('has a skip link and the header, navigation and main landmarks', () => {
    renderApp('/');
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe('#main');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('main').id).toBe('main');
  });

  it('shows the live status once the event stream opens', () => {
    renderApp('/');
    expect(screen.getByText('Connecting…').closest('[aria-live="polite"]')).toBeTruthy();
    act(() => OpenableEventSource.last?.onopen?.());
    expect(OpenableEventSource.last?.url).toBe('/api/events');
    expect(screen.getByText('Live').closest('[aria-live="polite"]')?.textContent).toContain('Updated');
    expect(screen.queryByText('Connecting…')).toBeNull();
  });

  it('leads back from a councillor opened on the support page to it, with its filters', () => {
    renderApp('/support?party=Labour');
    fireEvent.click(screen.getByRole('link', { name: 'Amira Shah' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Amira Shah');
    const back = screen.getByRole('link', { name: '← Member support' });
    expect(back.getAttribute('href')).toBe('/support?party=Labour');
    fireEvent.click(back);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Member support');
  });

  it('moves focus to the main content when a councillor is opened', () => {
    renderApp('/');
    fireEvent.click(screen.getByRole('link', { name: 'Amira Shah' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Amira Shah');
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('links every page from the navigation and marks the current one with aria-current', () => {
    renderApp('/support');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Council overview', '/'],
      ['Member support', '/support'],
      ['Wards', '/wards'],
      ['Pilot outcomes', '/pilot'],
      ['Collection', '/admin/collection'],
    ]);
    expect(within(nav).getByRole('link', { name: 'Member support' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(within(nav).getByRole('link', { name: 'Council overview' }).hasAttribute('aria-current')).toBe(
      false,
    );

    fireEvent.click(within(nav).getByRole('link', { name: 'Wards' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Wards');
    expect(within(nav).getByRole('link', { name: 'Wards' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Member support' }).hasAttribute('aria-current')).toBe(
      false,
    );
  });

  it('answers an unknown address with a page-not-found message', () => {
    renderApp('/no/such/page');
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeTruthy();
  });
});
