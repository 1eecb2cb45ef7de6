// Storybank balance engine: pure planning functions (no database, no Node APIs).
export * from './schemas';
export { autofill, tijdemanBound } from './autofill';
export { countedText, mixReport, promotionText, signalText } from './mixReport';
export { solveChannel, optimalPinnedBound, prefixDeviation, windowDeviation, NO_CATEGORY } from './balance';
export type { ChannelProblem, ChannelSolution } from './balance';
export { LocalCalendar } from './localCalendar';
export { coordinatePeriods } from './coordinate';
export type { CoordinatedChannel, CoordinationProblem, CoordinationOutcome } from './coordinate';
export { balanceSentence, piecesByMonth } from './planSummary';
