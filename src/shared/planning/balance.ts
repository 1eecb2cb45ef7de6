// The balancing core: orders categories over one channel's slots so that the maximum prefix
// deviation B = max_{i,k} |x_ik − k·r_i| is as small as possible.
//
// Exact method with pins (see /research/balancing-theory.md): for a trial B the cumulative count
// x_ik must lie in [ceil(k·r_i − B), floor(k·r_i + B)]. Subtracting the pinned count p_ik turns this
// into bounds on f_i(m), the count over the first m FREE slots. After tightening (prefix max of the
// lower bounds, suffix min of the upper bounds) copy j of category i has a release (first m with
// hi ≥ j) and, if mandatory, a deadline (first m with lo ≥ j). Unit jobs with releases and deadlines
// on one machine that must fill every slot: earliest-deadline-first is exact (exchange argument), so
// the test is O(n·T) and binary search over the finite candidate set {|m − k·r_i|} gives B*.
// Spacing rules make the problem hard; then the same test runs as a budgeted depth-first search.

export const NO_CATEGORY = -1;
const EPSILON = 1e-9;

export interface ChannelProblem {
  /** Normalised target shares (sum 1). */
  shares: number[];
  /** Per position (time order): pinned category index or NO_CATEGORY. */
  pinned: Int32Array;
  /** Per category: minimum number of other slots between two of its posts (0 = no rule). */
  minGap: number[];
  /** Per category: maximum posts per week (Infinity = no rule). */
  maxPerWeek: number[];
  /** Per position: compact week index. */
  week: Int32Array;
  /** Depth-first search budget (nodes) per feasibility test when rules apply. */
  searchBudget?: number;
  /**
   * Optional exact cumulative counts: key k (prefix length) → count per category over the first k
   * positions, pins included. Used by the cross-channel coordination to hold a channel's counts at
   * period boundaries; they are just more prefix bounds, so the tests below stay exact.
   */
  prefixTargets?: ReadonlyMap<number, Int32Array>;
}

export interface ChannelSolution {
  sequence: Int32Array;
  /** Achieved B of the sequence. */
  deviation: number;
  /** Exact optimum with pins (rules ignored), and a sequence achieving it. */
  pinnedOptimum: number;
  pinnedSequence: Int32Array;
  /** True when the sequence honours every rule on free slots. */
  rulesHonoured: boolean;
  /** True when `deviation` is known to be optimal for the instance including rules. */
  optimal: boolean;
}

type Outcome = { sequence: Int32Array } | { sequence: null; exhausted: boolean };

interface Bounds {
  free: number;
  /** Positions of free slots, 1-based m → 0-based position. */
  freePositions: Int32Array;
  /** lo'/hi' per category, stride free + 1. */
  lower: Int32Array;
  upper: Int32Array;
  /** deadlines[i][j] = first free index m with lo'_i(m) ≥ j (j = 1..lo'_i(free)). */
  deadlines: Int32Array[];
}

const hasRules = (problem: ChannelProblem): boolean =>
  problem.minGap.some((gap) => gap > 0) || problem.maxPerWeek.some((max) => Number.isFinite(max));

/** Builds the tightened free-slot bounds for trial B, or null when the pins alone make B infeasible. */
const buildBounds = (problem: ChannelProblem, bound: number): Bounds | null => {
  const { shares, pinned } = problem;
  const categoryCount = shares.length;
  const total = pinned.length;
  let free = 0;
  for (let k = 0; k < total; k++) if (pinned[k] === NO_CATEGORY) free++;
  const stride = free + 1;
  const lower = new Int32Array(categoryCount * stride);
  const upper = new Int32Array(categoryCount * stride);
  for (let i = 0; i < categoryCount; i++) for (let m = 0; m <= free; m++) upper[i * stride + m] = m;
  const freePositions = new Int32Array(free + 1);
  const pinnedSoFar = new Int32Array(categoryCount);
  const targets = problem.prefixTargets;
  let m = 0;
  for (let k = 1; k <= total; k++) {
    const pin = pinned[k - 1];
    if (pin === NO_CATEGORY) freePositions[++m] = k - 1;
    else pinnedSoFar[pin]++;
    const target = targets?.get(k);
    for (let i = 0; i < categoryCount; i++) {
      const ideal = k * shares[i];
      let low = Math.ceil(ideal - bound - EPSILON) - pinnedSoFar[i];
      let high = Math.floor(ideal + bound + EPSILON) - pinnedSoFar[i];
      if (target) {
        low = Math.max(low, target[i] - pinnedSoFar[i]);
        high = Math.min(high, target[i] - pinnedSoFar[i]);
      }
      const index = i * stride + m;
      if (low > lower[index]) lower[index] = low;
      if (high < upper[index]) upper[index] = high;
    }
  }
  const deadlines: Int32Array[] = [];
  for (let i = 0; i < categoryCount; i++) {
    const base = i * stride;
    for (let j = 1; j <= free; j++) if (lower[base + j - 1] > lower[base + j]) lower[base + j] = lower[base + j - 1];
    for (let j = free - 1; j >= 0; j--) if (upper[base + j + 1] < upper[base + j]) upper[base + j] = upper[base + j + 1];
    if (lower[base] > 0 || upper[base] < 0) return null;
    for (let j = 0; j <= free; j++) if (lower[base + j] > upper[base + j]) return null;
    const mandatory = lower[base + free];
    const due = new Int32Array(mandatory + 1);
    let copy = 1;
    for (let j = 1; j <= free && copy <= mandatory; j++) {
      while (copy <= mandatory && lower[base + j] >= copy) due[copy++] = j;
    }
    deadlines.push(due);
  }
  return { free, freePositions, lower, upper, deadlines };
};

const pinnedPrefixCounts = (problem: ChannelProblem): Int32Array => {
  const categoryCount = problem.shares.length;
  const total = problem.pinned.length;
  const counts = new Int32Array(categoryCount * (total + 1));
  for (let k = 1; k <= total; k++) {
    for (let i = 0; i < categoryCount; i++) counts[i * (total + 1) + k] = counts[i * (total + 1) + k - 1];
    const pin = problem.pinned[k - 1];
    if (pin !== NO_CATEGORY) counts[pin * (total + 1) + k]++;
  }
  return counts;
};

/** Exact feasibility test without rules: earliest-deadline-first over the free slots. */
const earliestDeadlineFirst = (problem: ChannelProblem, bounds: Bounds): Int32Array | null => {
  const { shares, pinned } = problem;
  const categoryCount = shares.length;
  const { free, freePositions, lower, upper, deadlines } = bounds;
  const stride = free + 1;
  const sequence = Int32Array.from(pinned);
  const placed = new Int32Array(categoryCount);
  const running = new Int32Array(categoryCount);
  let nextPosition = 0;
  for (let m = 1; m <= free; m++) {
    const position = freePositions[m];
    for (; nextPosition < position; nextPosition++) running[pinned[nextPosition]]++;
    let best = NO_CATEGORY;
    let bestDeadline = Infinity;
    let bestLag = -Infinity;
    for (let i = 0; i < categoryCount; i++) {
      if (shares[i] <= 0) continue;
      const copy = placed[i] + 1;
      if (copy > upper[i * stride + m]) continue;
      const deadline = copy < deadlines[i].length ? deadlines[i][copy] : Infinity;
      const lag = (position + 1) * shares[i] - running[i];
      if (deadline < bestDeadline || (deadline === bestDeadline && lag > bestLag + EPSILON)) {
        best = i;
        bestDeadline = deadline;
        bestLag = lag;
      }
    }
    if (best === NO_CATEGORY) return null;
    placed[best]++;
    running[best]++;
    nextPosition = position + 1;
    sequence[position] = best;
    for (let i = 0; i < categoryCount; i++) if (placed[i] < lower[i * stride + m]) return null;
  }
  return sequence;
};

interface RuleTables {
  pinnedCounts: Int32Array;
  /** previous / next pinned position of each category around each position */
  previousPin: Int32Array;
  nextPin: Int32Array;
  weekCount: number;
  /** pinned posts per category and week */
  pinnedPerWeek: Int32Array;
  weekSize: Int32Array;
  indexInWeek: Int32Array;
}

// A channel's pins and weeks do not change between the many tests of one solve (or of one
// coordination pass), so their tables are built once per pinned array.
const ruleTableCache = new WeakMap<Int32Array, RuleTables>();
const ruleTables = (problem: ChannelProblem): RuleTables => {
  const cached = ruleTableCache.get(problem.pinned);
  if (cached && cached.indexInWeek.length === problem.week.length) return cached;
  const { shares, pinned, week } = problem;
  const categoryCount = shares.length;
  const total = pinned.length;
  const previousPin = new Int32Array(categoryCount * total).fill(-1);
  const nextPin = new Int32Array(categoryCount * total).fill(-1);
  for (let i = 0; i < categoryCount; i++) {
    let last = -1;
    for (let k = 0; k < total; k++) {
      previousPin[i * total + k] = last;
      if (pinned[k] === i) last = k;
    }
    let next = -1;
    for (let k = total - 1; k >= 0; k--) {
      nextPin[i * total + k] = next;
      if (pinned[k] === i) next = k;
    }
  }
  let weekCount = 0;
  for (let k = 0; k < total; k++) if (week[k] + 1 > weekCount) weekCount = week[k] + 1;
  const pinnedPerWeek = new Int32Array(categoryCount * Math.max(1, weekCount));
  for (let k = 0; k < total; k++) if (pinned[k] !== NO_CATEGORY) pinnedPerWeek[pinned[k] * weekCount + week[k]]++;
  const weekSize = new Int32Array(Math.max(1, weekCount));
  const indexInWeek = new Int32Array(total);
  for (let k = 0; k < total; k++) indexInWeek[k] = weekSize[week[k]]++;
  const tables = { pinnedCounts: pinnedPrefixCounts(problem), previousPin, nextPin, weekCount, pinnedPerWeek, weekSize, indexInWeek };
  ruleTableCache.set(problem.pinned, tables);
  return tables;
};

/** Rule-aware feasibility test: depth-first search in EDF order with a node budget. */
const ruleSearch = (problem: ChannelProblem, bounds: Bounds, budget: number): Outcome => {
  const { shares, pinned, minGap, maxPerWeek, week } = problem;
  const categoryCount = shares.length;
  const total = pinned.length;
  const { free, freePositions, lower, upper, deadlines } = bounds;
  const stride = free + 1;
  const { pinnedCounts, previousPin, nextPin, weekCount, pinnedPerWeek, weekSize, indexInWeek } = ruleTables(problem);
  const perWeek = Int32Array.from(pinnedPerWeek);

  // Weekly pacing: a capped category that is ahead of cap × (share of the week elapsed) is tried
  // last, so it does not spend its weekly allowance early and leave the week's end unfillable.
  const aheadOfPace = (i: number, position: number): number => {
    if (!Number.isFinite(maxPerWeek[i])) return 0;
    const w = week[position];
    const pace = (maxPerWeek[i] * (indexInWeek[position] + 1)) / weekSize[w];
    return perWeek[i * weekCount + w] + 1 > Math.ceil(pace) ? 1 : 0;
  };

  const sequence = Int32Array.from(pinned);
  const placed = new Int32Array(categoryCount);
  const lastPlaced = new Int32Array(categoryCount).fill(-1);
  let nodes = 0;

  const allowed = (i: number, position: number): boolean => {
    const gap = minGap[i];
    if (gap > 0) {
      const previous = Math.max(previousPin[i * total + position], lastPlaced[i]);
      if (previous >= 0 && position - previous <= gap) return false;
      const next = nextPin[i * total + position];
      if (next >= 0 && next - position <= gap) return false;
    }
    if (Number.isFinite(maxPerWeek[i]) && perWeek[i * weekCount + week[position]] + 1 > maxPerWeek[i]) return false;
    return true;
  };

  const candidateDeadline = new Float64Array(categoryCount);
  const candidateLag = new Float64Array(categoryCount);
  const candidatePace = new Int32Array(categoryCount);
  // Explicit stack (a year on one channel is too deep for recursion): candidates per level.
  const choices = new Int32Array((free + 2) * categoryCount);
  const choiceCount = new Int32Array(free + 2);
  const cursor = new Int32Array(free + 2);
  const savedLast = new Int32Array(free + 2);

  /** Fills level m with the allowed categories: earliest deadline, then on pace, then largest lag. */
  const enumerate = (m: number): void => {
    const position = freePositions[m];
    const base = m * categoryCount;
    let candidates = 0;
    for (let i = 0; i < categoryCount; i++) {
      if (shares[i] <= 0) continue;
      const copy = placed[i] + 1;
      if (copy > upper[i * stride + m] || !allowed(i, position)) continue;
      const deadline = copy < deadlines[i].length ? deadlines[i][copy] : Infinity;
      const lag = (position + 1) * shares[i] - (pinnedCounts[i * (total + 1) + position] + placed[i]);
      const pace = aheadOfPace(i, position);
      let slot = candidates++;
      while (
        slot > 0 &&
        (candidateDeadline[slot - 1] > deadline ||
          (candidateDeadline[slot - 1] === deadline &&
            (candidatePace[slot - 1] > pace || (candidatePace[slot - 1] === pace && candidateLag[slot - 1] < lag - EPSILON))))
      ) {
        choices[base + slot] = choices[base + slot - 1];
        candidateDeadline[slot] = candidateDeadline[slot - 1];
        candidateLag[slot] = candidateLag[slot - 1];
        candidatePace[slot] = candidatePace[slot - 1];
        slot--;
      }
      choices[base + slot] = i;
      candidateDeadline[slot] = deadline;
      candidateLag[slot] = lag;
      candidatePace[slot] = pace;
    }
    choiceCount[m] = candidates;
    cursor[m] = 0;
  };

  const undo = (m: number): void => {
    const choice = choices[m * categoryCount + cursor[m] - 1];
    const position = freePositions[m];
    placed[choice]--;
    lastPlaced[choice] = savedLast[m];
    perWeek[choice * weekCount + week[position]]--;
    sequence[position] = NO_CATEGORY;
  };

  if (free === 0) return { sequence };
  let m = 1;
  enumerate(1);
  for (;;) {
    if (m > free) return { sequence };
    if (cursor[m] >= choiceCount[m]) {
      m--;
      if (m === 0) return { sequence: null, exhausted: false };
      undo(m);
      continue;
    }
    const choice = choices[m * categoryCount + cursor[m]++];
    if (++nodes > budget) return { sequence: null, exhausted: true };
    placed[choice]++;
    let meetsDeadlines = true;
    for (let i = 0; i < categoryCount; i++) {
      if (placed[i] < lower[i * stride + m]) {
        meetsDeadlines = false;
        break;
      }
    }
    if (!meetsDeadlines) {
      placed[choice]--;
      continue;
    }
    const position = freePositions[m];
    savedLast[m] = lastPlaced[choice];
    lastPlaced[choice] = position;
    perWeek[choice * weekCount + week[position]]++;
    sequence[position] = choice;
    m++;
    if (m <= free) enumerate(m);
  }
};

const test = (problem: ChannelProblem, bound: number, withRules: boolean): Outcome => {
  const bounds = buildBounds(problem, bound);
  if (!bounds) return { sequence: null, exhausted: false };
  if (!withRules) {
    const sequence = earliestDeadlineFirst(problem, bounds);
    return sequence ? { sequence } : { sequence: null, exhausted: false };
  }
  const budget = problem.searchBudget ?? Math.max(20_000, 20 * bounds.free);
  return ruleSearch(problem, bounds, budget);
};

/** Every value |m − k·r_i| (0 ≤ m ≤ k ≤ T) inside [low, high], sorted and deduplicated. */
const candidateValues = (shares: number[], total: number, low: number, high: number): number[] => {
  const values: number[] = [];
  for (const share of shares) {
    for (let k = 1; k <= total; k++) {
      const ideal = k * share;
      // m above the ideal count, then m below it
      for (let m = Math.max(0, Math.ceil(ideal + low - EPSILON)); m <= Math.min(k, Math.floor(ideal + high + EPSILON)); m++) {
        values.push(m - ideal);
      }
      for (let m = Math.max(0, Math.ceil(ideal - high - EPSILON)); m <= Math.min(k, Math.floor(ideal - low + EPSILON)); m++) {
        values.push(ideal - m);
      }
    }
  }
  values.push(low, high);
  const sorted = Float64Array.from(values).sort();
  const unique: number[] = [];
  for (const value of sorted) if (unique.length === 0 || value - unique[unique.length - 1] > EPSILON) unique.push(value);
  return unique;
};

interface SearchResult {
  bound: number;
  sequence: Int32Array;
  /** No test was cut short by the search budget, so `bound` is the exact optimum. */
  proven: boolean;
}

/**
 * Smallest candidate B at or above `floor` passing the test. Exact when the test is exact
 * (no rules); with rules the test is a budgeted search, so this is the best B found.
 */
const minimiseBound = (problem: ChannelProblem, withRules: boolean, floor: number): SearchResult | null => {
  const total = problem.pinned.length;
  let proven = true;
  const attempt = (bound: number): Int32Array | null => {
    const outcome = test(problem, bound, withRules);
    if (!outcome.sequence && outcome.exhausted) proven = false;
    return outcome.sequence;
  };
  // Integer phase: smallest integer q ≥ floor that passes (q = total always passes without rules).
  // With rules, first ask whether the rules can be met at all (B beyond any deviation).
  if (withRules && !attempt(total + 1)) return null;
  let lowInteger = Math.max(0, Math.floor(floor + EPSILON));
  let found: SearchResult | null = null;
  let step = 1;
  let probe = Math.max(lowInteger, 1);
  let failedBelow = lowInteger - 1;
  while (probe <= total + 1) {
    const sequence = attempt(probe);
    if (sequence) {
      found = { bound: probe, sequence, proven };
      break;
    }
    failedBelow = probe;
    probe += step;
    step *= 2;
  }
  if (!found) {
    const sequence = attempt(total + 1);
    if (!sequence) return null;
    found = { bound: total + 1, sequence, proven };
  }
  let high = found.bound;
  let low = Math.max(failedBelow + 1, lowInteger);
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const sequence = attempt(middle);
    if (sequence) {
      high = middle;
      found = { bound: middle, sequence, proven };
    } else low = middle + 1;
  }
  // Fractional phase: candidates in [max(floor, q − 1), q].
  const candidates = candidateValues(problem.shares, total, Math.max(floor, found.bound - 1), found.bound);
  let lowIndex = 0;
  let highIndex = candidates.length - 1;
  while (lowIndex < highIndex) {
    const middleIndex = (lowIndex + highIndex) >> 1;
    const sequence = attempt(candidates[middleIndex]);
    if (sequence) {
      highIndex = middleIndex;
      found = { bound: candidates[middleIndex], sequence, proven };
    } else lowIndex = middleIndex + 1;
  }
  return { ...found, proven };
};

/** B of a sequence; entries equal to NO_CATEGORY (open slots) are skipped. */
export const prefixDeviation = (sequence: ArrayLike<number>, shares: number[]): number => {
  const counts = new Float64Array(shares.length);
  let length = 0;
  let worst = 0;
  for (let k = 0; k < sequence.length; k++) {
    const category = sequence[k];
    if (category === NO_CATEGORY) continue;
    counts[category]++;
    length++;
    for (let i = 0; i < shares.length; i++) {
      const deviation = Math.abs(counts[i] - length * shares[i]);
      if (deviation > worst) worst = deviation;
    }
  }
  return worst;
};

/** Max over categories and runs of `size` consecutive posts (open slots skipped) of |count − size·share|. */
export const windowDeviation = (sequence: ArrayLike<number>, shares: number[], windowSize: number): number => {
  const posts: number[] = [];
  for (let k = 0; k < sequence.length; k++) if (sequence[k] !== NO_CATEGORY) posts.push(sequence[k]);
  const size = Math.min(windowSize, posts.length);
  if (size === 0) return 0;
  const counts = new Float64Array(shares.length);
  let worst = 0;
  for (let k = 0; k < posts.length; k++) {
    counts[posts[k]]++;
    if (k >= size) counts[posts[k - size]]--;
    if (k >= size - 1) {
      for (let i = 0; i < shares.length; i++) {
        const deviation = Math.abs(counts[i] - size * shares[i]);
        if (deviation > worst) worst = deviation;
      }
    }
  }
  return worst;
};

/** Greedy last resort when no rule-abiding sequence was found: fewest rule breaks, then largest lag. */
const leastViolatingSequence = (problem: ChannelProblem): Int32Array => {
  const { shares, pinned, minGap, maxPerWeek, week } = problem;
  const categoryCount = shares.length;
  const sequence = Int32Array.from(pinned);
  const running = new Int32Array(categoryCount);
  const perWeek = new Map<string, number>();
  for (let k = 0; k < pinned.length; k++) {
    if (pinned[k] !== NO_CATEGORY) perWeek.set(`${pinned[k]}:${week[k]}`, (perWeek.get(`${pinned[k]}:${week[k]}`) ?? 0) + 1);
  }
  const breaks = (i: number, position: number): number => {
    let count = 0;
    const gap = minGap[i];
    for (let d = 1; d <= gap; d++) {
      if (position - d >= 0 && sequence[position - d] === i) count++;
      if (position + d < sequence.length && pinned[position + d] === i) count++;
    }
    if ((perWeek.get(`${i}:${week[position]}`) ?? 0) + 1 > maxPerWeek[i]) count++;
    return count;
  };
  for (let k = 0; k < pinned.length; k++) {
    if (pinned[k] !== NO_CATEGORY) {
      running[pinned[k]]++;
      continue;
    }
    let best = NO_CATEGORY;
    let bestBreaks = Infinity;
    let bestLag = -Infinity;
    for (let i = 0; i < categoryCount; i++) {
      if (shares[i] <= 0) continue;
      const count = breaks(i, k);
      const lag = (k + 1) * shares[i] - running[i];
      if (count < bestBreaks || (count === bestBreaks && lag > bestLag)) {
        best = i;
        bestBreaks = count;
        bestLag = lag;
      }
    }
    sequence[k] = best;
    running[best]++;
    const key = `${best}:${week[k]}`;
    perWeek.set(key, (perWeek.get(key) ?? 0) + 1);
  }
  return sequence;
};

/**
 * A full sequence with B ≤ `bound` that honours the rules and `prefixTargets`, or null. Exact
 * without rules; with rules a budgeted search, so null may also mean "not found".
 */
export const sequenceWithinBound = (problem: ChannelProblem, bound: number): Int32Array | null =>
  test(problem, bound, hasRules(problem)).sequence;

/**
 * A lower bound on B that the rules force, cheap to compute: a category capped per week (or
 * spaced apart) cannot keep up with its share when its cap is below share × slots per week, so
 * every B below max_k (k·r_i − most posts of i possible in the first k slots) fails. Starting the
 * rule search there skips the tests that could only fail (each burns the whole search budget).
 * The most posts possible is an upper bound (pins counted, caps and gaps honoured), so the floor
 * never excludes a feasible B.
 */
export const ruleFloor = (problem: ChannelProblem): number => {
  const { shares, pinned, minGap, maxPerWeek, week } = problem;
  const total = pinned.length;
  let floor = 0;
  for (let i = 0; i < shares.length; i++) {
    const capped = Number.isFinite(maxPerWeek[i]);
    const gap = minGap[i];
    if (shares[i] <= 0 || (!capped && gap <= 0)) continue;
    // pins of i that already break its own rules make any bound below unsafe: skip the category
    let pinsBreakRules = false;
    const pinsInWeek = new Map<number, number>();
    let lastPin = -Infinity;
    for (let k = 0; k < total; k++) {
      if (pinned[k] !== i) continue;
      if (k - lastPin <= gap) pinsBreakRules = true;
      lastPin = k;
      pinsInWeek.set(week[k], (pinsInWeek.get(week[k]) ?? 0) + 1);
    }
    if (capped) for (const count of pinsInWeek.values()) if (count > maxPerWeek[i]) pinsBreakRules = true;
    if (pinsBreakRules) continue;
    let possibleBeforeWeek = 0;
    let inWeek = 0;
    let currentWeek = -1;
    for (let k = 0; k < total; k++) {
      if (week[k] !== currentWeek) {
        possibleBeforeWeek += inWeek;
        inWeek = 0;
        currentWeek = week[k];
      }
      const usable = pinned[k] === NO_CATEGORY || pinned[k] === i;
      if (usable && (!capped || inWeek < maxPerWeek[i])) inWeek++;
      let most = possibleBeforeWeek + inWeek;
      if (gap > 0) most = Math.min(most, Math.ceil((k + 1) / (gap + 1)));
      const shortfall = (k + 1) * shares[i] - most;
      if (shortfall > floor) floor = shortfall;
    }
  }
  return floor;
};

/** Exact optimum B* with pins and without rules. */
export const optimalPinnedBound = (problem: ChannelProblem): SearchResult => {
  const result = minimiseBound(problem, false, 0);
  if (!result) throw new Error('unreachable: B = T + 1 is always feasible without rules');
  return result;
};

export const solveChannel = (problem: ChannelProblem): ChannelSolution => {
  const pinnedExact = optimalPinnedBound(problem);
  const pinnedOptimum = prefixDeviation(pinnedExact.sequence, problem.shares);
  if (!hasRules(problem)) {
    return { sequence: pinnedExact.sequence, deviation: pinnedOptimum, pinnedOptimum, pinnedSequence: pinnedExact.sequence, rulesHonoured: true, optimal: true };
  }
  const forced = ruleFloor(problem);
  const atOptimum = forced > pinnedExact.bound + EPSILON ? null : test(problem, pinnedExact.bound, true);
  if (atOptimum?.sequence) {
    return { sequence: atOptimum.sequence, deviation: prefixDeviation(atOptimum.sequence, problem.shares), pinnedOptimum, pinnedSequence: pinnedExact.sequence, rulesHonoured: true, optimal: true };
  }
  const withRules = minimiseBound(problem, true, Math.max(pinnedExact.bound, forced));
  if (withRules) {
    return {
      sequence: withRules.sequence,
      deviation: prefixDeviation(withRules.sequence, problem.shares),
      pinnedOptimum,
      pinnedSequence: pinnedExact.sequence,
      rulesHonoured: true,
      optimal: withRules.proven,
    };
  }
  const fallback = leastViolatingSequence(problem);
  return { sequence: fallback, deviation: prefixDeviation(fallback, problem.shares), pinnedOptimum, pinnedSequence: pinnedExact.sequence, rulesHonoured: false, optimal: false };
};

/** Best B the engine finds with rules (NaN when no rule-abiding sequence was found). */
export const bestBoundWithRules = (problem: ChannelProblem, floor: number): number => {
  if (!hasRules(problem)) return optimalPinnedBound(problem).bound;
  const result = minimiseBound(problem, true, Math.max(floor, ruleFloor(problem)));
  return result ? prefixDeviation(result.sequence, problem.shares) : Number.NaN;
};
