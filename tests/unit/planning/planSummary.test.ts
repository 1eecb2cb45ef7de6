import { describe, expect, it } from 'vitest';
import { balanceSentence, piecesByMonth, type PlanResult } from '../../../src/shared/planning';

const channel = (channelId: string, drift: number, best: number | null, pinned = 0) =>
  ({ channelId, maxPrefixDeviation: drift, optimalPrefixDeviation: best, pinned }) as PlanResult['metrics']['channels'][number];
const metrics = (channels: PlanResult['metrics']['channels']) => ({ metrics: { channels } }) as Pick<PlanResult, 'metrics'>;
const name = (id: string) => ({ fb: 'Facebook', x: 'X', li: 'LinkedIn' })[id] ?? id;

describe('the plan in a marketer\'s words', () => {
  it('says "the best possible" only when every channel is proven at its best', () => {
    expect(balanceSentence(metrics([channel('fb', 1.4, 1.4, 3), channel('li', 0.8, 0.8)]), name)).toBe(
      'Every channel stays within 1.4 posts of your targets, the best possible with the 3 posts already scheduled.',
    );
    expect(balanceSentence(metrics([channel('fb', 1.4, 1.0), channel('li', 0.8, 0.8)]), name)).toBe(
      'Every channel stays within 1.4 posts of your targets. Facebook could not reach the best possible balance: see the reasons.',
    );
    // an unknown best is not a failure: it could not be proven
    expect(balanceSentence(metrics([channel('fb', 1.0, 1.0), channel('x', 1.1, null)]), name)).toBe(
      'Every channel stays within 1.1 posts of your targets. For X no better plan was found, but the planner could not prove it is the best possible.',
    );
  });

  it('counts posts to write per month, by category, apart from backlog items', () => {
    const pieces: PlanResult['pieces'] = [
      { date: '2027-01-04', categoryId: 'people', itemId: null, slotIds: ['a', 'b', 'c'] },
      { date: '2027-01-05', categoryId: 'people', itemId: null, slotIds: ['d'] },
      { date: '2027-01-05', categoryId: 'tips', itemId: 'idea:1', slotIds: ['e', 'f'] },
      { date: '2027-02-01', categoryId: 'tips', itemId: null, slotIds: ['g'] },
    ];
    const category = (id: string) => ({ people: 'Employee highlights', tips: 'Financial tips' })[id]!;
    expect(piecesByMonth({ pieces }, category)).toEqual([
      'January 2027: 2 posts to write for 6 open slots (2 Employee highlights), plus 1 from story ideas and drafts.',
      'February 2027: 1 post to write for 1 open slot (1 Financial tips).',
    ]);
  });
});
