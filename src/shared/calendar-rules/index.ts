export * from './holidays';
export * from './observances';
export * from './slots';
export * from './series';
export * from './closures';
export { nthWeekdayOfMonth } from './dates';
