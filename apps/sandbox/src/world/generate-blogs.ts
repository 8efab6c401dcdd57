import { POSTING_TOPICS } from './name-lists';
import type { Prng } from './prng';
import type { World } from './world';
import type { Blog, BlogItem, Councillor } from './world-model';

const DAY_MS = 86_400_000;

/** A blog entry by a councillor, published at `publishedMs`. */
export function writeBlogItem(
  world: World,
  prng: Prng,
  councillor: Councillor,
  blog: Blog,
  publishedMs: number,
): BlogItem {
  const ward = world.wardByCode(councillor.wardCode)!;
  const topic = prng.pick(POSTING_TOPICS);
  const place = prng.pick(ward.places);
  const number = blog.items.length + 1;
  const title = prng.pick([
    `My update on ${topic}`,
    `${place}: ${topic}`,
    `Ward report: ${topic}`,
    `What I'm doing about ${topic}`,
  ]);
  const path = `${new Date(publishedMs).toISOString().slice(0, 10)}-${number}`;
  return {
    guid: `urn:wardreach-sandbox:${blog.slug}:${number}`,
    title,
    link: `https://${blog.slug}.blog.example/${path}`,
    summary: `Residents in ${place} have asked me about ${topic}. Here is where things stand, and what happens next. See https://www.kirklees.gov.uk/beta/councillors-and-democracy/index.aspx for the meeting papers.`,
    publishedMs,
  };
}

/** Blogs for councillors who keep one: RSS 2.0 for most, Atom for the rest, a post every 1–3 weeks. */
export function generateBlogs(world: World, prng: Prng): void {
  for (const councillor of world.councillors) {
    if (councillor.blogSlug === null) continue;
    const blog: Blog = {
      slug: councillor.blogSlug,
      councillorId: councillor.id,
      format: prng.chance(0.6) ? 'rss' : 'atom',
      title: `${councillor.name}: ${world.wardByCode(councillor.wardCode)!.name} ward blog`,
      items: [],
    };
    const gapDays = prng.int(7, 21);
    let at = world.anchorMs - prng.int(150, 300) * DAY_MS;
    while (at < world.anchorMs) {
      blog.items.push(writeBlogItem(world, prng, councillor, blog, at));
      at += (gapDays + prng.int(-3, 3)) * DAY_MS + prng.int(0, DAY_MS);
    }
    world.blogs.set(blog.slug, blog);
  }
}
