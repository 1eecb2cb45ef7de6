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
import { zonedDayStartUtc } from '../../../shared/time';
import { besideRanges } from './visibleRange';

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
  /** the first load has answered (posts shown, or its error) */
  loaded: boolean;
  posts: Post[];
  /** the range the posts and layers on screen were loaded for (the last one while the next loads) */
  shownRange: VisibleRange | null;
  setPosts: React.Dispatch<React.SetStateAction<Post[]>>;
  overlay: CalendarOverlay | null;
  mix: MixReport | null;
  backlog: Post[];
  /** Everything on screen, fetched together and shown in one render. */
  reload(): Promise<void>;
  /** Everything but the posts (after a post moved: the mix, the open slots and the backlog follow). */
  loadSurroundings(): Promise<void>;
  /**
   * What was fetched ahead for the dates FullCalendar is about to draw (`end` exclusive), if they
   * are a view of the same kind as this one (the previous or next month, say).
   */
  readySnapshot(start: string, end: string): Snapshot | undefined;
}

const BACKLOG_STATUSES = ['draft', 'in_review', 'changes_requested', 'approved'] as const;

type Surroundings = [CalendarOverlay, MixReport, Post[]];
/** What one view of the calendar shows. */
export interface Snapshot {
  posts: Post[];
  surroundings: Surroundings;
}

function requestSurroundings(visible: VisibleRange, mixChannel: string | undefined): Promise<Surroundings> {
  return Promise.all([
    call('calendar.overlay', { from: visible.firstDate, to: visible.lastDate }),
    call('mix.report', { from: visible.mixFrom, to: visible.mixTo, channelId: mixChannel, granularity: 'week' }),
    call('posts.list', { unscheduled: true, statuses: [...BACKLOG_STATUSES] }),
  ]);
}

const requestSnapshot = async (filter: PostFilter, visible: VisibleRange, mixChannel: string | undefined): Promise<Snapshot> => {
  const [posts, surroundings] = await Promise.all([call('posts.list', filter), requestSurroundings(visible, mixChannel)]);
  return { posts, surroundings };
};

// The filter holds the range's instants; with the kind of view they fix the mix's dates too.
const snapshotKey = (filter: PostFilter, view: string, mixChannel: string | undefined): string => JSON.stringify([filter, view, mixChannel]);

const daysBetween = (start: string, end: string): number => Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000);

/** The same posts at the same revisions, and the same layers and mix: nothing to redraw. */
const sameSnapshot = (a: Snapshot, b: Snapshot): boolean =>
  a.posts.length === b.posts.length &&
  a.posts.every((post, i) => post.id === b.posts[i].id && post.revision === b.posts[i].revision) &&
  JSON.stringify(a.surroundings) === JSON.stringify(b.surroundings);

/** Months (or weeks, days) kept ready: the ones beside the view, and the last few seen. */
const SNAPSHOTS_KEPT = 8;

export function useCalendarData(range: VisibleRange, filter: PostFilter, mixChannel: string | undefined, zone: string): CalendarData {
  const [posts, setPosts] = useState<Post[]>([]);
  const [overlay, setOverlay] = useState<CalendarOverlay | null>(null);
  const [mix, setMix] = useState<MixReport | null>(null);
  const [backlog, setBacklog] = useState<Post[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [shownRange, setShownRange] = useState<VisibleRange | null>(null);
  // One sequence for the posts on screen, one for what is drawn around them.
  const latestPosts = useLatest();
  const latestSurroundings = useLatest();
  // The views beside this one, fetched while the user reads this one, so that Next and Previous
  // draw at once. Shown only when moving between views, and always checked against a fresh
  // answer; any change made here (a move, an edit, a teammate's change) forgets them all.
  const snapshots = useRef(new Map<string, Snapshot>());
  // bumped when they are forgotten: a view fetched ahead before a change is not kept after it
  const generation = useRef(0);
  const forget = () => {
    snapshots.current.clear();
    generation.current += 1;
  };
  const remember = (key: string, snapshot: Snapshot) => {
    snapshots.current.delete(key);
    snapshots.current.set(key, snapshot);
    while (snapshots.current.size > SNAPSHOTS_KEPT) snapshots.current.delete(snapshots.current.keys().next().value!);
  };

  const showSurroundings = ([layers, report, unscheduled]: Surroundings) => {
    setOverlay(layers);
    setMix(report);
    setBacklog(unscheduled);
  };
  const show = (snapshot: Snapshot, visible: VisibleRange) => {
    setShownRange(visible);
    setPosts(snapshot.posts);
    showSurroundings(snapshot.surroundings);
  };

  // The same filter over other dates: a view fetched ahead, and the dates FullCalendar asks for.
  const filterFor = (from: string, to: string): PostFilter => ({ ...filter, from, to });

  const prefetchBeside = () => {
    for (const beside of besideRanges(range, zone)) {
      const besideFilter = filterFor(beside.from, beside.to);
      const key = snapshotKey(besideFilter, beside.view, mixChannel);
      if (snapshots.current.has(key)) continue;
      const fetchedIn = generation.current;
      requestSnapshot(besideFilter, beside, mixChannel).then(
        (snapshot) => fetchedIn === generation.current && remember(key, snapshot),
        () => undefined, // a view not fetched ahead is fetched when it is shown
      );
    }
  };

  const load = async (useSnapshot: boolean) => {
    const key = snapshotKey(filter, range.view, mixChannel);
    const ready = useSnapshot ? snapshots.current.get(key) : undefined;
    if (!useSnapshot) forget();
    if (ready) {
      show(ready, range);
      setLoaded(true);
    }
    const [list, surroundings] = await Promise.allSettled([
      latestPosts(() => call('posts.list', filter)),
      latestSurroundings(() => requestSurroundings(range, mixChannel)),
    ]);
    if (list.status === 'fulfilled' && surroundings.status === 'fulfilled') {
      const fresh = { posts: list.value, surroundings: surroundings.value };
      remember(key, fresh);
      if (!ready || !sameSnapshot(ready, fresh)) show(fresh, range);
      setLoaded(true);
      prefetchBeside();
      return;
    }
    // A search typed meanwhile has its own, newer posts answer: the layers and the mix of this
    // range still show (they are not the search's to load).
    if (surroundings.status === 'fulfilled') showSurroundings(surroundings.value);
    const failed = [list, surroundings].find((answer) => answer.status === 'rejected' && !isSuperseded(answer.reason));
    if (failed?.status === 'rejected') showError(failed.reason, 'Could not load the calendar');
    if (failed || surroundings.status === 'fulfilled') setLoaded(true);
  };
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => loadRef.current(false), []);

  const loadSurroundings = useCallback(async () => {
    forget();
    try {
      showSurroundings(await latestSurroundings(() => requestSurroundings(range, mixChannel)));
    } catch (error) {
      if (!isSuperseded(error)) showError(error, 'Could not load the calendar');
    }
  }, [range, mixChannel, latestSurroundings]);

  // Search and filters only change which posts show: typing refetches the posts alone. A new range
  // (or a single chosen channel, which the mix reports on) reloads everything.
  const loadedFor = useRef<{ range: VisibleRange | null; mixChannel: string | undefined }>({ range: null, mixChannel: undefined });
  useEffect(() => {
    const everything = loadedFor.current.range !== range || loadedFor.current.mixChannel !== mixChannel;
    loadedFor.current = { range, mixChannel };
    if (everything) {
      void loadRef.current(true);
      return;
    }
    latestPosts(() => call('posts.list', filter)).then(
      (list) => {
        setShownRange(range);
        setPosts(list);
      },
      (error) => isSuperseded(error) || showError(error, 'Could not load posts'),
    );
  }, [filter, range, mixChannel, latestPosts]);

  // teammates' changes (a post approved on the manager's machine) show without a click
  useTeamChanges(reload);

  const readySnapshot = (start: string, end: string): Snapshot | undefined => {
    if (daysBetween(start, end) !== daysBetween(range.firstDate, range.lastDate) + 1) return undefined;
    return snapshots.current.get(snapshotKey(filterFor(zonedDayStartUtc(start, zone), zonedDayStartUtc(end, zone)), range.view, mixChannel));
  };

  return { loaded, posts, shownRange, setPosts, overlay, mix, backlog, reload, loadSurroundings, readySnapshot };
}
