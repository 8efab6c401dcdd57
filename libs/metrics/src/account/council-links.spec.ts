import fc from 'fast-check';
import { councilLinkShare, isCouncilLink, normaliseDomain } from './council-links';
import { postAt } from './testing/post-fact.fixture';

describe('links to the council web content', () => {
  const domains = ['kirklees.gov.uk'];

  it('accepts the domain and its subdomains', () => {
    expect(isCouncilLink('https://www.kirklees.gov.uk/beta/bins', domains)).toBe(true);
    expect(isCouncilLink('https://KIRKLEES.gov.uk./news', domains)).toBe(true);
    expect(isCouncilLink('http://planning.kirklees.gov.uk/app?id=1', domains)).toBe(true);
    expect(isCouncilLink('kirklees.gov.uk/council-tax', domains)).toBe(true);
  });

  it('rejects lookalikes, other councils and non-web links', () => {
    expect(isCouncilLink('https://kirklees.gov.uk.evil.com/login', domains)).toBe(false);
    expect(isCouncilLink('https://notkirklees.gov.uk/', domains)).toBe(false);
    expect(isCouncilLink('https://evil.com/?u=kirklees.gov.uk', domains)).toBe(false);
    expect(isCouncilLink('https://calderdale.gov.uk/', domains)).toBe(false);
    expect(isCouncilLink('mailto:info@kirklees.gov.uk', domains)).toBe(false);
    expect(isCouncilLink('not a url at all', domains)).toBe(false);
  });

  it('normalises configured domains written as URLs', () => {
    expect(normaliseDomain('https://www.Kirklees.gov.uk/home')).toBe('kirklees.gov.uk');
    expect(isCouncilLink('https://kirklees.gov.uk/', ['https://www.kirklees.gov.uk/'])).toBe(true);
  });

  it('shares posts of the last 30 days with at least one council link', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    const posts = [
      postAt('2026-11-20T00:00:00Z', { links: ['https://example.org', 'https://www.kirklees.gov.uk/bins'] }),
      postAt('2026-11-19T00:00:00Z', { links: ['https://kirklees.gov.uk.evil.com'] }),
      postAt('2026-11-18T00:00:00Z'),
      postAt('2026-11-17T00:00:00Z', { links: ['https://democracy.kirklees.gov.uk/meeting'] }),
      postAt('2026-08-01T00:00:00Z', { links: ['https://kirklees.gov.uk'] }), // outside the window
    ];
    // 2 of the 4 recent posts link to the council → 0.5
    expect(councilLinkShare(posts, domains, now)).toBe(0.5);
    expect(councilLinkShare([], domains, now)).toBeNull();
  });

  it('accepts any subdomain and rejects the domain used as a prefix of another host', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
    fc.assert(
      fc.property(label, label, (sub, tail) => {
        expect(isCouncilLink(`https://${sub}.kirklees.gov.uk/page`, domains)).toBe(true);
        expect(isCouncilLink(`https://kirklees.gov.uk.${tail}.com/page`, domains)).toBe(false);
        expect(isCouncilLink(`https://${sub}kirklees.gov.uk/`, domains)).toBe(false);
      }),
    );
  });
});
