// Where each network folds a long text in the feed behind its "more" link, so the editor can show
// what a reader sees before tapping. The networks do not publish these points: the figures are the
// widely reported desktop feed behaviour (Instagram's help says three lines and recommends 125
// characters or fewer), and are approximate by nature.
import type { Network } from '../domain/schemas';

export interface FeedFold {
  /** characters shown before the fold */
  characters: number;
  /** lines shown before the fold (a short text with many line breaks folds sooner) */
  lines: number;
  /** the network's own words for the link */
  more: string;
}

export const FEED_FOLDS: Partial<Record<Network, FeedFold>> = {
  facebook: { characters: 477, lines: 5, more: 'See more' },
  instagram: { characters: 125, lines: 3, more: 'more' },
  linkedin: { characters: 210, lines: 3, more: 'see more' },
  threads: { characters: 250, lines: 6, more: 'more' },
};

export interface FeedPreview {
  /** the text a reader sees before tapping "more" */
  visible: string;
  /** how many characters (graphemes) of it show */
  visibleCharacters: number;
  /** the rest, behind the fold ('' when nothing folds) */
  hidden: string;
  /** the network's words for the fold, or null when the whole text shows */
  more: string | null;
}

const graphemes = (text: string): string[] => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

/**
 * Cuts `text` where `network` folds it: after its character or line allowance, whichever comes
 * first, at the last space before that point (never inside a word or an emoji).
 */
export function feedPreview(network: Network, text: string): FeedPreview {
  const fold = FEED_FOLDS[network];
  const parts = graphemes(text);
  if (!fold) return { visible: text, visibleCharacters: parts.length, hidden: '', more: null };
  let cut = Math.min(parts.length, fold.characters);
  let lines = 1;
  for (let i = 0; i < cut; i++) {
    if (parts[i] === '\n' && ++lines > fold.lines) {
      cut = i;
      break;
    }
  }
  if (cut >= parts.length) return { visible: text, visibleCharacters: parts.length, hidden: '', more: null };
  // back to the end of the last whole word when the cut falls inside one
  if (parts[cut] !== ' ' && parts[cut] !== '\n') {
    const space = parts.slice(0, cut).findLastIndex((p) => p === ' ' || p === '\n');
    if (space > 0) cut = space;
  }
  const shown = parts.slice(0, cut);
  while (shown.length > 0 && /^\s$/.test(shown[shown.length - 1])) shown.pop();
  return { visible: shown.join(''), visibleCharacters: shown.length, hidden: parts.slice(cut).join('').trimStart(), more: fold.more };
}
