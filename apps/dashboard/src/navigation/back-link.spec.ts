import { backLinkOf } from './back-link';

describe('backLinkOf', () => {
  it('reads a back link to a page of the dashboard from the location state', () => {
    expect(backLinkOf({ back: { to: '/support?party=Labour', label: 'Member support' } })).toEqual({
      to: '/support?party=Labour',
      label: 'Member support',
    });
  });

  it('ignores anything else, and any address outside the dashboard', () => {
    for (const state of [
      null,
      undefined,
      'back',
      { back: null },
      { back: { to: 'https://elsewhere.example/', label: 'Elsewhere' } },
      { back: { to: '//elsewhere.example/', label: 'Elsewhere' } },
      { back: { to: '/support', label: 3 } },
    ]) {
      expect(backLinkOf(state)).toBeNull();
    }
  });
});
