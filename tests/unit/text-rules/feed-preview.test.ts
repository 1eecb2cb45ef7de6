import { describe, expect, it } from 'vitest';
import { FEED_FOLDS, feedPreview } from '../../../src/shared/text-rules/feedPreview';

const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(' ');

describe('feedPreview: the text a reader sees before the network’s "more"', () => {
  it('folds Instagram at 125 characters, at the end of a whole word', () => {
    const text = words(40); // ~300 characters
    const preview = feedPreview('instagram', text);
    expect(preview.more).toBe('more');
    expect(preview.visible.length).toBeLessThanOrEqual(125);
    expect(preview.visible.length).toBeGreaterThan(110);
    expect(text.startsWith(preview.visible)).toBe(true);
    expect(preview.visible.endsWith(' ')).toBe(false);
    // the cut is between words: what is hidden starts with a whole word
    expect(preview.hidden).toMatch(/^word\d+ /);
    expect(`${preview.visible} ${preview.hidden}`).toBe(text);
  });

  it('folds each network at its own point: LinkedIn 210, Facebook 477; X and Bluesky never fold', () => {
    const text = words(120);
    expect(feedPreview('linkedin', text).visible.length).toBeLessThanOrEqual(FEED_FOLDS.linkedin!.characters);
    expect(feedPreview('linkedin', text).visible.length).toBeGreaterThan(190);
    expect(feedPreview('facebook', text).visible.length).toBeLessThanOrEqual(477);
    expect(feedPreview('facebook', text).visible.length).toBeGreaterThan(455);
    expect(feedPreview('x', text)).toEqual({ visible: text, visibleCharacters: text.length, hidden: '', more: null });
    expect(feedPreview('bluesky', text).more).toBeNull();
  });

  it('folds after three lines on LinkedIn even when the text is short', () => {
    const preview = feedPreview('linkedin', 'Line one\nLine two\nLine three\nLine four');
    expect(preview).toEqual({ visible: 'Line one\nLine two\nLine three', visibleCharacters: 28, hidden: 'Line four', more: 'see more' });
  });

  it('shows a short text in full', () => {
    expect(feedPreview('instagram', 'Meet Ana, who ran her first marathon.')).toEqual({ visible: 'Meet Ana, who ran her first marathon.', visibleCharacters: 37, hidden: '', more: null });
  });

  it('never cuts inside an emoji', () => {
    const text = `${'a'.repeat(124)}👩‍👩‍👧 and the rest of the caption`;
    const preview = feedPreview('instagram', text);
    // the family emoji is one character of the 125 (eight UTF-16 units): it shows whole
    expect(preview.visible).toBe(`${'a'.repeat(124)}👩‍👩‍👧`);
    expect(preview.visibleCharacters).toBe(125);
    expect(preview.hidden).toBe('and the rest of the caption');
  });
});
