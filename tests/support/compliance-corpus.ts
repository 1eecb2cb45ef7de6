// The compliance corpus (tests/fixtures/compliance/corpus.json) and how the checker scores on it:
// shared by the unit test (every post exact) and the benchmark (precision and recall).
import corpus from '../fixtures/compliance/corpus.json';
import { checkCompliance, type ComplianceRule, type InstitutionType } from '../../src/shared/compliance';

export interface CorpusPost {
  id: string;
  institution: InstitutionType;
  text: string;
  expect: string[];
}
export const CORPUS_POSTS = corpus.posts as CorpusPost[];

export const foundRuleIds = (post: CorpusPost, rules: readonly ComplianceRule[]): string[] =>
  [...new Set(checkCompliance({ text: post.text, institution: post.institution }, rules).map((f) => f.ruleId))].sort();

/** Precision and recall over (post, rule) pairs: a rule found that the post should not set off is a false positive. */
export function scoreCorpus(rules: readonly ComplianceRule[]): { precision: number; recall: number; truePositives: number; falsePositives: number; falseNegatives: number } {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const post of CORPUS_POSTS) {
    const found = new Set(foundRuleIds(post, rules));
    const expected = new Set(post.expect);
    for (const id of found) if (expected.has(id)) truePositives += 1; else falsePositives += 1;
    for (const id of expected) if (!found.has(id)) falseNegatives += 1;
  }
  return {
    precision: truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives),
    recall: truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives),
    truePositives,
    falsePositives,
    falseNegatives,
  };
}
