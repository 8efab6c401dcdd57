import { Worker } from 'node:worker_threads';
import { followerKeyOf } from '../common/pseudonymise';
import { FollowerKeyHasher } from './follower-key-hasher';
import { jobIds } from './follower-key-job';

const SECRET = 'follower-key-hasher-spec-secret-of-32-characters';

function expectedKeys(platform: string, ids: string[]): number[] {
  return ids.flatMap((id) => {
    const { keyHigh, keyLow } = followerKeyOf(SECRET, platform, id);
    return [keyHigh, keyLow];
  });
}

const PAGE = ['did:plc:alpha', 'did:plc:beta', '12345', 'https://example.social/users/ünïcode', ''];

describe('FollowerKeyHasher', () => {
  const hashers: FollowerKeyHasher[] = [];
  const hasher = (options?: ConstructorParameters<typeof FollowerKeyHasher>[1]) => {
    const made = new FollowerKeyHasher(SECRET, options);
    hashers.push(made);
    return made;
  };
  afterEach(async () => {
    await Promise.all(hashers.splice(0).map((made) => made.onModuleDestroy()));
  });

  it('works out on its own thread the keys followerKeyOf gives, in order', async () => {
    const threaded = hasher();
    expect(Array.from(await threaded.keysOf('bluesky', PAGE))).toEqual(expectedKeys('bluesky', PAGE));
    expect(threaded.threaded).toBe(true);
  });

  it('answers many pages sent at once, each with its own keys', async () => {
    const threaded = hasher();
    const pages = Array.from({ length: 40 }, (_, page) =>
      Array.from({ length: 250 }, (_, i) => `${page}-${i}`),
    );
    const answers = await Promise.all(pages.map((ids) => threaded.keysOf('mastodon', ids)));
    answers.forEach((keys, page) => expect(Array.from(keys)).toEqual(expectedKeys('mastodon', pages[page])));
  });

  it('gives the same keys on the calling thread, and none for an empty page', async () => {
    const inline = hasher({ thread: false });
    expect(Array.from(await inline.keysOf('x', PAGE))).toEqual(expectedKeys('x', PAGE));
    expect(inline.threaded).toBe(false);
    expect(Array.from(await hasher().keysOf('x', []))).toEqual([]);
  });

  it('works the keys out on the calling thread when its thread cannot start, pages sent meanwhile included', async () => {
    const broken = hasher({ entry: '/nonexistent/follower-key.worker.js' });
    const pages = [PAGE, ['did:plc:gamma']];
    const answers = await Promise.all(pages.map((ids) => broken.keysOf('bluesky', ids)));
    expect(answers.map((keys) => Array.from(keys))).toEqual(pages.map((ids) => expectedKeys('bluesky', ids)));
    expect(broken.threaded).toBe(false);
  });

  it('fails the pages a thread held when it dies, and starts another for the next page', async () => {
    const threaded = hasher();
    await threaded.keysOf('bluesky', PAGE);
    const running = (threaded as unknown as { worker: Worker }).worker;
    const held = threaded.keysOf(
      'bluesky',
      Array.from({ length: 50_000 }, (_, i) => `id-${i}`),
    );
    await running.terminate();
    await expect(held).rejects.toThrow(/follower-key thread exited/);
    expect(Array.from(await threaded.keysOf('bluesky', PAGE))).toEqual(expectedKeys('bluesky', PAGE));
    expect(threaded.threaded).toBe(true);
  });

  it('sends a page as one text and each id’s length, which give the ids back', () => {
    const ids = ['did:plc:alpha', '', 'a\nb', 'ünï', '😀'];
    const lengths = Int32Array.from(ids.map((id) => id.length));
    expect(jobIds({ id: 1, platform: 'x', text: ids.join(''), lengths })).toEqual(ids);
    expect(() => jobIds({ id: 1, platform: 'x', text: 'abc', lengths: Int32Array.of(2) })).toThrow(
      /do not add up/,
    );
  });

  it('stops at shutdown only once it has answered the pages it holds, and works out later ones itself', async () => {
    const threaded = hasher();
    const held = threaded.keysOf('bluesky', PAGE);
    const stopping = threaded.onModuleDestroy();
    expect(Array.from(await held)).toEqual(expectedKeys('bluesky', PAGE));
    const later = threaded.keysOf('bluesky', ['did:plc:after']);
    await stopping;
    expect(Array.from(await later)).toEqual(expectedKeys('bluesky', ['did:plc:after']));
    expect(threaded.threaded).toBe(false);
  });

  it('rejects a page it cannot send to its thread, and goes on with the next', async () => {
    const threaded = hasher();
    await expect(threaded.keysOf('bluesky', [Symbol('not an id') as unknown as string])).rejects.toThrow(
      /Symbol/,
    );
    expect(Array.from(await threaded.keysOf('bluesky', PAGE))).toEqual(expectedKeys('bluesky', PAGE));
  });
});
