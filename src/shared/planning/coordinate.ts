// Cross-channel coordination: each channel is balanced on its own (exact B per channel), but the
// mix panel sums all channels per calendar period, and independent optima can drift by 2-3 posts
// a month in aggregate. Many sequences reach a channel's B, so this post-pass picks among them.
// The objective is the aggregate period deviation d = count − share × posts of every period and
// category: first the excess of |d| over one post (the mix report's ±1 "on target" band), then
// the sum of d². Two moves, both within one channel and both keeping that channel's B (never above
// the B it already has) and every spacing and weekly rule:
//   1. Swap: exchange the categories of two free slots on either side of a period boundary.
//      Slots a < b (i at a, j at b) change prefix counts only on [a, b): x_i − 1 and x_j + 1, so
//      the bound check costs O(b − a). Cheap; run to a local optimum.
//   2. Exchange: when excess remains (typically pins crowding the first period), ask the exact
//      channel solver for a sequence whose counts at every boundary are held, except one unit of
//      i moved out of period p and one of j moved in. This reaches count changes no single swap
//      can (the channel needs a rearrangement inside the period first).
import { NO_CATEGORY, sequenceWithinBound } from './balance';
import type { ChannelProblem } from './balance';

const EPSILON = 1e-9;
/** Deviations are pushed inside ±(1 − margin) so float noise in share × posts cannot read as "over". */
const BAND = 1 - 1e-6;
/** Positions considered on each side of a period boundary by the swap search. */
const DEFAULT_REACH = 12;
const MAX_SWAP_PASSES = 200;
const MAX_ROUNDS = 4;
/** Solver calls per exchange search (each is O(n·T), more with rules). */
const MAX_EXCHANGE_ATTEMPTS = 400;
const MAX_EXCHANGE_ATTEMPTS_WITH_RULES = 60;
/** Slot work the exchange search may spend in all (attempts × slots): long plans get fewer attempts. */
const EXCHANGE_SLOT_BUDGET = 2_000_000;
/** Long swaps per channel and call, and slots tried on each side of a promising pair of buckets. */
const MAX_LONG_SWAPS = 2000;
/** Search budget of one exchange attempt when rules apply (the full solve gets 20 nodes a slot). */
const EXCHANGE_SEARCH_NODES_PER_SLOT = 3;
const EXCHANGE_SEARCH_MIN_NODES = 2000;
const LONG_SWAP_TRIES = 8;
/** Slot steps of bound checks one long-swap search may spend (a year of five channels needs a small part of it). */
const LONG_SWAP_WORK = 20_000_000;
/** Day alignment: positions looked ahead within one period, passes, and bound-check work in all. */
const ALIGN_REACH = 40;
const MAX_ALIGN_PASSES = 20;
const ALIGN_WORK = 20_000_000;

export interface CoordinatedChannel {
  /** Full sequence (pins included, no open slots); replaced in place. */
  sequence: Int32Array;
  /** The channel's problem (pins, rules, weeks) for the exact solver. */
  problem: ChannelProblem;
  /** Period index (0..periodCount−1, non-decreasing) per position. */
  period: Int32Array;
  /** Largest prefix deviation the channel may reach (its B before coordination). */
  bound: number;
  /** Channels whose sequence already breaks a rule are left alone. */
  adjustable: boolean;
  /** Local day number per position: with it, a last pass lines categories up across channels by day. */
  day?: Int32Array;
}

export interface CoordinationProblem {
  shares: number[];
  periodCount: number;
  channels: CoordinatedChannel[];
  /** Positions considered on each side of a boundary by the swap search (default 12). */
  reach?: number;
}

export interface CoordinationOutcome {
  swaps: number;
  exchanges: number;
  /** Per channel: positions whose category the period coordination changed. */
  changed: Array<Set<number>>;
  /** Swaps of the day alignment, and per channel the positions it changed. */
  alignments: number;
  aligned: Array<Set<number>>;
}

const excess = (deviation: number): number => {
  const size = Math.abs(deviation) - BAND;
  return size > 0 ? size : 0;
};

/** Aggregate count matrix (period × category) and posts per period over all channels. */
export const periodCounts = (
  channels: ReadonlyArray<Pick<CoordinatedChannel, 'sequence' | 'period'>>,
  periodCount: number,
  categoryCount: number,
): { counts: Float64Array; totals: Float64Array } => {
  const counts = new Float64Array(periodCount * categoryCount);
  const totals = new Float64Array(periodCount);
  for (const channel of channels) {
    for (let k = 0; k < channel.sequence.length; k++) {
      const category = channel.sequence[k];
      if (category === NO_CATEGORY) continue;
      counts[channel.period[k] * categoryCount + category]++;
      totals[channel.period[k]]++;
    }
  }
  return { counts, totals };
};

interface ChannelState {
  channel: CoordinatedChannel;
  /** prefix[i * (T + 1) + k] = posts of category i among positions 0..k−1. */
  prefix: Int32Array;
  weekCounts: Int32Array;
  weekCount: number;
  /** Last position of each period run: a boundary lies between it and the next position. */
  boundaries: number[];
  /** Bumped whenever the sequence changes: failed exchanges are remembered per version. */
  version: number;
}

export const coordinatePeriods = (problem: CoordinationProblem): CoordinationOutcome => {
  const { shares, periodCount, channels } = problem;
  const reach = problem.reach ?? DEFAULT_REACH;
  const categoryCount = shares.length;
  const original = channels.map((channel) => Int32Array.from(channel.sequence));
  const changed = channels.map(() => new Set<number>());
  const aligned = channels.map(() => new Set<number>());
  if (periodCount < 1) return { swaps: 0, exchanges: 0, changed, alignments: 0, aligned };

  const { counts, totals } = periodCounts(channels, periodCount, categoryCount);
  const deviationOf = (period: number, category: number): number =>
    counts[period * categoryCount + category] - shares[category] * totals[period];
  /** cumulative[r * n + i] = Σ_{s ≤ r} deviation(s, i): the running drift at the end of period r. */
  const cumulative = new Float64Array(periodCount * categoryCount);
  const refreshCumulative = (): void => {
    for (let i = 0; i < categoryCount; i++) {
      let run = 0;
      for (let r = 0; r < periodCount; r++) {
        run += deviationOf(r, i);
        cumulative[r * categoryCount + i] = run;
      }
    }
  };
  refreshCumulative();

  // A move changes a few period counts by ±1: entries (period, category, amount), distinct pairs.
  const entryPeriod = new Int32Array(4);
  const entryCategory = new Int32Array(4);
  const entryAmount = new Int32Array(4);
  let entryCount = 0;
  const setSwapEntries = (p: number, q: number, i: number, j: number): void => {
    // i leaves period p for q, j leaves q for p (q = −1: i is replaced by j in p, nothing in return).
    entryPeriod[0] = p; entryCategory[0] = i; entryAmount[0] = -1;
    entryPeriod[1] = p; entryCategory[1] = j; entryAmount[1] = 1;
    entryCount = 2;
    if (q >= 0) {
      entryPeriod[2] = q; entryCategory[2] = i; entryAmount[2] = 1;
      entryPeriod[3] = q; entryCategory[3] = j; entryAmount[3] = -1;
      entryCount = 4;
    }
  };

  /**
   * Objective change of the current entries: [excess, squares]. Excess: of every period deviation
   * and of the whole range's deviation (the mix report's total row). Squares: of period deviations
   * plus the running drift at every period end, so neighbouring periods do not inherit a debt.
   */
  const evaluate = (): [number, number] => {
    let excessDelta = 0;
    let squareDelta = 0;
    let firstPeriod = periodCount;
    for (let e = 0; e < entryCount; e++) {
      const before = deviationOf(entryPeriod[e], entryCategory[e]);
      const after = before + entryAmount[e];
      excessDelta += excess(after) - excess(before);
      squareDelta += after * after - before * before;
      if (entryPeriod[e] < firstPeriod) firstPeriod = entryPeriod[e];
    }
    for (let c = 0; c < 2; c++) {
      const category = entryCategory[c]; // entries 0 and 1 name both categories
      let run = 0;
      for (let r = firstPeriod; r < periodCount; r++) {
        for (let e = 0; e < entryCount; e++) if (entryPeriod[e] === r && entryCategory[e] === category) run += entryAmount[e];
        if (run === 0) continue;
        const drift = cumulative[r * categoryCount + category];
        squareDelta += 2 * drift * run + run * run;
      }
    }
    return [excessDelta, squareDelta];
  };
  const improves = ([excessDelta, squareDelta]: [number, number]): boolean =>
    excessDelta < -EPSILON || (excessDelta < EPSILON && squareDelta < -EPSILON);

  const buildState = (channel: CoordinatedChannel): ChannelState => {
    const total = channel.sequence.length;
    const stride = total + 1;
    const week = channel.problem.week;
    const prefix = new Int32Array(categoryCount * stride);
    let weekCount = 0;
    for (let k = 0; k < total; k++) if (week[k] + 1 > weekCount) weekCount = week[k] + 1;
    const weekCounts = new Int32Array(categoryCount * Math.max(1, weekCount));
    for (let k = 0; k < total; k++) {
      for (let i = 0; i < categoryCount; i++) prefix[i * stride + k + 1] = prefix[i * stride + k];
      const category = channel.sequence[k];
      prefix[category * stride + k + 1]++;
      weekCounts[category * weekCount + week[k]]++;
    }
    const boundaries: number[] = [];
    for (let k = 0; k + 1 < total; k++) if (channel.period[k] !== channel.period[k + 1]) boundaries.push(k);
    return { channel, prefix, weekCounts, weekCount, boundaries, version: 0 };
  };

  const states: ChannelState[] = channels
    .filter((channel) => channel.adjustable && channel.sequence.length >= 1)
    .map(buildState);

  /**
   * Prefix bound after i loses and j gains one post over prefix lengths a+1..end:
   * x_i − 1 ≥ k·r_i − B and x_j + 1 ≤ k·r_j + B.
   */
  /** Prefix positions looked at by keepsBound: the work the long-swap search is allowed. */
  let boundSteps = 0;
  const keepsBound = (state: ChannelState, a: number, end: number, i: number, j: number): boolean => {
    const { prefix, channel } = state;
    const stride = channel.sequence.length + 1;
    const limit = channel.bound + EPSILON;
    for (let length = a + 1; length <= end; length++) {
      if (length * shares[i] - (prefix[i * stride + length] - 1) > limit || prefix[j * stride + length] + 1 - length * shares[j] > limit) {
        boundSteps += length - a;
        return false;
      }
    }
    boundSteps += end - a;
    return true;
  };

  /** `category` placed at `position` keeps spacing and weekly caps; the slot at `vacated` (or −1) changes too. */
  const keepsRules = (state: ChannelState, position: number, vacated: number, category: number): boolean => {
    const { sequence, problem: channelProblem } = state.channel;
    const { minGap, maxPerWeek, week } = channelProblem;
    const gap = minGap[category];
    for (let distance = 1; distance <= gap; distance++) {
      const before = position - distance;
      const after = position + distance;
      if (before >= 0 && before !== vacated && sequence[before] === category) return false;
      if (after < sequence.length && after !== vacated && sequence[after] === category) return false;
    }
    if (Number.isFinite(maxPerWeek[category]) && (vacated < 0 || week[position] !== week[vacated])) {
      if (state.weekCounts[category * state.weekCount + week[position]] + 1 > maxPerWeek[category]) return false;
    }
    return true;
  };

  /** Slot a turns from i to j, and slot b (or none: −1) from j to i. */
  /** `refresh` = false for a swap inside one period: the period counts, and so the drift, stay as they are. */
  const applyMove = (state: ChannelState, a: number, b: number, i: number, j: number, refresh = true): void => {
    const { channel, prefix, weekCounts, weekCount } = state;
    const total = channel.sequence.length;
    const stride = total + 1;
    const week = channel.problem.week;
    const end = b < 0 ? total : b;
    for (let length = a + 1; length <= end; length++) {
      prefix[i * stride + length]--;
      prefix[j * stride + length]++;
    }
    channel.sequence[a] = j;
    weekCounts[i * weekCount + week[a]]--;
    weekCounts[j * weekCount + week[a]]++;
    counts[channel.period[a] * categoryCount + i]--;
    counts[channel.period[a] * categoryCount + j]++;
    if (b >= 0) {
      channel.sequence[b] = i;
      weekCounts[j * weekCount + week[b]]--;
      weekCounts[i * weekCount + week[b]]++;
      counts[channel.period[b] * categoryCount + i]++;
      counts[channel.period[b] * categoryCount + j]--;
    }
    state.version++;
    if (refresh) refreshCumulative();
  };

  let swaps = 0;
  const swapSearch = (): boolean => {
    let any = false;
    for (let pass = 0; pass < MAX_SWAP_PASSES; pass++) {
      let improved = false;
      for (const state of states) {
        const { sequence, period, problem: channelProblem } = state.channel;
        const pinned = channelProblem.pinned;
        const total = sequence.length;
        // Swaps across each period boundary.
        for (const boundary of state.boundaries) {
          for (let a = boundary; a >= 0 && a > boundary - reach; a--) {
            if (pinned[a] !== NO_CATEGORY) continue;
            for (let b = boundary + 1; b < total && b <= boundary + reach; b++) {
              if (pinned[b] !== NO_CATEGORY) continue;
              const i = sequence[a];
              const j = sequence[b];
              if (i === j) continue;
              setSwapEntries(period[a], period[b], i, j);
              if (!improves(evaluate())) continue;
              if (!keepsBound(state, a, b, i, j)) continue;
              if (!keepsRules(state, a, b, j) || !keepsRules(state, b, a, i)) continue;
              applyMove(state, a, b, i, j);
              swaps++;
              improved = true;
            }
          }
        }
        // Near the end a single slot may change category: it moves the channel's totals.
        for (let a = total - 1; a >= 0 && a >= total - reach; a--) {
          if (pinned[a] !== NO_CATEGORY) continue;
          for (let j = 0; j < categoryCount; j++) {
            const i = sequence[a];
            if (j === i || shares[j] <= 0) continue;
            setSwapEntries(period[a], -1, i, j);
            if (!improves(evaluate())) continue;
            if (!keepsBound(state, a, total, i, j) || !keepsRules(state, a, -1, j)) continue;
            applyMove(state, a, -1, i, j);
            swaps++;
            improved = true;
          }
        }
      }
      if (!improved) break;
      any = true;
    }
    return any;
  };

  /**
   * Repair: any two free slots of one channel in different periods, one of them in a period
   * outside the band. Only the two periods' counts change, so a period far away with room can
   * give a post without a chain of neighbour swaps. Accepts strict excess improvements only.
   * Whether a swap helps depends only on the two slots' (period, category), so free slots are
   * bucketed by that pair and each pair of buckets is evaluated once: linear in the slots, not
   * quadratic. Only then are a few concrete slot pairs (nearest each other first) checked
   * against the bound and the rules.
   */
  const longSwapSearch = (): boolean => {
    let any = false;
    const startSteps = boundSteps;
    const spent = () => boundSteps - startSteps > LONG_SWAP_WORK;
    for (const state of states) {
      const { sequence, period, problem: channelProblem } = state.channel;
      const pinned = channelProblem.pinned;
      const total = sequence.length;
      const bucketOf = (p: number, c: number): number => p * categoryCount + c;
      for (let move = 0; move < MAX_LONG_SWAPS; move++) {
        const buckets: number[][] = Array.from({ length: periodCount * categoryCount }, () => []);
        for (let x = 0; x < total; x++) if (pinned[x] === NO_CATEGORY) buckets[bucketOf(period[x], sequence[x])].push(x);
        if (!tryOneLongSwap(state, buckets, bucketOf, spent) || spent()) break;
        swaps++;
        any = true;
      }
    }
    return any;
  };

  /** Finds and applies one long swap that lowers the excess; false when none exists (or the work budget is spent). */
  const tryOneLongSwap = (state: ChannelState, buckets: number[][], bucketOf: (p: number, c: number) => number, spent: () => boolean): boolean => {
    const { sequence } = state.channel;
    for (let p = 0; p < periodCount; p++) {
      let hasExcess = false;
      for (let c = 0; c < categoryCount; c++) if (excess(deviationOf(p, c)) > 0) hasExcess = true;
      if (!hasExcess) continue;
      for (let i = 0; i < categoryCount; i++) {
        const from = buckets[bucketOf(p, i)];
        if (from.length === 0) continue;
        const shedsI = deviationOf(p, i) > BAND;
        for (let j = 0; j < categoryCount; j++) {
          if (j === i) continue;
          // p's side must help: it has too many of i or too few of j (cheap filters before evaluate)
          if (!shedsI && !(deviationOf(p, j) < -BAND)) continue;
          for (let q = 0; q < periodCount; q++) {
            if (q === p) continue;
            const to = buckets[bucketOf(q, j)];
            if (to.length === 0) continue;
            // and q's side must not tip out of the band
            if (excess(deviationOf(q, i) + 1) > excess(deviationOf(q, i)) || excess(deviationOf(q, j) - 1) > excess(deviationOf(q, j))) continue;
            setSwapEntries(p, q, i, j);
            if (!(evaluate()[0] < -EPSILON)) continue;
            // slots of p nearest q, and of q nearest p, first: short bound checks, likelier to fit
            const xs = q > p ? from.slice(-LONG_SWAP_TRIES).reverse() : from.slice(0, LONG_SWAP_TRIES);
            const ys = q > p ? to.slice(0, LONG_SWAP_TRIES) : to.slice(-LONG_SWAP_TRIES).reverse();
            for (const x of xs) {
              for (const y of ys) {
                const a = x < y ? x : y;
                const b = x < y ? y : x;
                const ia = sequence[a];
                const jb = sequence[b];
                if (spent()) return false;
                if (!keepsBound(state, a, b, ia, jb)) continue;
                if (!keepsRules(state, a, b, jb) || !keepsRules(state, b, a, ia)) continue;
                applyMove(state, a, b, ia, jb);
                return true;
              }
            }
          }
        }
      }
    }
    return false;
  };

  const totalExcess = (): number => {
    let sum = 0;
    for (let p = 0; p < periodCount; p++) for (let i = 0; i < categoryCount; i++) sum += excess(deviationOf(p, i));
    return sum;
  };

  /** Cumulative counts (pins included) at every boundary and at the end, keyed by prefix length. */
  const heldCounts = (state: ChannelState): Map<number, Int32Array> => {
    const total = state.channel.sequence.length;
    const stride = total + 1;
    const targets = new Map<number, Int32Array>();
    for (const length of [...state.boundaries.map((boundary) => boundary + 1), total]) {
      targets.set(length, Int32Array.from({ length: categoryCount }, (_, i) => state.prefix[i * stride + length]));
    }
    return targets;
  };

  let exchanges = 0;
  let attempts = 0;
  const slotCount = states.reduce((sum, state) => sum + state.channel.sequence.length, 0);
  // With spacing or weekly rules each attempt is a search that mostly runs out: fewer of them.
  const withRules = states.some((state) => state.channel.problem.minGap.some((g) => g > 0) || state.channel.problem.maxPerWeek.some(Number.isFinite));
  const maxAttempts = Math.max(4, Math.min(withRules ? MAX_EXCHANGE_ATTEMPTS_WITH_RULES : MAX_EXCHANGE_ATTEMPTS, Math.floor(EXCHANGE_SLOT_BUDGET / Math.max(1, slotCount))));
  /** Exchanges the solver refused, keyed by channel version, cut and categories. */
  const refused = new Set<string>();
  const exchangeSearch = (): boolean => {
    let any = false;
    for (;;) {
      if (attempts >= maxAttempts) return any;
      // Every (channel, cut, i out, j in) that would lower the excess, best first. A cut is a
      // period boundary (i moves to the next period, j back) or the channel's end (i becomes j).
      const candidates: Array<{ state: ChannelState; key: string; length: number; i: number; j: number; gain: number; squares: number }> = [];
      states.forEach((state, stateIndex) => {
        const { period, sequence } = state.channel;
        const total = sequence.length;
        for (const length of [...state.boundaries.map((boundary) => boundary + 1), total]) {
          const p = period[length - 1];
          const q = length < total ? period[length] : -1;
          for (let i = 0; i < categoryCount; i++) {
            for (let j = 0; j < categoryCount; j++) {
              if (i === j || shares[j] <= 0) continue;
              setSwapEntries(p, q, i, j);
              const [excessDelta, squareDelta] = evaluate();
              if (excessDelta >= -EPSILON) continue;
              const key = `${stateIndex}:${state.version}:${length}:${i}:${j}`;
              if (!refused.has(key)) candidates.push({ state, key, length, i, j, gain: excessDelta, squares: squareDelta });
            }
          }
        }
      });
      if (candidates.length === 0) return any;
      candidates.sort((x, y) => x.gain - y.gain || x.squares - y.squares);
      let accepted = false;
      for (const { state, key, length, i, j } of candidates) {
        if (attempts >= maxAttempts) return any;
        refused.add(key);
        const targets = heldCounts(state);
        const moved = targets.get(length)!;
        if (moved[i] === 0) continue;
        moved[i]--;
        moved[j]++;
        attempts++;
        // A rearrangement the rules allow is found within a few nodes per slot or not at all: a
        // small search budget keeps the many refused attempts cheap (each would burn the full one).
        const searchBudget = Math.max(EXCHANGE_SEARCH_MIN_NODES, EXCHANGE_SEARCH_NODES_PER_SLOT * state.channel.sequence.length);
        const sequence = sequenceWithinBound({ ...state.channel.problem, prefixTargets: targets, searchBudget }, state.channel.bound);
        if (!sequence) continue;
        const { channel } = state;
        for (let k = 0; k < sequence.length; k++) {
          if (sequence[k] === channel.sequence[k]) continue;
          counts[channel.period[k] * categoryCount + channel.sequence[k]]--;
          counts[channel.period[k] * categoryCount + sequence[k]]++;
        }
        channel.sequence.set(sequence);
        const rebuilt = buildState(channel);
        state.prefix = rebuilt.prefix;
        state.weekCounts = rebuilt.weekCounts;
        state.version++;
        refreshCumulative();
        exchanges++;
        accepted = any = true;
        break;
      }
      if (!accepted) return any;
    }
  };

  /**
   * Day alignment: a team writes one post for every channel that carries the same category on the
   * same day, so fewer distinct (day, category) pieces among the free slots is less to write.
   * Only swaps inside one period of one channel: every period count stays as it is (so the
   * coordination objective does not move), and the bound and rule checks are the swaps' own. A
   * swap never gives one channel two slots of a category on one day (they would be two pieces).
   */
  const alignDays = (): number => {
    const withDays = channels.filter((channel) => channel.day);
    // lining up needs a second channel to line up with
    if (withDays.length < 2) return 0;
    let firstDay = Infinity;
    let lastDay = -Infinity;
    for (const { day } of withDays) {
      for (const d of day!) {
        if (d < firstDay) firstDay = d;
        if (d > lastDay) lastDay = d;
      }
    }
    const keyOf = (day: number, category: number): number => (day - firstDay) * categoryCount + category;
    const size = (lastDay - firstDay + 1) * categoryCount;
    // free slots per (day, category): over all channels, and per channel
    const together = new Int32Array(size);
    const own = new Map<CoordinatedChannel, Int32Array>();
    for (const channel of withDays) {
      const mine = new Int32Array(size);
      own.set(channel, mine);
      for (let k = 0; k < channel.sequence.length; k++) {
        if (channel.problem.pinned[k] !== NO_CATEGORY || channel.sequence[k] === NO_CATEGORY) continue;
        const key = keyOf(channel.day![k], channel.sequence[k]);
        together[key]++;
        mine[key]++;
      }
    }
    const move = (mine: Int32Array, key: number, by: number): void => {
      together[key] += by;
      mine[key] += by;
    };
    let count = 0;
    const start = boundSteps;
    // passes that only remove pieces first; then ties that concentrate slots are allowed too
    for (let pass = 0; pass < MAX_ALIGN_PASSES && boundSteps - start < ALIGN_WORK; pass++) {
      const allowTies = pass % 2 === 1;
      let improved = false;
      for (const state of states) {
        const { sequence, period, day, problem: channelProblem } = state.channel;
        const mine = own.get(state.channel);
        if (!day || !mine) continue;
        const pinned = channelProblem.pinned;
        const total = sequence.length;
        for (let a = 0; a < total; a++) {
          if (pinned[a] !== NO_CATEGORY || sequence[a] === NO_CATEGORY) continue;
          for (let b = a + 1; b < total && b <= a + ALIGN_REACH && period[b] === period[a]; b++) {
            const i = sequence[a];
            const j = sequence[b];
            if (pinned[b] !== NO_CATEGORY || i === j || day[a] === day[b] || j === NO_CATEGORY) continue;
            // the four keys are distinct because the days differ
            const aI = keyOf(day[a], i);
            const aJ = keyOf(day[a], j);
            const bI = keyOf(day[b], i);
            const bJ = keyOf(day[b], j);
            if (mine[aJ] > 0 || mine[bI] > 0) continue;
            const gain = (together[aI] === 1 ? -1 : 0) + (together[aJ] === 0 ? 1 : 0) + (together[bJ] === 1 ? -1 : 0) + (together[bI] === 0 ? 1 : 0);
            // ties go to the swap that piles more slots onto fewer pieces (Σ count² grows), which
            // opens the way for later swaps that do remove a piece; both steps are finite
            const concentration = 2 * (together[aJ] - together[aI] + together[bI] - together[bJ]) + 4;
            if (gain > 0 || (gain === 0 && (!allowTies || concentration <= 0))) continue;
            if (!keepsBound(state, a, b, i, j)) continue;
            if (!keepsRules(state, a, b, j) || !keepsRules(state, b, a, i)) continue;
            applyMove(state, a, b, i, j, false);
            move(mine, aI, -1);
            move(mine, aJ, 1);
            move(mine, bJ, -1);
            move(mine, bI, 1);
            count++;
            improved = true;
          }
        }
      }
      if (!improved && allowTies) break;
    }
    return count;
  };

  for (let round = 0; round < MAX_ROUNDS; round++) {
    const swapped = swapSearch();
    if (totalExcess() <= EPSILON) break;
    const exchanged = exchangeSearch();
    const longSwapped = longSwapSearch();
    if (!exchanged && !longSwapped && (!swapped || round > 0)) break;
  }

  channels.forEach((channel, index) => {
    for (let k = 0; k < channel.sequence.length; k++) if (channel.sequence[k] !== original[index][k]) changed[index].add(k);
  });

  /**
   * Day alignment: a team writes one post for every channel that carries the same category on the
   * same day, so fewer distinct (day, category) pieces among the free slots is less to write.
   * Only swaps inside one period of one channel: every period count stays as it is (so the
   * coordination objective does not move), and the bound and rule checks are the swaps' own.
   */
  const coordinated = channels.map((channel) => Int32Array.from(channel.sequence));
  const alignments = alignDays();
  channels.forEach((channel, index) => {
    for (let k = 0; k < channel.sequence.length; k++) if (channel.sequence[k] !== coordinated[index][k]) aligned[index].add(k);
  });
  return { swaps, exchanges, changed, alignments, aligned };
};
