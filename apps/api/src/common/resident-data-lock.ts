/**
 * The transaction-level advisory lock that orders writes of residents' data against erasure and
 * retention. Collection writes (follower batches, interaction authors) take it shared, so any number
 * run side by side; an erasure or a retention purge takes it exclusively before it reads anything,
 * so it waits for the batches in flight to commit and sees what they wrote, and the batches after it
 * wait for it and see what it left (the suppression list of an erasure, the followers a purge
 * deleted). Without it, a purge could delete a follower whose new edge an uncommitted batch had just
 * written (an edge with no follower, missing from every figure), and a collection that read the
 * suppression list before an erasure could write the erased person back.
 *
 * One fixed key for the whole database: erasures and purges are rare, and each is short.
 */
const RESIDENT_DATA_LOCK_KEY = 0x77617264_0001; // "ward", 1

/** Taken by every transaction that writes followers, follow edges or interactions. */
export const SHARE_RESIDENT_DATA = `SELECT pg_advisory_xact_lock_shared(${RESIDENT_DATA_LOCK_KEY})`;

/** Taken first by erasure and retention, which delete residents' data. */
export const EXCLUDE_RESIDENT_DATA = `SELECT pg_advisory_xact_lock(${RESIDENT_DATA_LOCK_KEY})`;
