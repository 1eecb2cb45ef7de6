// The compliance checker: precision and recall on the corpus of real-looking posts, and its time
// over 10,000 posts (each checked for three channels' texts, as the service does).
import { checkCompliance, DEFAULT_RULES } from '../src/shared/compliance';
import { CORPUS_POSTS, scoreCorpus } from '../tests/support/compliance-corpus';
import { warnOverBudget } from './support/budget';

type Report = (name: string, value: number, unit: string) => void;

const POSTS = 10_000;
const CHECK_10K_BUDGET_MS = 1000;

export function run(report: Report): void {
  const score = scoreCorpus(DEFAULT_RULES);
  report('compliance-precision', score.precision, 'ratio');
  report('compliance-recall', score.recall, 'ratio');
  const texts = Array.from({ length: POSTS }, (_, i) => `${CORPUS_POSTS[i % CORPUS_POSTS.length].text} #${i}`);
  checkCompliance({ text: texts[0], institution: 'bank' }, DEFAULT_RULES); // compile once, outside the timing
  const times: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const started = performance.now();
    for (const text of texts) checkCompliance({ text, institution: round % 2 ? 'credit_union' : 'bank', network: 'facebook' }, DEFAULT_RULES);
    times.push(performance.now() - started);
  }
  const median = times.sort((a, b) => a - b)[2];
  report('compliance-check-10k-posts', median, 'ms');
  warnOverBudget('compliance-check-10k-posts', median, CHECK_10K_BUDGET_MS);
}
