import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { LIVE_BATCH_MS, useLiveEvents } from './use-live-events';

/** A stand-in EventSource that the test drives by hand (jsdom has none). */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, ((message: { data: string }) => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (message: { data: string }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  fail(readyState: number) {
    this.readyState = readyState;
    this.onerror?.();
  }
  emit(type: string, data: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener({ data: JSON.stringify(data) });
  }
}

function Probe() {
  return <p>{useLiveEvents()}</p>;
}

function setup() {
  const client = new QueryClient();
  const invalidate = jest.spyOn(client, 'invalidateQueries').mockResolvedValue();
  const view = render(
    <QueryClientProvider client={client}>
      <Probe />
    </QueryClientProvider>,
  );
  return { invalidate, view, source: () => FakeEventSource.instances.at(-1)! };
}

describe('useLiveEvents', () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    Object.assign(globalThis, { EventSource: FakeEventSource });
    jest.useFakeTimers();
  });
  afterEach(() => jest.useRealTimers());

  it('subscribes to /api/events and invalidates what each event affects', () => {
    const { invalidate, source } = setup();
    expect(source().url).toBe('/api/events');
    expect(screen.getByText('connecting')).toBeTruthy();

    act(() => source().open());
    expect(screen.getByText('live')).toBeTruthy();

    act(() =>
      source().emit('collection.finished', {
        type: 'collection.finished',
        accountId: 'a1',
        councillorId: 'c7',
        status: 'succeeded',
        at: 't',
      }),
    );
    expect(invalidate).not.toHaveBeenCalled();
    act(() => jest.advanceTimersByTime(LIVE_BATCH_MS));
    expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([
      ['footprint', 'c7'],
      ['councillors'],
      ['overview'],
      ['collection-status'],
    ]);

    invalidate.mockClear();
    act(() =>
      source().emit('figures.updated', { type: 'figures.updated', councillorIds: ['c1', 'c2'], at: 't' }),
    );
    act(() => jest.advanceTimersByTime(LIVE_BATCH_MS));
    expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([
      ['footprint', 'c1'],
      ['councillor-index', 'c1'],
      ['footprint', 'c2'],
      ['councillor-index', 'c2'],
      ['councillors'],
      ['overview'],
      ['support'],
      ['wards'],
      ['cohorts'],
    ]);

    invalidate.mockClear();
    act(() => source().emit('figures.updated', 'garbage'));
    act(() => jest.advanceTimersByTime(LIVE_BATCH_MS));
    expect(invalidate).not.toHaveBeenCalled();
  });

  it('refetches what a burst of events makes stale once, not once per event', () => {
    const { invalidate, source } = setup();
    act(() => source().open());
    const finished = (accountId: string, councillorId: string) =>
      act(() =>
        source().emit('collection.finished', {
          type: 'collection.finished',
          accountId,
          councillorId,
          status: 'succeeded',
          at: 't',
        }),
      );
    for (let i = 0; i < 50; i += 1) finished(`a${i}`, i % 2 === 0 ? 'c1' : 'c2');
    act(() => jest.advanceTimersByTime(LIVE_BATCH_MS));
    expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([
      ['footprint', 'c1'],
      ['councillors'],
      ['overview'],
      ['collection-status'],
      ['footprint', 'c2'],
    ]);
  });

  it('shows Reconnecting…, opens a new stream when the server closed it, and refetches everything after', () => {
    const { invalidate, source } = setup();
    const first = source();
    act(() => first.open());

    act(() => first.fail(FakeEventSource.CLOSED));
    expect(screen.getByText('reconnecting')).toBeTruthy();
    expect(first.closed).toBe(true);
    expect(FakeEventSource.instances).toHaveLength(1);

    act(() => jest.advanceTimersByTime(1_000));
    expect(FakeEventSource.instances).toHaveLength(2);
    act(() => source().open());
    expect(screen.getByText('live')).toBeTruthy();
    expect(invalidate).toHaveBeenCalledWith();
  });

  it('leaves a dropped stream to reconnect by itself, and closes it on unmount', () => {
    const { view, source } = setup();
    act(() => source().fail(FakeEventSource.CONNECTING));
    expect(screen.getByText('reconnecting')).toBeTruthy();
    act(() => jest.advanceTimersByTime(60_000));
    expect(FakeEventSource.instances).toHaveLength(1);

    view.unmount();
    expect(source().closed).toBe(true);
  });
});
