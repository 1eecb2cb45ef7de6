import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ComplianceRule,
  DEFAULT_RULES,
  RuleList,
  checkCompliance,
  checkPostCompliance,
  luhnValid,
  type ComplianceRuleInput,
} from '../../../src/shared/compliance';
import { CORPUS_POSTS, foundRuleIds, scoreCorpus } from '../../support/compliance-corpus';

const bank = (text: string, extra: Partial<Parameters<typeof checkCompliance>[0]> = {}) =>
  checkCompliance({ text, institution: 'bank', ...extra }, DEFAULT_RULES);
const ids = (findings: { ruleId: string }[]): string[] => [...new Set(findings.map((f) => f.ruleId))].sort();

describe('the corpus of bank and credit-union posts', () => {
  it('has at least 80 posts, hits and negatives', () => {
    expect(CORPUS_POSTS.length).toBeGreaterThanOrEqual(80);
    expect(CORPUS_POSTS.filter((p) => p.expect.length === 0).length).toBeGreaterThanOrEqual(30);
    expect(new Set(CORPUS_POSTS.map((p) => p.id)).size).toBe(CORPUS_POSTS.length);
  });

  it.each(CORPUS_POSTS.map((post) => [post.id, post] as const))('%s gives exactly the findings it must', (_id, post) => {
    expect(foundRuleIds(post, DEFAULT_RULES)).toEqual([...post.expect].sort());
  });

  it('scores precision and recall from what the checker finds', () => {
    const score = scoreCorpus(DEFAULT_RULES);
    expect(score.truePositives).toBeGreaterThan(40);
    // With no rules nothing is found: recall falls to 0, so the score is measured, not assumed.
    expect(scoreCorpus([]).recall).toBe(0);
  });
});

describe('findings', () => {
  it('point at the words that set the rule off, with the citation', () => {
    const text = 'Hello! Auto loans as low as 4.99% this week.';
    const [finding] = bank(text);
    expect(finding).toMatchObject({ ruleId: 'regz-closed-end-apr', severity: 'blocking', citation: '12 CFR 1026.24(c)' });
    expect(text.slice(finding.span.start, finding.span.end)).toBe(finding.span.text);
    expect(finding.span.text).toBe('as low as');
    expect(finding.message).toMatch(/Missing: the rate as an "annual percentage rate" \(APR\)/);
  });

  it('name every missing part of a disclosure in one message', () => {
    const [finding] = bank('Drive home for $299/mo with our auto loans!');
    expect(finding.ruleId).toBe('regz-closed-end-terms');
    expect(finding.message).toContain('Missing: the down payment, the repayment terms (number and amount of payments) and the APR, and whether it can increase.');
  });

  it('accept a labelled link where the rule allows it, but never for the FDIC statement', () => {
    const text = 'Our 18-month CD now pays 4.25% APY. See disclosures at the link.';
    expect(ids(bank(text))).toEqual(['fdic-statement', 'tis-apy-terms', 'tis-cd-terms']);
    expect(ids(bank(text, { link: 'https://riverside.example/cd' }))).toEqual(['fdic-statement']);
    // A link without a label says nothing about disclosures.
    expect(ids(bank('Our 18-month CD now pays 4.25% APY. Member FDIC.', { link: 'https://riverside.example/cd' }))).toEqual(['tis-apy-terms', 'tis-cd-terms']);
  });

  it('differ between a bank and a credit union', () => {
    const text = 'Open a savings account for your kids this summer.';
    expect(ids(bank(text))).toEqual(['fdic-statement']);
    expect(ids(checkCompliance({ text, institution: 'credit_union' }, DEFAULT_RULES))).toEqual(['ncua-statement']);
  });

  it('are empty for an empty text', () => {
    expect(bank('   ')).toEqual([]);
  });
});

describe("a post's channels", () => {
  const channels = new Map([
    ['fb', { network: 'facebook' as const }],
    ['x', { network: 'x' as const }],
  ]);
  it('are each checked on the text that goes to them', () => {
    const post = {
      baseText: 'Earn 4.50% APY on our 12-month CD. Rates and terms: https://riverside.example/cd Member FDIC.',
      channelTexts: { x: 'Earn 4.50% APY on our 12-month CD!' },
      channelIds: ['fb', 'x'],
      categoryId: null,
      link: null,
    };
    const result = checkPostCompliance(post, channels, new Map(), { institution: 'bank', rules: DEFAULT_RULES });
    expect(result.map((r) => [r.channelId, ids(r.findings)])).toEqual([
      ['fb', []],
      ['x', ['fdic-statement', 'tis-apy-terms', 'tis-cd-terms']],
    ]);
  });
});

describe("the bank's own rules", () => {
  const rule = (input: Partial<ComplianceRuleInput>): ComplianceRule =>
    ComplianceRule.parse({ id: 'own', name: 'Own rule', kind: 'ban', match: 'phrase', trigger: ['crushing it'], severity: 'warning', message: 'Not our voice.', ...input });

  it('ban phrases as whole words, case-insensitively, wherever they appear', () => {
    const rules = [rule({})];
    const findings = checkCompliance({ text: 'Our team is Crushing  it! Not crushing itself.', institution: 'bank' }, rules);
    expect(findings.map((f) => f.span.text)).toEqual(['Crushing  it']);
  });

  it('require phrases only in the categories and networks they are scoped to', () => {
    const rules = [
      rule({ kind: 'require', trigger: ['rate', 'rates'], requires: [{ label: 'the rate-sheet date', anyOf: ['rates as of'] }], severity: 'blocking', scope: { categories: ['Product'], networks: ['facebook'] } }),
    ];
    const product = { id: 'c1', name: 'product', isPromotional: true };
    const check = (network: 'facebook' | 'x', category: typeof product | null) =>
      checkCompliance({ text: 'Great rates this week.', institution: 'bank', network, category }, rules).length;
    expect(check('facebook', product)).toBe(1);
    expect(check('x', product)).toBe(0);
    expect(check('facebook', null)).toBe(0);
    expect(checkCompliance({ text: 'Great rates this week, rates as of Monday.', institution: 'bank', network: 'facebook', category: product }, rules)).toEqual([]);
  });

  it('can be switched off', () => {
    expect(checkCompliance({ text: 'crushing it', institution: 'bank' }, [rule({ enabled: false })])).toEqual([]);
  });

  it('are refused with the field named when a pattern does not compile or ids repeat', () => {
    const bad = ComplianceRule.safeParse({ id: 'own', name: 'x', kind: 'ban', trigger: ['(unclosed'], severity: 'warning', message: 'm' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['trigger', 0], message: '"(unclosed" is not a valid pattern' });
    const twice = RuleList.safeParse([DEFAULT_RULES[0], DEFAULT_RULES[0]]);
    expect(twice.error?.issues[0].message).toBe('two rules have the same id');
    expect(ComplianceRule.safeParse({ id: 'own', name: 'x', kind: 'require', trigger: ['a'], severity: 'warning', message: 'm' }).error?.issues[0].path).toEqual(['requires']);
  });
});

describe('card numbers', () => {
  const withCheckDigit = (digits: number[]): string => {
    let sum = 0;
    digits.forEach((d, i) => {
      // The check digit goes last, so the payload's last digit is doubled.
      let v = (digits.length - i) % 2 === 1 ? d * 2 : d;
      if (v > 9) v -= 9;
      sum += v;
    });
    return [...digits, (10 - (sum % 10)) % 10].join('');
  };
  const payload = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 15 }).filter((d) => new Set(d).size > 1);

  it('with a valid check digit are found, grouped or not', () => {
    fc.assert(
      fc.property(payload, fc.constantFrom('', ' ', '-'), (digits, separator) => {
        const number = withCheckDigit(digits).replace(/(\d{4})(?=\d)/g, `$1${separator}`);
        expect(luhnValid(number)).toBe(true);
        expect(ids(bank(`Card ${number} was used`))).toContain('privacy-card-number');
      }),
    );
  });

  it('with a wrong check digit are not', () => {
    fc.assert(
      fc.property(payload, fc.integer({ min: 1, max: 9 }), (digits, shift) => {
        const valid = withCheckDigit(digits);
        const wrong = valid.slice(0, -1) + ((Number(valid.slice(-1)) + shift) % 10);
        expect(ids(bank(`Order ${wrong} shipped`))).not.toContain('privacy-card-number');
      }),
    );
  });
});
