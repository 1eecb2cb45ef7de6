// First run: the contract's operations for this feature (joined in contract.ts).
import { z } from 'zod';

const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const ONBOARDING_STEPS = ['profile', 'channels', 'categories', 'firstPost'] as const;
export type OnboardingStepId = (typeof ONBOARDING_STEPS)[number];

export const Onboarding = z.object({
  /** In checklist order: the bank's name and time zone, channels with posting times, categories with targets, a first post. */
  steps: z.array(z.object({ id: z.enum(ONBOARDING_STEPS), done: z.boolean() })),
  /** Nothing in the workspace yet: the demo bank can be loaded into it. */
  empty: z.boolean(),
});
export type Onboarding = z.infer<typeof Onboarding>;

export const onboardingOperations = {
  'onboarding.get': op(z.object({}), Onboarding),
  /** Fills an empty workspace with the demo bank (refused, changing nothing, once anything is in it). */
  'onboarding.loadDemo': op(z.object({}), Onboarding),
} as const;
