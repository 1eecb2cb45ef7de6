// Handlers of people, reviews, sign-offs, the audit trail and compliance (issue 9): each maps a
// contract operation to its service call.
import { checkCompliance } from '../../shared/compliance';
import type { Services } from '../services';
import type { Handlers } from './handlers';

type ReviewOperation =
  | `people.${string}`
  | `policy.${string}`
  | `reviews.${string}`
  | `signoffs.${string}`
  | `audit.${string}`
  | `compliance.${string}`
  | `packet.${string}`
  | `releases.${string}`;

export function createReviewHandlers(s: Services): Pick<Handlers, Extract<keyof Handlers, ReviewOperation>> {
  return {
    'people.session': () => s.people.session(),
    'people.list': () => s.people.list(),
    'people.select': ({ id }) => s.people.select(id),
    'people.create': (input) => s.people.create(input),
    'people.update': (input) => s.people.update(input),
    'policy.get': () => s.policy.status(),
    'policy.publish': ({ text }) => s.people.publishPolicy(text),
    'policy.accept': ({ version }) => s.people.acceptPolicy(version),
    'reviews.get': ({ id }) => s.reviews.review(id),
    'reviews.submit': ({ id, revision }) => s.reviews.submit(id, revision),
    'reviews.approve': ({ id, revision }) => s.reviews.approve(id, revision),
    'reviews.requestChanges': ({ id, revision, comment }) => s.reviews.requestChanges(id, revision, comment),
    'reviews.publish': ({ id, revision, url }) => s.reviews.publish(id, revision, url),
    'reviews.archive': ({ id, revision }) => s.reviews.archive(id, revision),
    'reviews.reopen': ({ id, revision }) => s.reviews.reopen(id, revision),
    'reviews.comment': ({ postId, text, replyTo }) => s.reviews.comment(postId, text, replyTo ?? null),
    'reviews.override': (input) => s.reviews.override(input),
    'reviews.history': ({ postId }) => s.reviews.history(postId),
    'reviews.setFourEyes': ({ on }) => ({ fourEyes: s.reviews.setFourEyes(on) }),
    'signoffs.create': (input) => s.reviews.signoff(input),
    'signoffs.list': (range) => s.reviews.signoffs(range),
    'releases.list': () => s.releases.list(),
    'releases.record': ({ scan, ...input }) => s.releases.record({ ...input, ...(scan ? { scan: { name: scan.name, bytes: Buffer.from(scan.dataBase64, 'base64') } } : {}) }),
    'releases.scan': ({ person }) => s.releases.scan(person),
    'packet.create': async ({ month }) => {
      const packet = await s.packets.build(month);
      return { name: packet.name, pdfBase64: packet.bytes.toString('base64'), pages: packet.pages, posts: packet.posts };
    },
    'audit.list': ({ postId, ...filter }) => s.audit.list({ ...filter, subjectId: postId }),
    'audit.verify': () => s.audit.verify(),
    'audit.export': ({ format }) => ({ name: `storybank-audit-${new Date().toISOString().slice(0, 10)}.${format}`, content: s.audit.exportText(format) }),
    'audit.settings': () => ({ retentionYears: s.audit.retentionYears() }),
    'audit.setRetention': ({ years }) => ({ retentionYears: s.audit.setRetentionYears(years) }),
    'compliance.get': () => s.compliance.get(),
    'compliance.save': (input) => s.compliance.save(input),
    'compliance.check': ({ text, categoryId, channelId }) => {
      const category = categoryId ? (s.categories.list().find((c) => c.id === categoryId) ?? null) : null;
      const channel = channelId ? (s.channels.list().find((c) => c.id === channelId) ?? null) : null;
      const { institution, rules } = s.compliance.settings();
      return { findings: checkCompliance({ text, institution, network: channel?.network ?? null, category }, rules) };
    },
  };
}
