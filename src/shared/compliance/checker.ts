// The compliance checker: pure, fast (rules compiled once per rule list), the same in the
// editor, the services and the CLI. It reads one channel's text at a time, because a disclosure
// must be in the text that goes to that channel.
import type { Network } from '../domain/schemas';
import { spokenList } from '../words';
import type { ComplianceFinding, ComplianceRule, InstitutionType } from './schemas';

export interface ComplianceInput {
  text: string;
  institution: InstitutionType;
  network?: Network | null;
  category?: { id: string; name: string; isPromotional: boolean } | null;
  /** The post's link: with a disclosure label in the text, it can carry Reg DD / Reg Z terms. */
  link?: string | null;
}

interface CompiledRule {
  rule: ComplianceRule;
  /** Each pattern list joined into one expression (one pass over the text instead of one per pattern). */
  trigger: RegExp | null;
  exceptions: RegExp | null;
  context: RegExp | null;
  unless: RegExp | null;
  requires: Array<{ label: string; anyOf: RegExp | null }>;
  categories: Set<string>;
}

/** At most this many findings of one rule in one text (a pasted list of numbers is one problem). */
const MAX_FINDINGS_PER_RULE = 10;
const URL_IN_TEXT = /https?:\/\/\S+/i;
const DISCLOSURE_LABEL =
  /\b(?:disclosures?|rates?,? (?:fees )?(?:and|&) terms|terms (?:and|&) conditions|full terms|important (?:information|terms)|see terms)\b/i;

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phraseSource = (words: string): string => `(?<![\\p{L}\\p{N}])${escapeRegex(words).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`;

// The same list of patterns (the deposit products, say) serves several rules: one RegExp for it,
// so a text's answer is worked out once per check.
const joinedRegexes = new Map<string, RegExp>();
function joinPatterns(sources: readonly string[], phrase: boolean): RegExp | null {
  if (sources.length === 0) return null;
  const parts = sources.map((source) => (phrase ? phraseSource(source) : source));
  // Back-references and named groups would change meaning when joined: keep such a pattern alone.
  const joined = parts.some((part) => /\\\d|\(\?<[^=!]/.test(part)) && parts.length > 1 ? null : parts.map((part) => `(?:${part})`).join('|');
  const key = joined ?? parts.join('\u0000');
  let regex = joinedRegexes.get(key);
  if (!regex) {
    const source = joined ?? parts.map((part) => `(?:${part})`).join('|');
    // Case-insensitive Unicode matching is several times slower in V8: only where a pattern needs it.
    regex = new RegExp(source, /\\[pPu]\{|[^\x00-\x7f]/.test(source) ? 'giu' : 'gi');
    joinedRegexes.set(key, regex);
  }
  return regex;
}

const compiledLists = new WeakMap<readonly ComplianceRule[], CompiledRule[]>();

export function compileRules(rules: readonly ComplianceRule[]): CompiledRule[] {
  let compiled = compiledLists.get(rules);
  if (!compiled) {
    compiled = rules
      .filter((rule) => rule.enabled)
      .map((rule) => {
        const phrase = rule.match === 'phrase';
        return {
          rule,
          trigger: joinPatterns(rule.trigger, phrase),
          exceptions: joinPatterns(rule.exceptions, phrase),
          context: joinPatterns(rule.context?.anyOf ?? [], phrase),
          unless: joinPatterns(rule.unless, phrase),
          requires: rule.requires.map((req) => ({ label: req.label, anyOf: joinPatterns(req.anyOf, phrase) })),
          categories: new Set(rule.scope.categories.map((c) => c.toLowerCase())),
        };
      });
    compiledLists.set(rules, compiled);
  }
  return compiled;
}

// matchAll starts where the last test() left a global expression: always put it back at 0.
const test = (pattern: RegExp, text: string): boolean => {
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
};

/** One text being checked: whole-text answers are worked out once and shared by every rule. */
class CheckedText {
  private readonly answers = new Map<RegExp, boolean>();
  private sentenceEnds: number[] | null = null;
  constructor(readonly text: string) {}
  has(pattern: RegExp): boolean {
    let answer = this.answers.get(pattern);
    if (answer === undefined) {
      answer = test(pattern, this.text);
      this.answers.set(pattern, answer);
    }
    return answer;
  }
  /** The sentence around a position. */
  sentenceAround(index: number): string {
    if (!this.sentenceEnds) {
      this.sentenceEnds = [];
      for (const m of this.text.matchAll(/[.!?](?=\s|$)|\n/g)) this.sentenceEnds.push(m.index + 1);
      this.sentenceEnds.push(this.text.length);
    }
    let start = 0;
    for (const end of this.sentenceEnds) {
      if (index < end) return this.text.slice(start, end);
      start = end;
    }
    return this.text.slice(start);
  }
}

function inScope(compiled: CompiledRule, input: ComplianceInput): boolean {
  const { scope } = compiled.rule;
  if (scope.institutions.length > 0 && !scope.institutions.includes(input.institution)) return false;
  if (scope.networks.length > 0 && (!input.network || !scope.networks.includes(input.network))) return false;
  if (scope.promotionalOnly && !input.category?.isPromotional) return false;
  if (compiled.categories.size > 0) {
    const category = input.category;
    if (!category || !(compiled.categories.has(category.id.toLowerCase()) || compiled.categories.has(category.name.toLowerCase()))) return false;
  }
  return true;
}

/** Luhn check digit over the digits of a match (card numbers). */
export function luhnValid(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 13 || digits.length > 19 || /^(\d)\1+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

interface Hit {
  start: number;
  end: number;
}

function countedHits(compiled: CompiledRule, checked: CheckedText): Hit[] {
  const { text } = checked;
  // most rules find nothing in most posts: one test() first, no match objects
  if (!checked.has(compiled.trigger!)) return [];
  let exceptionRanges: Hit[] | null = null;
  const hits: Hit[] = [];
  for (const match of text.matchAll(compiled.trigger!)) {
    if (match[0].length === 0) continue;
    const hit = { start: match.index, end: match.index + match[0].length };
    if (compiled.exceptions) {
      exceptionRanges ??= [...text.matchAll(compiled.exceptions)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
      if (exceptionRanges.some((r) => r.start < hit.end && hit.start < r.end)) continue;
    }
    if (compiled.rule.validate === 'luhn' && !luhnValid(match[0])) continue;
    if (compiled.context) {
      const inContext = compiled.rule.context?.within === 'sentence' ? test(compiled.context, checked.sentenceAround(hit.start)) : checked.has(compiled.context);
      if (!inContext) continue;
    }
    hits.push(hit);
    if (hits.length >= MAX_FINDINGS_PER_RULE) break;
  }
  return hits;
}

/** Every finding for one channel's text, in text order (blocking first at the same place). */
export function checkCompliance(input: ComplianceInput, rules: readonly ComplianceRule[]): ComplianceFinding[] {
  const text = input.text;
  if (text.trim() === '') return [];
  const checked = new CheckedText(text);
  const findings: ComplianceFinding[] = [];
  let labelledLink: boolean | null = null;
  for (const compiled of compileRules(rules)) {
    if (!inScope(compiled, input)) continue;
    const hits = countedHits(compiled, checked);
    if (hits.length === 0) continue;
    if (compiled.unless && checked.has(compiled.unless)) continue;
    const { rule } = compiled;
    const finding = (hit: Hit, message: string): ComplianceFinding => ({
      ruleId: rule.id,
      severity: rule.severity,
      message,
      citation: rule.citation,
      span: { start: hit.start, end: hit.end, text: text.slice(hit.start, hit.end) },
    });
    if (rule.kind === 'ban') {
      for (const hit of hits) findings.push(finding(hit, rule.message));
      continue;
    }
    const missing = compiled.requires.filter((req) => req.anyOf && !checked.has(req.anyOf)).map((req) => req.label);
    if (missing.length === 0) continue;
    if (rule.linkAllowed) {
      labelledLink ??= DISCLOSURE_LABEL.test(text) && (URL_IN_TEXT.test(text) || Boolean(input.link));
      if (labelledLink) continue;
    }
    findings.push(finding(hits[0], `${rule.message} Missing: ${spokenList(missing)}.`));
  }
  return findings.sort((a, b) => a.span.start - b.span.start || (a.severity === b.severity ? 0 : a.severity === 'blocking' ? -1 : 1));
}

