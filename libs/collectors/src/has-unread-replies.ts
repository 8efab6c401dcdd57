/** Whether a post has replies nobody has read yet: replies > repliesSeen (0 when unknown). */
export function hasUnreadReplies(post: { replies: number; repliesSeen?: number }): boolean {
  return post.replies > (post.repliesSeen ?? 0);
}
