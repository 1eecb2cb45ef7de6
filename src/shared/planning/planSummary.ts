// A plan in a marketer's words (the app's plan dialog and the CLI's human output): how many posts
// there are to write, of what, and how close the mix stays to target. Exact figures stay in the
// metrics for "Details" and --json.
import { format, parseISO } from 'date-fns';
import { plural } from '../words';
import type { PlanResult } from './schemas';

const EPSILON = 1e-9;

/** "January 2027: 47 posts to write for 92 open slots (12 Employee highlights, …), plus 4 from story ideas and drafts." */
export function piecesByMonth(result: Pick<PlanResult, 'pieces'>, categoryName: (id: string) => string): string[] {
  const months = new Map<string, { pieces: PlanResult['pieces']; slots: number }>();
  for (const piece of result.pieces) {
    const month = piece.date.slice(0, 7);
    const entry = months.get(month) ?? { pieces: [], slots: 0 };
    entry.pieces.push(piece);
    entry.slots += piece.slotIds.length;
    months.set(month, entry);
  }
  return [...months].map(([month, { pieces, slots }]) => {
    const toWrite = pieces.filter((piece) => piece.itemId === null);
    const counts = new Map<string, number>();
    for (const piece of toWrite) counts.set(piece.categoryId, (counts.get(piece.categoryId) ?? 0) + 1);
    const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${n} ${categoryName(id)}`);
    const fromBacklog = pieces.length - toWrite.length;
    return (
      `${format(parseISO(`${month}-01`), 'MMMM yyyy')}: ${plural(toWrite.length, 'post')} to write for ${plural(slots, 'open slot')}` +
      `${parts.length ? ` (${parts.join(', ')})` : ''}${fromBacklog ? `, plus ${fromBacklog} from story ideas and drafts` : ''}.`
    );
  });
}

/** "Every channel stays within 1.6 posts of your targets, the best possible with the 30 posts already scheduled." */
export function balanceSentence(result: Pick<PlanResult, 'metrics'>, channelName: (id: string) => string): string {
  const channels = result.metrics.channels;
  if (channels.length === 0) return 'No channel has open slots in this range.';
  const worst = Math.max(...channels.map((c) => c.maxPrefixDeviation));
  const pinned = channels.reduce((sum, c) => sum + c.pinned, 0);
  // B above a known B* is a worse plan; an unknown B* only means the search could not prove it
  const worse = channels.filter((c) => c.optimalPrefixDeviation !== null && c.maxPrefixDeviation > c.optimalPrefixDeviation + EPSILON);
  const unproven = channels.filter((c) => c.optimalPrefixDeviation === null);
  const names = (list: typeof channels) => list.map((c) => channelName(c.channelId)).join(', ');
  const within = `Every channel stays within ${worst.toFixed(1)} posts of your targets`;
  const sentences = [
    worse.length === 0 && unproven.length === 0 ? `${within}, the best possible${pinned ? ` with the ${plural(pinned, 'post')} already scheduled` : ''}.` : `${within}.`,
  ];
  if (worse.length) sentences.push(`${names(worse)} could not reach the best possible balance: see the reasons.`);
  if (unproven.length) sentences.push(`For ${names(unproven)} no better plan was found, but the planner could not prove it is the best possible.`);
  return sentences.join(' ');
}
