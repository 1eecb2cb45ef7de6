// Content hashes: SHA-256 over canonical JSON (RFC 8785, the `canonicalize` package), so the same
// content always gives the same hash on every machine.
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { Post } from '../../../shared/domain/schemas';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
export const hashOf = (value: unknown): string => sha256(canonicalize(value) ?? 'null');

/**
 * What approval covers: the texts, media, link, channels and times. A change to any of them
 * returns an approved post to review; a new title, note or category does not.
 */
export function postContentHash(post: Pick<Post, 'baseText' | 'channelTexts' | 'channelIds' | 'channelOffsets' | 'images' | 'link' | 'scheduledAt'>): string {
  const channelIds = [...post.channelIds].sort();
  return hashOf({
    baseText: post.baseText,
    channels: channelIds.map((id) => ({ id, text: post.channelTexts[id] ?? null, offset: post.channelOffsets[id] ?? 0 })),
    images: post.images.map((image) => ({ src: image.src, alt: image.alt })),
    link: post.link,
    scheduledAt: post.scheduledAt,
  });
}
