// Autofill planner: gives every open slot a category (balanced per channel), then a backlog item
// (earliest expiry first) or a placeholder, and reports the quality of the resulting mix.
import type {
  ExcessCause,
  PlanAssignment,
  PlanPiece,
  PlanRequest,
  PlanResult,
  PlanViolation,
  SequenceMetrics,
  ChannelMetrics,
  PeriodMetrics,
} from './schemas';
import { NO_CATEGORY, bestBoundWithRules, optimalPinnedBound, prefixDeviation, solveChannel, windowDeviation } from './balance';
import type { ChannelProblem } from './balance';
import { BacklogPool, type PoolItem } from './backlogPool';
import { coordinatePeriods } from './coordinate';
import { LocalCalendar, dayNumberOfDate } from './localCalendar';

const EPSILON = 1e-9;
const MAX_LISTED_SLOTS = 10;

type RuleName = 'noConsecutive' | 'minGapSlots' | 'maxPerWeek';

interface SlotInfo {
  id: string;
  channelIndex: number;
  position: number;
  startMs: number;
  day: number;
  date: string;
  week: string;
  month: string;
  inputIndex: number;
}

interface ChannelPlan {
  channelId: string;
  channelIndex: number;
  slots: SlotInfo[];
  problem: ChannelProblem;
  weekOf: Int32Array;
  weekCount: number;
  sequence: Int32Array;
  plannedDeviation: number;
  pinnedOptimum: number;
  pinnedSequence: Int32Array;
  optimal: boolean;
  rulesHonoured: boolean;
  /** Positions whose category changed or that stayed open because the backlog ran short. */
  shortageSlots: number[];
  shortageCategories: Set<number>;
  /** Positions whose category the cross-channel period coordination changed. */
  coordinated: Set<number>;
  /** Positions whose category the day alignment changed (to match the other channels that day). */
  aligned: Set<number>;
}

/** 1 − 1/(2(n−1)); 0 when fewer than two categories have a positive share. */
export const tijdemanBound = (positiveCategories: number): number =>
  positiveCategories < 2 ? 0 : 1 - 1 / (2 * (positiveCategories - 1));

const round = (value: number, digits = 2): string => value.toFixed(digits);

/** Called as the plan advances (for a progress bar); the engine stays pure. */
export type PlanProgress = (phase: string, done: number, total: number) => void;

export const autofill = (request: PlanRequest, progress: PlanProgress = () => {}): PlanResult => {
  const categories = request.categories;
  const categoryCount = categories.length;
  const shareSum = categories.reduce((sum, category) => sum + category.targetShare, 0);
  const shares = categories.map((category) => category.targetShare / shareSum);
  const categoryIndex = new Map(categories.map((category, index) => [category.id, index]));
  const minGap = categories.map((category) => Math.max(category.minGapSlots ?? 0, category.noConsecutive ? 1 : 0));
  const maxPerWeek = categories.map((category) => category.maxPerWeek ?? Infinity);
  const channelNames = new Map(request.channels.map((channel) => [channel.id, channel.name]));
  const channelName = (channelId: string): string => channelNames.get(channelId) ?? channelId;
  const windowSize = request.options.windowSize;

  // --- slots in time order per channel, with local dates and ISO weeks
  const startMs = request.slots.map((slot) => Date.parse(slot.start));
  let minMs = Infinity;
  let maxMs = -Infinity;
  for (const ms of startMs) {
    if (ms < minMs) minMs = ms;
    if (ms > maxMs) maxMs = ms;
  }
  const calendar = new LocalCalendar(request.timezone, Number.isFinite(minMs) ? minMs : 0, Number.isFinite(maxMs) ? maxMs : 0);
  const channelIndexOf = new Map<string, number>();
  const channelSlots: SlotInfo[][] = [];
  request.slots.forEach((slot, inputIndex) => {
    let channelIndex = channelIndexOf.get(slot.channelId);
    if (channelIndex === undefined) {
      channelIndex = channelSlots.length;
      channelIndexOf.set(slot.channelId, channelIndex);
      channelSlots.push([]);
    }
    const local = calendar.day(startMs[inputIndex]);
    channelSlots[channelIndex].push({
      id: slot.id,
      channelIndex,
      position: 0,
      startMs: startMs[inputIndex],
      day: local.dayNumber,
      date: local.date,
      week: local.isoWeek,
      month: local.month,
      inputIndex,
    });
  });
  const pinnedCategory = new Map(request.pinned.map((pin) => [pin.slotId, categoryIndex.get(pin.categoryId) ?? NO_CATEGORY]));

  // --- balance each channel
  const plans: ChannelPlan[] = channelSlots.map((slots, channelIndex) => {
    progress('balancing channels', channelIndex, channelSlots.length + 1);
    slots.sort((a, b) => a.startMs - b.startMs || a.inputIndex - b.inputIndex);
    const weekIndex = new Map<string, number>();
    const weekOf = new Int32Array(slots.length);
    const pinned = new Int32Array(slots.length).fill(NO_CATEGORY);
    slots.forEach((slot, position) => {
      slot.position = position;
      let week = weekIndex.get(slot.week);
      if (week === undefined) weekIndex.set(slot.week, (week = weekIndex.size));
      weekOf[position] = week;
      pinned[position] = pinnedCategory.get(slot.id) ?? NO_CATEGORY;
    });
    const problem: ChannelProblem = { shares, pinned, minGap, maxPerWeek, week: weekOf };
    const solution = solveChannel(problem);
    return {
      channelId: request.slots[slots[0].inputIndex].channelId,
      slots,
      problem,
      weekOf,
      weekCount: weekIndex.size,
      // A copy: coordination swaps in place, and pinnedSequence may be the same array.
      sequence: Int32Array.from(solution.sequence),
      plannedDeviation: solution.deviation,
      pinnedOptimum: solution.pinnedOptimum,
      pinnedSequence: solution.pinnedSequence,
      optimal: solution.optimal,
      rulesHonoured: solution.rulesHonoured,
      shortageSlots: [],
      shortageCategories: new Set<number>(),
      coordinated: new Set<number>(),
      aligned: new Set<number>(),
      channelIndex,
    };
  });

  // --- coordinate the channels per calendar period (keeps every channel's B, see coordinate.ts)
  const periodKeyOf = (slot: SlotInfo): string => (request.options.balancePeriod === 'week' ? slot.week : slot.month);
  const periodKeys = [...new Set(plans.flatMap((plan) => plan.slots.map(periodKeyOf)))].sort();
  const periodIndex = new Map(periodKeys.map((key, index) => [key, index]));
  if (request.options.balancePeriod !== 'none') {
    progress('balancing the monthly mix across channels', channelSlots.length, channelSlots.length + 1);
    const outcome = coordinatePeriods({
      shares,
      periodCount: periodKeys.length,
      channels: plans.map((plan) => ({
        sequence: plan.sequence,
        problem: plan.problem,
        period: Int32Array.from(plan.slots, (slot) => periodIndex.get(periodKeyOf(slot))!),
        bound: plan.plannedDeviation,
        adjustable: plan.rulesHonoured,
        day: Int32Array.from(plan.slots, (slot) => slot.day),
      })),
    });
    plans.forEach((plan, index) => {
      plan.coordinated = outcome.changed[index];
      plan.aligned = outcome.aligned[index];
      if (plan.coordinated.size > 0 || plan.aligned.size > 0) plan.plannedDeviation = prefixDeviation(plan.sequence, shares);
    });
  }

  // --- backlog: earliest expiry first, sweeping all slots in time order
  const backlogDayBounds = request.backlog.map((item) => ({
    earliestDay: item.earliest ? dayNumberOfDate(item.earliest) : -Infinity,
    latestDay: item.latest ? dayNumberOfDate(item.latest) : Infinity,
  }));
  const pool = new BacklogPool(
    request.backlog.map((item, index) => ({
      index,
      categoryIndex: categoryIndex.get(item.categoryId) ?? 0,
      earliestDay: backlogDayBounds[index].earliestDay,
      latestDay: backlogDayBounds[index].latestDay,
      channelIds: item.channelIds && item.channelIds.length > 0 ? item.channelIds : null,
    })),
    categoryCount,
  );
  const backlogCount = new Array(categoryCount).fill(0);
  const backlogAnyChannel = new Array(categoryCount).fill(false);
  const backlogChannels = Array.from({ length: categoryCount }, () => new Set<string>());
  for (const item of request.backlog) {
    const index = categoryIndex.get(item.categoryId) ?? 0;
    backlogCount[index]++;
    if (!item.channelIds || item.channelIds.length === 0) backlogAnyChannel[index] = true;
    else for (const channelId of item.channelIds) backlogChannels[index].add(channelId);
  }
  const missingItemText = (category: number, channelId: string, date: string): string => {
    const name = categories[category].name;
    if (backlogCount[category] === 0) return `no ${name} item in the backlog`;
    if (!backlogAnyChannel[category] && !backlogChannels[category].has(channelId)) {
      return `no ${name} item in the backlog for ${channelName(channelId)}`;
    }
    return `every ${name} item for ${channelName(channelId)} is used or outside its dates on ${date}`;
  };

  const periodNoun = request.options.balancePeriod === 'week' ? 'weekly' : 'monthly';
  const sweep = plans.flatMap((plan) => plan.slots).sort((a, b) => a.startMs - b.startMs || a.channelIndex - b.channelIndex || a.position - b.position);
  const running = plans.map(() => new Int32Array(categoryCount));
  const postsSoFar = plans.map(() => 0);
  const weekCounts = plans.map((plan) => {
    const counts = new Int32Array(categoryCount * Math.max(1, plan.weekCount));
    plan.sequence.forEach((category, position) => {
      if (category !== NO_CATEGORY) counts[category * plan.weekCount + plan.weekOf[position]]++;
    });
    return counts;
  });

  // A backlog item placed on one channel goes to the other channels with its category that day
  // too (where it fits): one post for all of them, not one item per channel.
  const itemsOfDay = new Map<number, PoolItem[]>();
  const itemChannels = new Map<number, Set<string>>();
  const takeItem = (category: number, channelId: string, day: number): PoolItem | undefined => {
    const key = day * categoryCount + category;
    for (const item of itemsOfDay.get(key) ?? []) {
      const on = itemChannels.get(item.index)!;
      if (!on.has(channelId) && (item.channelIds === null || item.channelIds.includes(channelId))) {
        on.add(channelId);
        return item;
      }
    }
    const item = pool.take(category, channelId, day);
    if (item) {
      itemsOfDay.set(key, [...(itemsOfDay.get(key) ?? []), item]);
      itemChannels.set(item.index, new Set([channelId]));
    }
    return item;
  };

  const assignments: PlanAssignment[] = new Array(request.slots.length);
  const lagText = (category: number, lag: number, channelId: string): string => {
    const name = categories[category].name;
    if (lag > 0.05) return `${name} is ${round(lag, 1)} posts behind target on ${channelName(channelId)}`;
    if (lag < -0.05) return `${name} is ${round(-lag, 1)} posts ahead of target on ${channelName(channelId)}, kept to hold the mix within its bound`;
    return `${name} is on target on ${channelName(channelId)}`;
  };

  for (const slot of sweep) {
    const plan = plans[slot.channelIndex];
    const position = slot.position;
    const counts = running[slot.channelIndex];
    const pin = plan.problem.pinned[position];
    if (pin !== NO_CATEGORY) {
      counts[pin]++;
      postsSoFar[slot.channelIndex]++;
      continue;
    }
    const lagOf = (category: number): number => (postsSoFar[slot.channelIndex] + 1) * shares[category] - counts[category];
    const periodNote = plan.aligned.has(position)
      ? ', lined up with the other channels that day so one post serves them all'
      : plan.coordinated.has(position)
        ? `, chosen here to keep the ${periodNoun} mix of all channels on target`
        : '';
    let category = plan.sequence[position];
    let item = takeItem(category, plan.channelId, slot.day);
    let reason: string;
    if (item) {
      reason = `${lagText(category, lagOf(category), plan.channelId)}${periodNote}; backlog item ${describeItem(request.backlog[item.index])}`;
    } else if (request.options.placeholders) {
      reason = `placeholder: ${missingItemText(category, plan.channelId, slot.date)} (${lagText(category, lagOf(category), plan.channelId)}${periodNote})`;
    } else {
      const shortText = missingItemText(category, plan.channelId, slot.date);
      plan.shortageCategories.add(category);
      plan.shortageSlots.push(position);
      const planned = category;
      const weekCountsOfPlan = weekCounts[slot.channelIndex];
      weekCountsOfPlan[planned * plan.weekCount + plan.weekOf[position]]--;
      plan.sequence[position] = NO_CATEGORY;
      const alternatives: number[] = [];
      for (let other = 0; other < categoryCount; other++) {
        if (other === planned || shares[other] <= 0) continue;
        if (!allowsAt(plan, other, position, minGap, maxPerWeek, weekCountsOfPlan)) continue;
        if (pool.has(other, plan.channelId, slot.day)) alternatives.push(other);
      }
      alternatives.sort((a, b) => lagOf(b) - lagOf(a) || a - b);
      if (alternatives.length > 0) {
        category = alternatives[0];
        item = takeItem(category, plan.channelId, slot.day);
        plan.sequence[position] = category;
        weekCountsOfPlan[category * plan.weekCount + plan.weekOf[position]]++;
        reason = `${categories[category].name} instead of ${categories[planned].name} (${shortText}); ${lagText(category, lagOf(category), plan.channelId)}; backlog item ${describeItem(request.backlog[item!.index])}`;
      } else {
        category = NO_CATEGORY;
        reason = `left open: ${shortText} and no other category has a fitting item (placeholders are off)`;
      }
    }
    if (category !== NO_CATEGORY) {
      counts[category]++;
      postsSoFar[slot.channelIndex]++;
    }
    assignments[slot.inputIndex] = {
      slotId: slot.id,
      channelId: plan.channelId,
      categoryId: category === NO_CATEGORY ? null : categories[category].id,
      itemId: item ? request.backlog[item.index].id : null,
      placeholder: category !== NO_CATEGORY && !item,
      reason,
    };
  }

  const pieces = groupPieces(sweep, assignments);

  // --- metrics, causes and violations
  const positiveCategories = shares.filter((share) => share > 0).length;
  const lowerBound = 1 - Math.max(...shares);
  const tijdeman = tijdemanBound(positiveCategories);
  const sequenceMetrics = (sequence: ArrayLike<number>, pinnedCount: number, optimum: number | null, causes: ExcessCause[]): SequenceMetrics => {
    const planned = new Array(categoryCount).fill(0);
    let posts = 0;
    for (let k = 0; k < sequence.length; k++) {
      if (sequence[k] === NO_CATEGORY) continue;
      planned[sequence[k]]++;
      posts++;
    }
    return {
      posts,
      pinned: pinnedCount,
      maxPrefixDeviation: prefixDeviation(sequence, shares),
      optimalPrefixDeviation: optimum,
      lowerBound,
      tijdemanBound: tijdeman,
      windowDeviation: windowDeviation(sequence, shares, windowSize),
      windowSize: Math.min(windowSize, posts),
      categories: categories.map((category, index) => ({ categoryId: category.id, target: posts * shares[index], planned: planned[index] })),
      excessCauses: causes,
    };
  };

  const channelMetrics: ChannelMetrics[] = plans.map((plan) => {
    const pinnedCount = plan.problem.pinned.reduce((count, pin) => count + (pin === NO_CATEGORY ? 0 : 1), 0);
    const deviation = prefixDeviation(plan.sequence, shares);
    const causes = explainExcess(plan, deviation, { shares, categories, minGap, maxPerWeek, channelName });
    const optimum = plan.optimal && plan.shortageSlots.length === 0 ? plan.plannedDeviation : null;
    return { channelId: plan.channelId, ...sequenceMetrics(plan.sequence, pinnedCount, optimum, causes) };
  });

  const merged = sweep.map((slot) => plans[slot.channelIndex].sequence[slot.position]);
  const overall = sequenceMetrics(
    merged,
    request.pinned.length,
    null,
    channelMetrics.flatMap((metrics) => metrics.excessCauses),
  );

  // Periods over all channels, as the mix report counts them (one post per channel it is on).
  const periodPlanned = new Int32Array(periodKeys.length * categoryCount);
  const periodPosts = new Int32Array(periodKeys.length);
  for (const plan of plans) {
    plan.sequence.forEach((category, position) => {
      if (category === NO_CATEGORY) return;
      const period = periodIndex.get(periodKeyOf(plan.slots[position]))!;
      periodPlanned[period * categoryCount + category]++;
      periodPosts[period]++;
    });
  }
  const periods: PeriodMetrics[] = periodKeys.map((key, period) => {
    let maxDeviation = 0;
    const rows = categories.map((category, index) => {
      const target = periodPosts[period] * shares[index];
      const planned = periodPlanned[period * categoryCount + index];
      maxDeviation = Math.max(maxDeviation, Math.abs(planned - target));
      return { categoryId: category.id, target, planned };
    });
    return { key, posts: periodPosts[period], categories: rows, maxDeviation };
  });

  const breaks = plans.map((plan) => findViolations(plan, categories, minGap, maxPerWeek));
  const violations = breaks.flatMap((found) => found.violations);
  const pinConflicts = breaks.flatMap((found) => found.pinConflicts);
  return {
    assignments: assignments.filter((assignment): assignment is PlanAssignment => assignment !== undefined),
    pieces,
    piecesToWrite: pieces.filter((piece) => piece.itemId === null).length,
    metrics: { channels: channelMetrics, overall, periods },
    violations,
    pinConflicts,
  };
};

/**
 * The plan's pieces of content: slots with the same category, local day and item (or none) are one
 * post, one slot per channel (a channel with two such slots that day gets a second piece).
 */
function groupPieces(sweep: readonly SlotInfo[], assignments: readonly (PlanAssignment | undefined)[]): PlanPiece[] {
  const pieces: PlanPiece[] = [];
  const open = new Map<string, Array<{ piece: PlanPiece; channels: Set<string> }>>();
  for (const slot of sweep) {
    const assignment = assignments[slot.inputIndex];
    if (!assignment || assignment.categoryId === null) continue;
    const key = `${slot.date}|${assignment.categoryId}|${assignment.itemId ?? ''}`;
    const candidates = open.get(key) ?? [];
    let target = candidates.find((candidate) => !candidate.channels.has(assignment.channelId));
    if (!target) {
      target = { piece: { date: slot.date, categoryId: assignment.categoryId, itemId: assignment.itemId, slotIds: [] }, channels: new Set() };
      candidates.push(target);
      open.set(key, candidates);
      pieces.push(target.piece);
    }
    target.piece.slotIds.push(slot.id);
    target.channels.add(assignment.channelId);
  }
  return pieces;
}

/** Rules as the category settings name them. */
const RULE_WORDS: Record<RuleName, string> = { noConsecutive: 'never two in a row', minGapSlots: 'minimum gap', maxPerWeek: 'weekly maximum' };

const describeItem = (item: PlanRequest['backlog'][number]): string => {
  const label = item.title ? `'${item.title}'` : `'${item.id}'`;
  return item.latest ? `${label} expires ${item.latest}` : `${label} (no expiry)`;
};

const allowsAt = (
  plan: ChannelPlan,
  category: number,
  position: number,
  minGap: number[],
  maxPerWeek: number[],
  weekCounts: Int32Array,
): boolean => {
  const gap = minGap[category];
  for (let distance = 1; distance <= gap; distance++) {
    if (position - distance >= 0 && plan.sequence[position - distance] === category) return false;
    if (position + distance < plan.sequence.length && plan.sequence[position + distance] === category) return false;
  }
  return weekCounts[category * plan.weekCount + plan.weekOf[position]] + 1 <= maxPerWeek[category];
};

interface ExplainContext {
  shares: number[];
  categories: PlanRequest['categories'];
  minGap: number[];
  maxPerWeek: number[];
  channelName: (channelId: string) => string;
}

/** Why the channel's B exceeds the optimum it would have without pins, rules and shortages. */
const explainExcess = (plan: ChannelPlan, deviation: number, context: ExplainContext): ExcessCause[] => {
  const { shares, categories, minGap, maxPerWeek } = context;
  const total = plan.problem.pinned.length;
  const unpinned: ChannelProblem = { ...plan.problem, pinned: new Int32Array(total).fill(NO_CATEGORY) };
  const freeOptimum = prefixDeviation(optimalPinnedBound(unpinned).sequence, shares);
  if (deviation <= freeOptimum + EPSILON) return [];
  const causes: ExcessCause[] = [];
  const where = ` on ${context.channelName(plan.channelId)}`;

  if (plan.pinnedOptimum > freeOptimum + EPSILON) {
    // Find where the pin-optimal bound is tight to name the pins that force it.
    const worst = worstPrefix(plan.pinnedSequence, shares);
    const blamed: string[] = [];
    for (let k = 0; k <= worst.position && blamed.length < MAX_LISTED_SLOTS; k++) {
      const pin = plan.problem.pinned[k];
      if (pin === NO_CATEGORY) continue;
      if ((worst.over && pin === worst.category) || (!worst.over && pin !== worst.category)) blamed.push(plan.slots[k].id);
    }
    causes.push({
      kind: 'pin',
      categoryId: categories[worst.category].id,
      rule: null,
      slotIds: blamed,
      message: `Posts already scheduled${where} ${worst.over ? 'give too much room to' : 'crowd out'} ${categories[worst.category].name} (up to ${plan.slots[worst.position].id}): the mix stays at least ${round(plan.pinnedOptimum)} posts off target, ${round(freeOptimum)} without them`,
    });
  }

  if (plan.plannedDeviation > plan.pinnedOptimum + EPSILON && !plan.rulesHonoured) {
    causes.push({
      kind: 'rule',
      categoryId: null,
      rule: null,
      slotIds: [],
      message: `No plan${where} meets every spacing and weekly rule (see the rules broken); the mix drifts ${round(plan.plannedDeviation, 1)} posts off target instead of ${round(plan.pinnedOptimum, 1)}`,
    });
  } else if (plan.plannedDeviation > plan.pinnedOptimum + EPSILON) {
    const ruleCauses: ExcessCause[] = [];
    categories.forEach((category, index) => {
      const rules: RuleName[] = [];
      if (category.noConsecutive) rules.push('noConsecutive');
      if ((category.minGapSlots ?? 0) > 0) rules.push('minGapSlots');
      if (category.maxPerWeek !== null && category.maxPerWeek !== undefined) rules.push('maxPerWeek');
      for (const rule of rules) {
        const relaxedGap = [...minGap];
        const relaxedMax = [...maxPerWeek];
        if (rule === 'maxPerWeek') relaxedMax[index] = Infinity;
        else if (rule === 'noConsecutive') relaxedGap[index] = category.minGapSlots ?? 0;
        else relaxedGap[index] = category.noConsecutive ? 1 : 0;
        const relaxed = bestBoundWithRules({ ...plan.problem, minGap: relaxedGap, maxPerWeek: relaxedMax }, plan.pinnedOptimum);
        if (Number.isFinite(relaxed) && relaxed < plan.plannedDeviation - EPSILON) {
          ruleCauses.push({
            kind: 'rule',
            categoryId: category.id,
            rule,
            slotIds: [],
            message: `The ${RULE_WORDS[rule]} rule on ${category.name}${where} lets the mix drift ${round(plan.plannedDeviation, 1)} posts off target instead of ${round(relaxed, 1)}`,
          });
        }
      }
    });
    if (ruleCauses.length === 0) {
      causes.push({
        kind: 'rule',
        categoryId: null,
        rule: null,
        slotIds: [],
        message: `The spacing and weekly rules together${where} let the mix drift ${round(plan.plannedDeviation, 1)} posts off target instead of ${round(plan.pinnedOptimum, 1)}`,
      });
    } else causes.push(...ruleCauses);
  }

  if (deviation > plan.plannedDeviation + EPSILON) {
    causes.push({
      kind: 'shortage',
      categoryId: null,
      rule: null,
      slotIds: plan.shortageSlots.slice(0, MAX_LISTED_SLOTS).map((position) => plan.slots[position].id),
      message: `Too few backlog items${where} (${[...plan.shortageCategories].map((index) => categories[index].name).join(', ')}) let the mix drift ${round(deviation, 1)} posts off target instead of ${round(plan.plannedDeviation, 1)}`,
    });
  }
  return causes;
};

const worstPrefix = (sequence: Int32Array, shares: number[]): { category: number; position: number; over: boolean } => {
  const counts = new Float64Array(shares.length);
  let worst = { category: 0, position: 0, over: true, deviation: -1 };
  let length = 0;
  for (let k = 0; k < sequence.length; k++) {
    if (sequence[k] === NO_CATEGORY) continue;
    counts[sequence[k]]++;
    length++;
    for (let i = 0; i < shares.length; i++) {
      const difference = counts[i] - length * shares[i];
      if (Math.abs(difference) > worst.deviation + EPSILON) worst = { category: i, position: k, over: difference > 0, deviation: Math.abs(difference) };
    }
  }
  return worst;
};

/**
 * Rule breaks of a channel's final sequence. A break that involves only pinned posts (two adjacent
 * pins, a week whose pins alone exceed the cap) is a pin conflict: the plan cannot undo it.
 */
const findViolations = (
  plan: ChannelPlan,
  categories: PlanRequest['categories'],
  minGap: number[],
  maxPerWeek: number[],
): { violations: PlanViolation[]; pinConflicts: PlanViolation[] } => {
  const violations: PlanViolation[] = [];
  const pinConflicts: PlanViolation[] = [];
  const isPinned = (position: number): boolean => plan.problem.pinned[position] !== NO_CATEGORY;
  const lastSeen = new Array(categories.length).fill(-1);
  const perWeek = new Map<string, number>();
  const plannedPerWeek = new Map<string, number>();
  plan.sequence.forEach((category, position) => {
    if (category === NO_CATEGORY || isPinned(position)) return;
    const key = `${category}:${plan.slots[position].week}`;
    plannedPerWeek.set(key, (plannedPerWeek.get(key) ?? 0) + 1);
  });
  plan.sequence.forEach((category, position) => {
    if (category === NO_CATEGORY) return;
    const slot = plan.slots[position];
    const definition = categories[category];
    const previous = lastSeen[category];
    if (previous >= 0 && position - previous <= minGap[category]) {
      const adjacent = position - previous === 1 && definition.noConsecutive;
      (isPinned(previous) && isPinned(position) ? pinConflicts : violations).push({
        rule: adjacent ? 'noConsecutive' : 'minGapSlots',
        categoryId: definition.id,
        channelId: plan.channelId,
        slotId: slot.id,
        message: adjacent
          ? `${definition.name} twice in a row (slots ${plan.slots[previous].id} and ${slot.id})`
          : `${definition.name} only ${position - previous - 1} slots after slot ${plan.slots[previous].id} (minimum ${minGap[category]})`,
      });
    }
    lastSeen[category] = position;
    const key = `${category}:${slot.week}`;
    const count = (perWeek.get(key) ?? 0) + 1;
    perWeek.set(key, count);
    if (count > maxPerWeek[category]) {
      (plannedPerWeek.has(key) ? violations : pinConflicts).push({
        rule: 'maxPerWeek',
        categoryId: definition.id,
        channelId: plan.channelId,
        slotId: slot.id,
        message: `${definition.name} post ${count} in week ${slot.week} (maximum ${maxPerWeek[category]})`,
      });
    }
  });
  return { violations, pinConflicts };
};
