import type { PostFact } from './account-facts';
import { isWithinLastDays } from './time-window';

/** `https://www.Kirklees.gov.uk/path` → `kirklees.gov.uk`: a configured domain as a bare host. */
export function normaliseDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#:].*$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

function hostOf(link: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(link) ? link : `https://${link}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
}

/**
 * Whether a link points at the council's own web content: its host equals one of the council's
 * domains or is a subdomain of one (`planning.kirklees.gov.uk`). Matching is on whole labels from
 * the right, so `kirklees.gov.uk.evil.com` and `notkirklees.gov.uk` do not match.
 */
export function isCouncilLink(link: string, councilDomains: readonly string[]): boolean {
  const host = hostOf(link);
  if (host === null) return false;
  return councilDomains
    .map(normaliseDomain)
    .some((domain) => domain.length > 0 && (host === domain || host.endsWith(`.${domain}`)));
}

/**
 * Share of posts linking to the council's own web content = posts in the last `days` days
 * (default 30) with at least one link for which `isCouncilLink` holds ÷ all posts in that window.
 * Null when there are no posts in the window.
 */
export function councilLinkShare(
  posts: readonly PostFact[],
  councilDomains: readonly string[],
  now: Date,
  days = 30,
): number | null {
  const recent = posts.filter((post) => isWithinLastDays(post.createdAt, now, days));
  if (recent.length === 0) return null;
  const linking = recent.filter((post) => post.links.some((link) => isCouncilLink(link, councilDomains)));
  return linking.length / recent.length;
}
