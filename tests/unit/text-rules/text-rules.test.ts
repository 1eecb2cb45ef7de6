import { describe, expect, it } from 'vitest';
import { NETWORKS, type Network } from '../../../src/shared/domain/schemas';
import {
  NETWORK_LIMITS,
  TextCheck,
  checkText,
  countGraphemes,
  hasTextErrors,
  utf8ByteLength,
} from '../../../src/shared/text-rules';

const IMAGE = { src: 'media/branch.jpg', alt: 'Our Main Street branch at dusk' };
const codes = (check: TextCheck): string[] => check.findings.map((finding) => finding.code);
const errorCodes = (check: TextCheck): string[] =>
  check.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.code);

// Figures from the issue text and research note (export-formats.md §4), not from the code.
const PLAIN_LIMITS: [Network, number][] = [
  ['x', 280],
  ['linkedin', 3_000],
  ['facebook', 63_206],
  ['instagram', 2_200],
  ['threads', 500],
  ['bluesky', 300],
  ['mastodon', 500],
  ['google_business', 1_500],
];

describe('every network limit, at the limit and one over', () => {
  it.each(PLAIN_LIMITS)('%s allows exactly %i plain letters', (network, limit) => {
    const check = checkText({ network, text: 'a'.repeat(limit), images: [IMAGE] });
    expect(check.length).toBe(limit);
    expect(check.limit).toBe(limit);
    expect(check.remaining).toBe(0);
    expect(check.findings).toEqual([]);
  });

  it.each(PLAIN_LIMITS)('%s rejects %i + 1 letters with too_long and keeps the count', (network, limit) => {
    const check = checkText({ network, text: 'a'.repeat(limit + 1), images: [IMAGE] });
    expect(check.length).toBe(limit + 1);
    expect(check.remaining).toBe(-1);
    expect(errorCodes(check)).toEqual(['too_long']);
    expect(check.findings[0].message).toContain('1 over');
    expect(hasTextErrors(check)).toBe(true);
  });

  it('covers every network in the domain list', () => {
    expect(Object.keys(NETWORK_LIMITS).sort()).toEqual([...NETWORKS].sort());
    for (const network of NETWORKS) expect(NETWORK_LIMITS[network].source.length).toBeGreaterThan(0);
  });

  it('"other" has no network limit, only the 70,000 stored-text cap, and stays JSON-safe', () => {
    const check = checkText({ network: 'other', text: 'a'.repeat(70_000) });
    expect(check.limit).toBe(70_000);
    expect(check.findings).toEqual([]);
    expect(JSON.parse(JSON.stringify(check))).toEqual(check);
    expect(codes(checkText({ network: 'other', text: 'a'.repeat(70_001) }))).toEqual(['too_long']);
  });
});

describe('X weighting (twitter-text)', () => {
  const longUrl = 'https://www.example-community-bank.com/personal/savings/high-yield?ref=spring-campaign';

  it('counts any URL as 23', () => {
    expect(longUrl.length).toBeGreaterThan(23);
    expect(checkText({ network: 'x', text: longUrl }).length).toBe(23);
    expect(checkText({ network: 'x', text: 'https://t.co/a' }).length).toBe(23);
  });

  it('fits 256 letters + space + a long URL into exactly 280', () => {
    const text = `${'a'.repeat(256)} ${longUrl}`;
    expect(text.length).toBeGreaterThan(280);
    const check = checkText({ network: 'x', text });
    expect(check).toMatchObject({ length: 280, remaining: 0, unit: 'weighted', findings: [] });
    expect(errorCodes(checkText({ network: 'x', text: `a${text}` }))).toEqual(['too_long']);
  });

  it('weighs emoji 2, including a ZWJ family sequence', () => {
    expect(checkText({ network: 'x', text: '😀'.repeat(140) }).findings).toEqual([]);
    const over = checkText({ network: 'x', text: '😀'.repeat(141) });
    expect(over.length).toBe(282);
    expect(errorCodes(over)).toEqual(['too_long']);
    expect(checkText({ network: 'x', text: '👨‍👩‍👧‍👦' }).length).toBe(2);
  });

  it('weighs CJK 2', () => {
    expect(checkText({ network: 'x', text: '銀行'.repeat(70) }).length).toBe(280);
    expect(checkText({ network: 'x', text: `${'銀行'.repeat(70)}a` }).length).toBe(281);
  });

  it('takes a larger limit for X Premium through maxLength', () => {
    const check = checkText({ network: 'x', text: 'a'.repeat(4_000), maxLength: 4_000 });
    expect(check).toMatchObject({ limit: 4_000, remaining: 0, findings: [] });
  });
});

describe('Bluesky graphemes', () => {
  const family = '👨‍👩‍👧‍👦'; // 7 code points, 11 UTF-16 units, 25 UTF-8 bytes, 1 grapheme

  it('counts a family emoji as one character', () => {
    expect(family.length).toBe(11);
    expect(countGraphemes(family)).toBe(1);
    expect(checkText({ network: 'bluesky', text: family })).toMatchObject({ length: 1, unit: 'graphemes' });
    expect(checkText({ network: 'bluesky', text: `${'a'.repeat(299)}${family}` }).findings).toEqual([]);
    expect(errorCodes(checkText({ network: 'bluesky', text: `${'a'.repeat(300)}${family}` }))).toEqual(['too_long']);
  });

  it('also caps the text at 3,000 UTF-8 bytes', () => {
    expect(utf8ByteLength(family)).toBe(25);
    const atCap = checkText({ network: 'bluesky', text: family.repeat(120) });
    expect(atCap.length).toBe(120);
    expect(atCap.findings).toEqual([]);
    const overCap = checkText({ network: 'bluesky', text: family.repeat(121) });
    expect(errorCodes(overCap)).toEqual(['too_many_bytes']);
  });
});

describe('Instagram', () => {
  const fiveTags = 'Spring savings #savings #banking #community #smallbusiness #finance';

  it('allows 5 hashtags and rejects 6', () => {
    expect(checkText({ network: 'instagram', text: fiveTags, images: [IMAGE] }).findings).toEqual([]);
    const six = checkText({ network: 'instagram', text: `${fiveTags} #money`, images: [IMAGE] });
    expect(errorCodes(six)).toEqual(['too_many_hashtags']);
    expect(six.findings[0].message).toContain('6 hashtags');
  });

  it('does not count a URL fragment as a hashtag', () => {
    const text = `${fiveTags} https://example.com/rates#cd`;
    expect(checkText({ network: 'instagram', text, images: [IMAGE] }).findings).toEqual([]);
  });

  it('requires an image', () => {
    const check = checkText({ network: 'instagram', text: 'Hello neighbours' });
    expect(errorCodes(check)).toEqual(['image_required']);
  });

  it('reports 6 hashtags and no image together', () => {
    const check = checkText({ network: 'instagram', text: `${fiveTags} #money` });
    expect(errorCodes(check).sort()).toEqual(['image_required', 'too_many_hashtags']);
  });
});

describe('Mastodon', () => {
  it('uses a per-server limit when given', () => {
    expect(checkText({ network: 'mastodon', text: 'a'.repeat(1_000), maxLength: 1_000 })).toMatchObject({
      limit: 1_000,
      remaining: 0,
      findings: [],
    });
    expect(errorCodes(checkText({ network: 'mastodon', text: 'a'.repeat(1_001), maxLength: 1_000 }))).toEqual([
      'too_long',
    ]);
    expect(checkText({ network: 'mastodon', text: 'a', maxLength: null }).limit).toBe(500);
  });

  it('counts a URL as 23 and a remote mention without its server', () => {
    const url = 'https://www.example-community-bank.com/about/history/1923';
    expect(checkText({ network: 'mastodon', text: url }).length).toBe(23);
    // "@alice@mastodon.social" counts as "@alice" (6)
    expect(checkText({ network: 'mastodon', text: '@alice@mastodon.social' }).length).toBe(6);
    expect(checkText({ network: 'mastodon', text: 'hi @bob' }).length).toBe(7);
  });

  it('rejects a non-positive custom limit', () => {
    expect(() => checkText({ network: 'mastodon', text: 'a', maxLength: 0 })).toThrow();
  });
});

describe('Threads', () => {
  it('counts emoji by their UTF-8 bytes', () => {
    expect(checkText({ network: 'threads', text: '😀'.repeat(125) })).toMatchObject({ length: 500, findings: [] });
    expect(errorCodes(checkText({ network: 'threads', text: '😀'.repeat(126) }))).toEqual(['too_long']);
  });

  it('rejects more than 5 different links', () => {
    const links = (n: number) =>
      Array.from({ length: n }, (_, i) => `https://example.com/page-${i}`).join(' ');
    expect(checkText({ network: 'threads', text: links(5) }).findings).toEqual([]);
    expect(errorCodes(checkText({ network: 'threads', text: links(6) }))).toEqual(['too_many_links']);
  });

  it('warns that only one hashtag becomes a topic tag', () => {
    const check = checkText({ network: 'threads', text: 'Rates are up #savings #banking' });
    expect(check.findings).toMatchObject([{ severity: 'warning', code: 'too_many_hashtags' }]);
    expect(hasTextErrors(check)).toBe(false);
  });
});

describe('images and empty text', () => {
  it('warns about each image without alt text, on every network', () => {
    for (const network of NETWORKS) {
      const check = checkText({
        network,
        text: 'Grand opening',
        images: [IMAGE, { src: 'b.jpg', alt: '' }, { src: 'c.jpg', alt: '   ' }],
      });
      expect(check.findings).toMatchObject([{ severity: 'warning', code: 'missing_alt_text' }]);
      expect(check.findings[0].message).toContain('2 of 3 images');
    }
  });

  it('does not warn when every image has alt text', () => {
    expect(checkText({ network: 'facebook', text: 'Hi', images: [IMAGE] }).findings).toEqual([]);
  });

  it('flags empty text without images as an error, but allows an image-only post', () => {
    expect(errorCodes(checkText({ network: 'linkedin', text: '  \n ' }))).toEqual(['empty_text']);
    expect(checkText({ network: 'linkedin', text: '', images: [IMAGE] }).findings).toEqual([]);
  });
});

describe('stored results', () => {
  it('match the TextCheck schema after a JSON round trip', () => {
    for (const network of NETWORKS) {
      const check = checkText({ network, text: `Visit https://example.com #one ${'😀'.repeat(3)}`, images: [{ src: 'a.jpg', alt: '' }] });
      const stored = JSON.parse(JSON.stringify(check));
      expect(TextCheck.parse(stored)).toEqual(check);
    }
  });

  it('rejects an unknown network', () => {
    expect(() => checkText({ network: 'myspace' as Network, text: 'hi' })).toThrow();
  });
});
