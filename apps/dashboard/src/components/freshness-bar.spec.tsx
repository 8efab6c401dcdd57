import { act, render, screen } from '@testing-library/react';
import { LiveStatusContext } from '../live/live-status-context';
import { FreshnessBar } from './freshness-bar';

describe('FreshnessBar', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date('2026-11-20T12:00:00Z'));
  });
  afterEach(() => jest.useRealTimers());

  it('says how long ago the figures were updated and keeps ticking every 30 seconds', () => {
    render(<FreshnessBar updatedAt="2026-11-20T11:57:00Z" />);
    expect(screen.getByText('Updated 3 minutes ago').getAttribute('dateTime')).toBe('2026-11-20T11:57:00Z');

    act(() => jest.advanceTimersByTime(30_000));
    expect(screen.getByText('Updated 3 minutes ago')).toBeTruthy();
    act(() => jest.advanceTimersByTime(30_000));
    expect(screen.getByText('Updated 4 minutes ago')).toBeTruthy();
  });

  it('announces the live status politely', () => {
    const { rerender } = render(
      <LiveStatusContext value="live">
        <FreshnessBar updatedAt={null} />
      </LiveStatusContext>,
    );
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toContain('Live');
    expect(region.textContent).toContain('Not collected yet');

    rerender(
      <LiveStatusContext value="reconnecting">
        <FreshnessBar updatedAt={null} />
      </LiveStatusContext>,
    );
    expect(screen.getByRole('status').textContent).toContain('Reconnecting…');
  });
});
