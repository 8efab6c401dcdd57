import { QueryClient } from '@tanstack/react-query';
import type { LiveEvent } from '@wardreach/contracts';
import { queryKeys } from '../api/query-keys';
import { queryKeysForEvent } from './live-query-keys';
import { parseLiveEvent } from './parse-live-event';

describe('live events', () => {
  it('a finished collection makes that footprint, the list, the overview and the collection status stale', () => {
    expect(
      queryKeysForEvent({
        type: 'collection.finished',
        accountId: 'a1',
        councillorId: 'c1',
        status: 'succeeded',
        at: '2026-11-20T09:00:00Z',
      }),
    ).toEqual([['footprint', 'c1'], ['councillors'], ['overview'], ['collection-status']]);
  });

  it('updated figures make every listed footprint and index, and every council-wide view stale', () => {
    expect(
      queryKeysForEvent({ type: 'figures.updated', councillorIds: ['c1', 'c2'], at: '2026-11-20T09:00:00Z' }),
    ).toEqual([
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
  });

  it('updated figures also make every ward detail and cohort outcome stale, through their key prefixes', async () => {
    const client = new QueryClient();
    const stale = [
      queryKeys.ward('E05001001'),
      queryKeys.cohortOutcomes('k1', 'mean'),
      queryKeys.councillorIndex('c1'),
    ];
    const untouched = queryKeys.councillorIndex('c9');
    for (const key of [...stale, untouched]) client.setQueryData(key, { some: 'data' });

    const event: LiveEvent = { type: 'figures.updated', councillorIds: ['c1'], at: 't' };
    await Promise.all(queryKeysForEvent(event).map((queryKey) => client.invalidateQueries({ queryKey })));

    expect(stale.map((key) => client.getQueryState(key)?.isInvalidated)).toEqual([true, true, true]);
    expect(client.getQueryState(untouched)?.isInvalidated).toBe(false);
    client.clear();
  });

  it('parses well-formed messages and drops malformed ones', () => {
    expect(
      parseLiveEvent('{"type":"figures.updated","councillorIds":["c1"],"at":"2026-11-20T09:00:00Z"}'),
    ).toEqual({
      type: 'figures.updated',
      councillorIds: ['c1'],
      at: '2026-11-20T09:00:00Z',
    });
    expect(
      parseLiveEvent(
        '{"type":"collection.finished","accountId":"a","councillorId":"c","status":"failed","at":"t","extra":1}',
      ),
    ).toEqual({ type: 'collection.finished', accountId: 'a', councillorId: 'c', status: 'failed', at: 't' });
    expect(parseLiveEvent('not json')).toBeNull();
    expect(parseLiveEvent('null')).toBeNull();
    expect(parseLiveEvent('{"type":"figures.updated","councillorIds":[1],"at":"t"}')).toBeNull();
    expect(
      parseLiveEvent(
        '{"type":"collection.finished","accountId":"a","councillorId":"c","status":"maybe","at":"t"}',
      ),
    ).toBeNull();
    expect(parseLiveEvent('{"type":"something.else","at":"t"}')).toBeNull();
  });
});
