import type { z } from 'zod';
import type { Contract, OperationName, OperationOutput } from '../../shared/api/contract';
import type { Services } from '../services';
import { createIntakeHandlers } from './intakeHandlers';
import { createReviewHandlers } from './reviewHandlers';
import { createTeamHandlers } from './teamHandlers';

type ParsedInput<K extends OperationName> = z.output<Contract[K]['input']>;
export type Handlers = {
  [K in OperationName]: (input: ParsedInput<K>) => OperationOutput<K> | Promise<OperationOutput<K>>;
};

/** Maps each contract operation to its service call: the only place the two meet. */
export function createHandlers(s: Services): Handlers {
  return {
    'workspace.get': () => s.workspace.get(),
    'workspace.update': (input) => s.workspace.update(input),
    'channels.list': () => s.channels.list(),
    'channels.create': (input) => s.channels.create(input),
    'channels.update': (input) => s.channels.update(input),
    'channels.delete': ({ id }) => s.channels.delete(id),
    'categories.list': () => s.categories.list(),
    'categories.save': ({ categories }) => s.categories.save(categories),
    'posts.list': (filter) => s.posts.list(filter),
    'posts.get': ({ id }) => s.posts.get(id),
    'posts.create': (input) => s.posts.create(input),
    'posts.update': (input) => s.posts.update(input),
    'posts.move': ({ id, scheduledAt, revision, confirmHandedOver }) => s.posts.move(id, scheduledAt, revision, confirmHandedOver),
    'posts.duplicate': ({ id }) => s.posts.duplicate(id),
    'posts.delete': ({ id }) => s.posts.delete(id),
    'posts.restore': ({ post }) => s.posts.restore(post),
    'calendar.overlay': ({ from, to }) => s.calendar.overlay(from, to),
    'blackouts.list': () => s.calendar.listBlackouts(),
    'blackouts.create': (input) => s.calendar.createBlackout(input),
    'blackouts.delete': ({ id }) => s.calendar.deleteBlackout(id),
    'observances.list': () => s.calendar.listObservances(),
    'observances.save': ({ observances }) => s.calendar.saveObservances(observances),
    'series.create': (input) => s.calendar.createSeries(input),
    'planning.preview': (scope) => s.planning.preview(scope),
    'planning.apply': (scope) => s.planning.apply(scope),
    'planning.undo': ({ batchId }) => s.planning.undo(batchId),
    'mix.report': (scope) => s.planning.mix(scope),
    'export.preview': (scope) => s.exports.preview(scope),
    'export.run': (input) => s.exports.run(input),
    'export.batches': () => s.exports.batches(),
    'export.changed': () => s.exports.changed(),
    'onboarding.get': () => s.onboarding.get(),
    'onboarding.loadDemo': () => s.onboarding.loadDemo(),
    'backups.list': () => ({ folder: s.backups.folder(), policy: s.backups.policy(), backups: s.backups.list() }),
    'backups.create': () => s.backups.backupNow(),
    'backups.setPolicy': (policy) => s.backups.setPolicy(policy),
    'backups.restore': ({ name }) => s.backups.restoreNamed(name),
    // Jobs run in a worker only where a worker pool wraps this dispatcher (the app, the host).
    'jobs.progress': ({ jobId }) => ({ jobId, state: 'unknown', phase: '', done: 0, total: 0 }),
    'jobs.cancel': () => ({ cancelled: false }),
    ...createReviewHandlers(s),
    ...createIntakeHandlers(s),
    ...createTeamHandlers(s),
  };
}
