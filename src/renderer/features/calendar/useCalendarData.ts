// The calendar's data: the posts on screen (filtered), and around them the layers (closures,
// blackouts, observances, open slots), the mix and the undated posts. Every load is sequenced:
// the latest request wins, so a slow month answer never overwrites a newer search.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CalendarOverlay, PostFilter } from '../../../shared/api/contract';
import type { Post } from '../../../shared/domain/schemas';
import type { MixReport } from '../../../shared/planning';
import { call } from '../../api/client';
import { showError } from '../../app/errors';
import { isSuperseded, useLatest } from '../../app/latest';
import { useTeamChanges } from '../../app/teamChanges';

export interface VisibleRange {
  /** UTC instants bounding the view */
  from: string;
  to: string;
  /** the same as local dates (to inclusive) */
  firstDate: string;
  lastDate: string;
  view: string;
  /** the range the mix panel reports on: the month (or week) on screen, not the padding days */
  mixFrom: string;
  mixTo: string;
}

export interface CalendarData {
  posts: Post[];
  setPosts: React.Dispatch<React.SetStateAction<Post[]>>;
  overlay: CalendarOverlay | null;
  mix: MixReport | null;
  backlog: Post[];
  /** Everything on screen, fetched together and shown in one render. */
  reload(): Promise<void>;
  /** Everything but the posts (after a post moved: the mix, the open slots and the backlog follow). */
  loadSurroundings(): Promise<void>;
}

const BACKLOG_STATUSES = ['draft', 'in_review', 'changes_requested', 'approved'] as const;

export function useCalendarData(range: VisibleRange | null, filter: PostFilter | null, mixChannel: string | undefined): CalendarData {
  const [posts, setPosts] = useState<Post[]>([]);
  const [overlay, setOverlay] = useState<CalendarOverlay | null>(null);
  const [mix, setMix] = useState<MixReport | null>(null);
  const [backlog, setBacklog] = useState<Post[]>([]);
  // One sequence for the posts on screen, one for what is drawn around them.
  const latestPosts = useLatest();
  const latestSurroundings = useLatest();

  const fetchSurroundings = useCallback(
    (visible: VisibleRange) =>
      latestSurroundings(() =>
        Promise.all([
          call('calendar.overlay', { from: visible.firstDate, to: visible.lastDate }),
          call('mix.report', { from: visible.mixFrom, to: visible.mixTo, channelId: mixChannel, granularity: 'week' }),
          call('posts.list', { unscheduled: true, statuses: [...BACKLOG_STATUSES] }),
        ]),
      ),
    [mixChannel, latestSurroundings],
  );
  const showSurroundings = ([layers, report, unscheduled]: Awaited<ReturnType<typeof fetchSurroundings>>) => {
    setOverlay(layers);
    setMix(report);
    setBacklog(unscheduled);
  };

  const reload = useCallback(async () => {
    if (!filter || !range) return;
    try {
      const [list, surroundings] = await Promise.all([latestPosts(() => call('posts.list', filter)), fetchSurroundings(range)]);
      setPosts(list);
      showSurroundings(surroundings);
    } catch (error) {
      if (!isSuperseded(error)) showError(error, 'Could not load the calendar');
    }
  }, [filter, range, fetchSurroundings, latestPosts]);

  const loadSurroundings = useCallback(async () => {
    if (!range) return;
    try {
      showSurroundings(await fetchSurroundings(range));
    } catch (error) {
      if (!isSuperseded(error)) showError(error, 'Could not load the calendar');
    }
  }, [range, fetchSurroundings]);

  // Search and filters only change which posts show: typing refetches the posts alone. A new range
  // (or a single chosen channel, which the mix reports on) reloads everything.
  const loadedFor = useRef<{ range: VisibleRange | null; mixChannel: string | undefined }>({ range: null, mixChannel: undefined });
  useEffect(() => {
    if (!filter || !range) return;
    const everything = loadedFor.current.range !== range || loadedFor.current.mixChannel !== mixChannel;
    loadedFor.current = { range, mixChannel };
    if (everything) {
      void reload();
      return;
    }
    latestPosts(() => call('posts.list', filter)).then(setPosts, (error) => isSuperseded(error) || showError(error, 'Could not load posts'));
  }, [filter, range, mixChannel, reload, latestPosts]);

  // teammates' changes (a post approved on the manager's machine) show without a click
  useTeamChanges(reload);

  return { posts, setPosts, overlay, mix, backlog, reload, loadSurroundings };
}
