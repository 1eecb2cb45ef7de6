// Per-network text rules: shown live in the editor and stored as validation results.
// Nothing here ever shortens text: an over-long post gets an error finding and stays as written.
import twitterText from 'twitter-text';
import { z } from 'zod';
import { NETWORK_LABELS, Network, PostImage } from '../domain/schemas';
import { plural } from '../words';

export const TextUnit = z.enum(['characters', 'weighted', 'graphemes']);
export type TextUnit = z.infer<typeof TextUnit>;

export const TEXT_FINDING_CODES = [
  'empty_text',
  'too_long',
  'too_many_bytes',
  'too_many_hashtags',
  'too_many_links',
  'alt_text_too_long',
  'image_required',
  'missing_alt_text',
] as const;
export const TextFindingCode = z.enum(TEXT_FINDING_CODES);
export type TextFindingCode = z.infer<typeof TextFindingCode>;

export const TextFinding = z.object({
  severity: z.enum(['error', 'warning']),
  code: TextFindingCode,
  message: z.string().min(1),
});
export type TextFinding = z.infer<typeof TextFinding>;

/** A stored validation result for one network's version of a post. */
export const TextCheck = z.object({
  network: Network,
  /** Length counted by the network's own rule, in `unit`. */
  length: z.number().int().min(0),
  limit: z.number().int().positive(),
  unit: TextUnit,
  /** limit - length; negative when over. */
  remaining: z.number().int(),
  findings: z.array(TextFinding),
});
export type TextCheck = z.infer<typeof TextCheck>;

export const CheckTextInput = z.object({
  network: Network,
  text: z.string(),
  images: z.array(PostImage).optional(),
  /** Overrides the network's default limit: a Mastodon server's own limit, or X Premium. */
  maxLength: z.number().int().positive().nullish(),
  /** The post's link as it goes out (UTM added): a post of a link alone is a post. */
  link: z.string().nullish(),
});
export type CheckTextInput = z.input<typeof CheckTextInput>;

/** Storybank's own cap on a post's text (Post.baseText max), used for networks with no known limit. */
export const MAX_STORED_TEXT_LENGTH = 70_000;

export interface NetworkLimit {
  limit: number;
  unit: TextUnit;
  /** Where the figure comes from (see /work/shared/research/export-formats.md §4). */
  source: string;
}

/**
 * Default text limits. "characters" means UTF-16 code units (JavaScript string length), the
 * way Buffer counts for most networks (developers.buffer.com/guides/character-limits): emoji
 * count 2, which never under-counts what the network sees.
 */
export const NETWORK_LIMITS: Record<Network, NetworkLimit> = {
  // docs.x.com/fundamentals/counting-characters; weights from twitter-text config v3
  // (emoji 2, CJK 2, every URL 23 via t.co). X Premium (4,000+) goes through maxLength.
  x: { limit: 280, unit: 'weighted', source: 'docs.x.com counting-characters; twitter-text v3 config' },
  // ayrshare LinkedIn API doc; Buffer character-limits guide; Postiz linkedin.provider.
  linkedin: { limit: 3_000, unit: 'characters', source: 'ayrshare LinkedIn doc; Buffer character-limits guide' },
  // Postiz facebook.provider (Meta's own doc not found; Buffer and Mixpost cap at 5,000).
  facebook: { limit: 63_206, unit: 'characters', source: 'Postiz facebook.provider (Meta doc not found)' },
  // Caption 2,200; at most 5 hashtags since Dec 2025 (ayrshare Instagram doc, press reports);
  // the Graph API publishes media only, so an image is required.
  instagram: { limit: 2_200, unit: 'characters', source: 'ayrshare Instagram doc; Instagram Graph API media_publish' },
  // developers.facebook.com/documentation/threads/posts: 500, emoji count their UTF-8 bytes;
  // text-attachments doc: at most 5 links since 22 Dec 2025.
  threads: { limit: 500, unit: 'characters', source: 'Meta Threads API posts and text-attachments docs' },
  // Lexicon app.bsky.feed.post: text maxGraphemes 300, maxLength 3,000 (UTF-8 bytes).
  bluesky: { limit: 300, unit: 'graphemes', source: 'lexicon app.bsky.feed.post' },
  // docs.joinmastodon.org/entities/Instance: statuses.max_characters (500 by default, per
  // server), characters_reserved_per_url 23. The server counts grapheme clusters
  // (mastodon app/validators/status_length_validator.rb).
  mastodon: { limit: 500, unit: 'graphemes', source: 'docs.joinmastodon.org Instance entity; Mastodon StatusLengthValidator' },
  // Figure from issue 3 (Google's post guidance); Buffer applies 4,000, so 1,500 is the safe side.
  google_business: { limit: 1_500, unit: 'characters', source: 'issue 3 (Google Business Profile post limit)' },
  // No network rule: only Storybank's own stored-text cap applies (Infinity is not JSON-safe).
  other: { limit: MAX_STORED_TEXT_LENGTH, unit: 'characters', source: "Storybank's own Post.baseText cap" },
};

export const INSTAGRAM_MAX_HASHTAGS = 5;
export const THREADS_MAX_LINKS = 5;
/** Threads turns one hashtag into the post's topic tag; more are plain text. */
export const THREADS_MAX_TOPIC_TAGS = 1;
export const BLUESKY_MAX_BYTES = 3_000;
/** Mastodon's characters_reserved_per_url default. */
export const MASTODON_URL_LENGTH = 23;

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const utf8 = new TextEncoder();

/** User-perceived characters (extended grapheme clusters, UAX #29). */
export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of graphemeSegmenter.segment(text)) count += 1;
  return count;
}

export function utf8ByteLength(text: string): number {
  return utf8.encode(text).length;
}

const EMOJI_PATTERN = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;

/** Threads: emoji count their UTF-8 bytes, everything else one per code point. */
function threadsLength(text: string): number {
  let length = 0;
  for (const { segment } of graphemeSegmenter.segment(text)) {
    length += EMOJI_PATTERN.test(segment) ? utf8ByteLength(segment) : [...segment].length;
  }
  return length;
}

// Mastodon's Account::MENTION_RE: `@user@server.example` counts as `@user`.
const MASTODON_MENTION = /(?<![=/\p{L}\p{N}_])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@[\p{L}\p{N}_.-]+[\p{L}\p{N}_])?/giu;

/** Mastodon's countable text: each http(s) URL is 23, remote mentions lose their domain. */
function mastodonLength(text: string): number {
  const urls = twitterText.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false });
  let countable = '';
  let cursor = 0;
  for (const { indices } of urls) {
    countable += text.slice(cursor, indices[0]) + 'x'.repeat(MASTODON_URL_LENGTH);
    cursor = indices[1];
  }
  countable += text.slice(cursor);
  return countGraphemes(countable.replace(MASTODON_MENTION, '@$1'));
}

function measure(network: Network, text: string): number {
  switch (network) {
    case 'x':
      return twitterText.parseTweet(text).weightedLength;
    case 'bluesky':
      return countGraphemes(text);
    case 'mastodon':
      return mastodonLength(text);
    case 'threads':
      return threadsLength(text);
    default:
      return text.length;
  }
}

const UNIT_WORDS: Record<TextUnit, string> = {
  characters: 'characters',
  weighted: 'weighted characters',
  graphemes: 'characters (graphemes)',
};


/**
 * Alt-text limits of the networks that state one (X and LinkedIn 1,000 characters, Mastodon 1,500,
 * Bluesky 2,000; Section508.gov and the networks' help pages). Others take the post's 1,500.
 */
export const ALT_TEXT_LIMITS: Partial<Record<Network, number>> = { x: 1000, linkedin: 1000, threads: 1000, mastodon: 1500, bluesky: 2000 };
export const DEFAULT_ALT_TEXT_LIMIT = 1500;
export const altTextLimit = (network: Network): number => ALT_TEXT_LIMITS[network] ?? DEFAULT_ALT_TEXT_LIMIT;

/** Checks one network's version of a post's text and images. Pure; never modifies the text. */
/** Networks whose posts are text only: a link is part of the text. */
const LINK_IN_TEXT: ReadonlySet<Network> = new Set(['x', 'threads', 'bluesky', 'mastodon']);
export const linkGoesInText = (network: Network): boolean => LINK_IN_TEXT.has(network);

/** The text with the link appended once (after a blank line) unless the text already holds it. */
export function textWithLink(text: string, link: string | null): string {
  if (!link || text.includes(link)) return text;
  return text === '' ? link : `${text}\n\n${link}`;
}

export function checkText(rawInput: CheckTextInput): TextCheck {
  const input = CheckTextInput.parse(rawInput);
  const { network } = input;
  const link = input.link ?? null;
  // Networks with no link field carry the link in the text itself, so it counts toward the limit
  // (X weighs any URL as 23); elsewhere the scheduler attaches it as a link preview.
  const text = LINK_IN_TEXT.has(network) ? textWithLink(input.text, link) : input.text;
  const images = input.images ?? [];
  const label = NETWORK_LABELS[network];
  const defaults = NETWORK_LIMITS[network];
  const limit = input.maxLength ?? defaults.limit;
  const unit = defaults.unit;
  const length = measure(network, text);
  const findings: TextFinding[] = [];

  if (text.trim() === '' && images.length === 0 && !link) {
    findings.push({ severity: 'error', code: 'empty_text', message: `${label}: the post has no text, no image and no link.` });
  }

  if (length > limit) {
    findings.push({
      severity: 'error',
      code: 'too_long',
      message:
        `${label}: ${length} of ${limit} ${UNIT_WORDS[unit]}, ${length - limit} over the limit. ` +
        'Shorten the text; Storybank never cuts it for you.',
    });
  }

  if (network === 'bluesky') {
    const bytes = utf8ByteLength(text);
    if (bytes > BLUESKY_MAX_BYTES) {
      findings.push({
        severity: 'error',
        code: 'too_many_bytes',
        message: `Bluesky: the text is ${bytes} bytes in UTF-8; at most ${BLUESKY_MAX_BYTES} are allowed.`,
      });
    }
  }

  if (network === 'instagram') {
    const hashtags = twitterText.extractHashtags(text).length;
    if (hashtags > INSTAGRAM_MAX_HASHTAGS) {
      findings.push({
        severity: 'error',
        code: 'too_many_hashtags',
        message: `Instagram: ${plural(hashtags, 'hashtag')}; at most ${INSTAGRAM_MAX_HASHTAGS} are allowed per post.`,
      });
    }
    if (images.length === 0) {
      findings.push({
        severity: 'error',
        code: 'image_required',
        message: 'Instagram: add at least one image; Instagram does not accept text-only posts.',
      });
    }
  }

  if (network === 'threads') {
    const links = new Set(twitterText.extractUrlsWithIndices(text).map(({ url }) => url)).size;
    if (links > THREADS_MAX_LINKS) {
      findings.push({
        severity: 'error',
        code: 'too_many_links',
        message: `Threads: ${plural(links, 'different link')}; posts with more than ${THREADS_MAX_LINKS} fail to publish.`,
      });
    }
    const hashtags = twitterText.extractHashtags(text).length;
    if (hashtags > THREADS_MAX_TOPIC_TAGS) {
      findings.push({
        severity: 'warning',
        code: 'too_many_hashtags',
        message: `Threads: ${plural(hashtags, 'hashtag')}; only one becomes the post's topic tag.`,
      });
    }
  }

  const altLimit = altTextLimit(network);
  images.forEach((image, index) => {
    const length = [...image.alt].length;
    if (length > altLimit) {
      findings.push({
        severity: 'error',
        code: 'alt_text_too_long',
        message: `${NETWORK_LABELS[network]}: the alt text of image ${index + 1} is ${length.toLocaleString('en-US')} characters; ${NETWORK_LABELS[network]} takes at most ${altLimit.toLocaleString('en-US')}.`,
      });
    }
  });
  const withoutAlt = images.filter((image) => image.alt.trim() === '').length;
  if (withoutAlt > 0) {
    findings.push({
      severity: 'warning',
      code: 'missing_alt_text',
      message:
        `${withoutAlt} of ${plural(images.length, 'image')} ${withoutAlt === 1 ? 'has' : 'have'} no alt text: ` +
        `people using screen readers will not know what ${withoutAlt === 1 ? 'it shows' : 'they show'}.`,
    });
  }

  return { network, length, limit, unit, remaining: limit - length, findings };
}

/** True when a check has at least one error (warnings alone do not block). */
export function hasTextErrors(check: TextCheck): boolean {
  return check.findings.some((finding) => finding.severity === 'error');
}
