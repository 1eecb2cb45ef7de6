// Compliance rules and findings: data, so the bank edits them and the workspace stores them.
// Rules are not legal advice; the default pack (rulePack.ts) is a starting point the bank owns.
import { z } from 'zod';
import { Network } from '../domain/schemas';

export const INSTITUTION_TYPES = ['bank', 'credit_union'] as const;
export const InstitutionType = z.enum(INSTITUTION_TYPES);
export type InstitutionType = z.infer<typeof InstitutionType>;
export const INSTITUTION_LABELS: Record<InstitutionType, string> = { bank: 'Bank (FDIC)', credit_union: 'Credit union (NCUA)' };

export const FindingSeverity = z.enum(['blocking', 'warning']);
export type FindingSeverity = z.infer<typeof FindingSeverity>;

const compiles = (source: string): boolean => {
  try {
    new RegExp(source, 'giu');
    return true;
  } catch {
    return false;
  }
};
/** A regular expression (matched case-insensitively) or, for `match: 'phrase'` rules, plain words. */
export const RulePattern = z.string().trim().min(1).max(500);

export const RuleRequirement = z.object({
  /** What is missing, in words: "the APR", "Member FDIC". */
  label: z.string().trim().min(1).max(120),
  anyOf: z.array(RulePattern).min(1).max(30),
});
export type RuleRequirement = z.infer<typeof RuleRequirement>;

export const RuleScope = z.object({
  /** Empty = both. */
  institutions: z.array(InstitutionType).max(2).default([]),
  /** Category names or ids; empty = every category (and posts with none). */
  categories: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
  /** Empty = every network. */
  networks: z.array(Network).max(20).default([]),
  /** Only posts in a self-promotion category (the bank's advertisements). */
  promotionalOnly: z.boolean().default(false),
});
export type RuleScope = z.infer<typeof RuleScope>;

export const ComplianceRule = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected lower-case letters, digits and dashes'),
    name: z.string().trim().min(1).max(120),
    /**
     * require: when triggered, every requirement must appear in the text that goes to the channel;
     * ban: every trigger match is a finding.
     */
    kind: z.enum(['require', 'ban']),
    /** regex = patterns are regular expressions; phrase = plain words, matched as whole words. */
    match: z.enum(['regex', 'phrase']).default('regex'),
    trigger: z.array(RulePattern).min(1).max(50),
    /** A trigger match inside a match of one of these does not count ("Bonus Checking" as a name). */
    exceptions: z.array(RulePattern).max(50).default([]),
    /** The trigger counts only when one of these appears in the same sentence (or anywhere in the post). */
    context: z.object({ anyOf: z.array(RulePattern).min(1).max(50), within: z.enum(['sentence', 'post']) }).nullable().default(null),
    /** The rule does not apply to a text that matches one of these. */
    unless: z.array(RulePattern).max(50).default([]),
    requires: z.array(RuleRequirement).max(10).default([]),
    /** A requirement may be met by a labelled link ("Rates and terms: https://…") where the rule allows it. */
    linkAllowed: z.boolean().default(false),
    /** Extra check on a match: `luhn` keeps only numbers with a valid card check digit. */
    validate: z.enum(['luhn']).nullable().default(null),
    severity: FindingSeverity,
    scope: RuleScope.default({ institutions: [], categories: [], networks: [], promotionalOnly: false }),
    message: z.string().trim().min(1).max(500),
    citation: z.string().trim().max(300).default(''),
    enabled: z.boolean().default(true),
  })
  .superRefine((rule, ctx) => {
    if (rule.kind === 'require' && rule.requires.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['requires'], message: 'a "require" rule needs at least one requirement' });
    }
    if (rule.match === 'phrase') return;
    const lists: Array<[string[], (string | number)[]]> = [
      [rule.trigger, ['trigger']],
      [rule.exceptions, ['exceptions']],
      [rule.unless, ['unless']],
      [rule.context?.anyOf ?? [], ['context', 'anyOf']],
      ...rule.requires.map((req, i): [string[], (string | number)[]] => [req.anyOf, ['requires', i, 'anyOf']]),
    ];
    for (const [patterns, path] of lists) {
      patterns.forEach((source, i) => {
        if (!compiles(source)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `"${source}" is not a valid pattern` });
      });
    }
  });
export type ComplianceRule = z.infer<typeof ComplianceRule>;
export type ComplianceRuleInput = z.input<typeof ComplianceRule>;

export const RuleList = z
  .array(ComplianceRule)
  .max(200)
  .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'two rules have the same id');

export const FindingSpan = z.object({ start: z.number().int().min(0), end: z.number().int().min(0), text: z.string() });
export type FindingSpan = z.infer<typeof FindingSpan>;

export const ComplianceFinding = z.object({
  ruleId: z.string(),
  severity: FindingSeverity,
  message: z.string(),
  citation: z.string(),
  /** The words that set the rule off (offsets in the checked text, UTF-16). */
  span: FindingSpan,
});
export type ComplianceFinding = z.infer<typeof ComplianceFinding>;

export const ComplianceSettings = z.object({
  institution: InstitutionType,
  rules: RuleList,
});
export type ComplianceSettings = z.infer<typeof ComplianceSettings>;
