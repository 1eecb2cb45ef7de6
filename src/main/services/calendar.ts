import { z } from 'zod';
import {
  DEFAULT_OBSERVANCES,
  Observance,
  SeriesInput,
  closedDates,
  describeSeries,
  expandPostingSlots,
  expandSeries,
  federalReserveHolidaysBetween,
  observancesForRange,
} from '../../shared/calendar-rules';
import type { CalendarOverlay, SeriesCreateInput } from '../../shared/api/contract';
import { BlackoutPeriod, Post } from '../../shared/domain/schemas';
import { channelTime } from '../../shared/posts';
import { addDaysLocal, zonedDayStartUtc } from '../../shared/time';
import type { Repositories } from '../db/repositories';
import type { Access } from './review/people';
import { newId, nowIso } from '../db/repositories/rows';
import { ServiceError } from './errors';
import type { PostService } from './posts';
import type { WorkspaceService } from './workspace';

const OBSERVANCES_KEY = 'calendar.observances';
type StoredObservance = z.output<typeof Observance>;

export function createCalendarService(repos: Repositories, workspace: WorkspaceService, posts: PostService, access: Access) {
  const observances = (): StoredObservance[] => {
    const stored = repos.settings.get(OBSERVANCES_KEY);
    return stored ? z.array(Observance).parse(JSON.parse(stored)) : DEFAULT_OBSERVANCES.map((o) => Observance.parse(o));
  };

  return {
    /** Everything drawn behind the posts: closures, blackouts, observances and open posting slots. */
    overlay(from: string, to: string): CalendarOverlay {
      const zone = workspace.timezone();
      const now = nowIso();
      const channels = repos.channels.list();
      const taken = new Set<string>();
      const range = { from: zonedDayStartUtc(from, zone), to: zonedDayStartUtc(addDaysLocal(to, 2), zone) };
      for (const post of repos.posts.list(range)) {
        if (post.scheduledAt) for (const channelId of post.channelIds) taken.add(`${channelId}@${channelTime(post, channelId)}`);
      }
      const slots = channels.flatMap((channel) =>
        expandPostingSlots({ channelId: channel.id, slots: channel.slots, timezone: channel.timezone ?? zone, from, to }),
      );
      const holidays = federalReserveHolidaysBetween(from, to);
      const blackouts = repos.blackouts.list().filter((b) => b.startDate <= to && b.endDate >= from);
      const closed = closedDates(from, to, holidays, blackouts);
      return {
        holidays,
        blackouts,
        observances: observancesForRange(from, to, observances()),
        // open slots from now on: a slot already past cannot be filled any more
        openSlots: slots
          .filter((slot) => slot.start !== null && slot.start >= now && !closed.has(slot.date) && !taken.has(`${slot.channelId}@${slot.start}`))
          .map((slot) => ({ id: slot.id, channelId: slot.channelId, start: slot.start!, date: slot.date, time: slot.time })),
        skippedSlots: slots
          .filter((slot) => slot.start === null)
          .map((slot) => ({ id: slot.id, channelId: slot.channelId, date: slot.date, time: slot.time, message: slot.message ?? '' })),
      };
    },

    listBlackouts: (): BlackoutPeriod[] => repos.blackouts.list(),
    createBlackout(input: { startDate: string; endDate: string; reason?: string }): BlackoutPeriod {
      access.require(['planner', 'admin'], 'add blackout periods');
      const now = nowIso();
      const blackout = BlackoutPeriod.parse({ ...input, id: newId(), createdAt: now, updatedAt: now });
      if (blackout.endDate < blackout.startDate) {
        throw new ServiceError('validation', 'endDate: the blackout ends before it starts', [
          { path: 'endDate', message: 'the blackout ends before it starts' },
        ]);
      }
      repos.transaction(() => {
        repos.blackouts.save(blackout);
        posts.revalidateAll();
      });
      return blackout;
    },
    deleteBlackout(id: string): { deleted: boolean } {
      access.require(['planner', 'admin'], 'remove blackout periods');
      return repos.transaction(() => {
        const deleted = repos.blackouts.delete(id);
        posts.revalidateAll();
        return { deleted };
      });
    },

    listObservances: observances,
    saveObservances(list: StoredObservance[]): StoredObservance[] {
      access.require(['planner', 'admin'], 'change observances');
      repos.settings.set(OBSERVANCES_KEY, JSON.stringify(list));
      return observances();
    },

    /** A recurring series: each occurrence becomes its own post, editable one by one. */
    createSeries(input: SeriesCreateInput): { seriesId: string; posts: Post[]; skipped: { date: string; message: string }[] } {
      access.require('planner', 'create recurring posts', { policy: true });
      const rule = SeriesInput.parse(input.rule);
      const occurrences = expandSeries(rule);
      const now = nowIso();
      const seriesId = newId();
      const created = occurrences
        .filter((o) => o.instant !== null)
        .map((o) =>
          Post.parse({
            ...input.post,
            id: newId(),
            timezone: rule.timezone,
            scheduledAt: o.instant,
            seriesId,
            createdAt: now,
            updatedAt: now,
          }),
        );
      const stored = repos.transaction(() => {
        repos.series.save({ id: seriesId, title: input.post.title, rule, description: describeSeries(rule), revision: 1, createdAt: now, updatedAt: now });
        return posts.storeAll(created);
      });
      return {
        seriesId,
        posts: stored,
        skipped: occurrences.filter((o) => o.instant === null).map((o) => ({ date: o.date, message: o.message ?? 'time does not exist' })),
      };
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
