import type { DatesSetArg, DayCellContentArg, DayHeaderContentArg, EventClickArg, EventContentArg, EventDropArg, EventHoveringArg } from '@fullcalendar/core';
import type { DateClickArg, DropArg } from '@fullcalendar/interaction';
import type FullCalendar from '@fullcalendar/react';
import { Badge, Center, Group, Loader, Paper, Stack, Tabs } from '@mantine/core';
import { useLocalStorage, useMediaQuery } from '@mantine/hooks';
import { startTransition, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PostFilter } from '../../../shared/api/contract';
import type { Post, PostStatus } from '../../../shared/domain/schemas';
import { utcToZonedWallTime } from '../../../shared/time';
import { call } from '../../api/client';
import { showError } from '../../app/errors';
import { listParam, usePageParams, useTypedParam } from '../../app/route';
import { useStableCallback } from '../../app/stable';
import { useUndo } from '../../app/undo';
import { useWorkspace } from '../../app/workspace';
import { useConfirm } from '../../components/ConfirmDialog';
import { lazyNamed } from '../../app/lazyNamed';
import { MixPanel } from '../mix/MixPanel';
import { OnboardingChecklist } from '../onboarding/OnboardingChecklist';
import { BacklogPanel } from './BacklogPanel';
import { CalendarView, VIEWS, type ViewName } from './CalendarView';
import { CalendarToolbar, type CalendarFilters } from './CalendarToolbar';
import { dayCellNodes, dayHeaderNodes } from './DayLabels';
import { EventPreviewHost, setPreview } from './EventPreview';
import { renderEventContent, type Density } from './eventContent';
import { OpenSlotList } from './OpenSlotList';
import type { EditorTarget } from './editorDraft';
import { calendarWallClock, DEFAULT_POST_TIME } from './postEvents';
import { StatusLegend } from './StatusLegend';
import { useCalendarData, type VisibleRange } from './useCalendarData';
import { calendarMoves } from './calendarMoves';
import { useCalendarEvents, type EventOptions } from './calendarEvents';
import { openingRange, visibleRange } from './visibleRange';

// The editor and the plan dialog open on demand: chunks of their own, fetched once the calendar
// has painted (so the first paint does not load, parse and run them, and opening does not wait).
const PostEditor = lazyNamed(() => import('./PostEditor'), 'PostEditor');
const PlanDialog = lazyNamed(() => import('../planning/PlanDialog'), 'PlanDialog');

const viewName = (type: string): ViewName => (Object.entries(VIEWS).find(([, fc]) => fc === type)?.[0] as ViewName | undefined) ?? 'month';

/** `HH:mm` plus minutes, capped at the end of the day (times compare as strings). */
const addMinutesToTime = (time: string, minutes: number): string => {
  const total = Math.min(24 * 60 - 1, Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

export function CalendarPage() {
  const { info, channels, categories } = useWorkspace();
  const zone = info.timezone;
  const undo = useUndo();
  const calendarRef = useRef<FullCalendar>(null);
  const [params, setParams] = usePageParams('calendar');
  const filters: CalendarFilters = useMemo(
    () => ({ channels: listParam(params.channels), categories: listParam(params.categories), statuses: listParam(params.statuses) }),
    [params.channels, params.categories, params.statuses],
  );
  const setFilters = (changes: Partial<CalendarFilters>) => setParams(Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, value.join(',')])));
  const [text, setText, debouncedText] = useTypedParam(params.q, (q) => setParams({ q }, 'replace'));

  // where the calendar opens (the address); later moves go through its API and onDatesSet
  const [{ initialView, initialDate }] = useState(() => ({ initialView: VIEWS[params.view as ViewName] ?? VIEWS.month, initialDate: params.date || undefined }));
  const [range, setRange] = useState<VisibleRange>(() => openingRange(initialView, initialDate, zone));
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  // #/calendar?post=<id> opens that post (from an idea's detail, say)
  useEffect(() => {
    if (!params.post) return;
    const id = params.post;
    setParams({ post: '' }, 'replace');
    call('posts.get', { id }).then((post) => setEditor({ post }), (error) => showError(error, 'Could not open the post'));
  }, [params.post, setParams]);
  const [planning, setPlanning] = useState(false);
  const [title, setTitle] = useState('');
  const [sideTab, setSideTab] = useState<string | null>('mix');
  const [showObservances, setShowObservances] = useLocalStorage({ key: 'storybank.calendar.observances', defaultValue: true, getInitialValueInEffect: false });
  const [showOpenSlots, setShowOpenSlots] = useLocalStorage({ key: 'storybank.calendar.openSlots', defaultValue: true, getInitialValueInEffect: false });
  const [density, setDensity] = useLocalStorage<Density>({ key: 'storybank.calendar.density', defaultValue: 'compact', getInitialValueInEffect: false });
  const [confirm, confirmDialog] = useConfirm();
  // Bank laptops are often 1024-1366 px wide: the filters fold into a button below 1440 px, and the
  // side panel starts folded below 1280 px (a button brings it back).
  const compactToolbar = useMediaQuery('(max-width: 1439px)');
  const narrow = useMediaQuery('(max-width: 1279px)');
  const [panelOpen, setPanelOpen] = useState(true);
  useEffect(() => setPanelOpen(!narrow), [narrow]);

  const isMonth = range.view === VIEWS.month;
  const isList = range.view === VIEWS.list;
  const filter = useMemo<PostFilter>(
    () => ({
      from: range.from,
      to: range.to,
      channelIds: filters.channels.length ? filters.channels : undefined,
      categoryIds: filters.categories.length ? filters.categories : undefined,
      statuses: filters.statuses.length ? (filters.statuses as PostStatus[]) : undefined,
      text: debouncedText.trim() || undefined,
    }),
    [range, filters, debouncedText],
  );
  const mixChannel = filters.channels.length === 1 ? filters.channels[0] : undefined;
  const calendarData = useCalendarData(range, filter, mixChannel, zone);
  const { loaded, posts, setPosts, overlay, mix, backlog, reload, loadSurroundings } = calendarData;
  useEffect(() => {
    if (!loaded) return;
    const preload = () => (PostEditor.preload(), PlanDialog.preload());
    const idle = window.requestIdleCallback?.(preload, { timeout: 2000 }) ?? window.setTimeout(preload, 500);
    return () => (window.cancelIdleCallback ?? window.clearTimeout)(idle);
  }, [loaded]);

  const categoryById = useMemo(() => new Map(categories.map((c) => [c.id, c])), [categories]);
  const channelById = useMemo(() => new Map(channels.map((c) => [c.id, c])), [channels]);
  const eventOptions = useMemo<EventOptions>(
    () => ({ zone, view: range.view, categories: categoryById, channels: channelById, showObservances, showOpenSlots, channelFiltered: filters.channels.length > 0, density }),
    [zone, range.view, categoryById, channelById, showObservances, showOpenSlots, filters.channels.length, density],
  );
  const { source: eventSource, currentLayers } = useCalendarEvents(calendarRef, range, calendarData, eventOptions);

  const onDatesSet = (arg: DatesSetArg) => {
    // FullCalendar's dates are wall-clock dates of the workspace zone (see postEvents.ts).
    const date = (d: Date) => calendarWallClock(d).date;
    const shown = visibleRange(arg.view.type, date(arg.start), date(arg.end), date(arg.view.currentStart), date(arg.view.currentEnd), zone);
    setPreview(null);
    // FullCalendar has drawn the new dates by now: the page around it (the mix, the address)
    // follows as a transition, so the browser paints the calendar before React renders the rest
    startTransition(() => {
      setTitle(arg.view.title);
      setRange((old) => (old.from === shown.from && old.to === shown.to && old.view === shown.view && old.mixFrom === shown.mixFrom ? old : shown));
      // the address follows the calendar: a first visit replaces, a move adds a step for Back
      const changes = { view: viewName(shown.view), date: shown.mixFrom };
      if (changes.view !== params.view || changes.date !== params.date) setParams(changes, params.view ? 'push' : 'replace');
    });
  };
  // ...and the calendar follows the address (Back, Forward, a link)
  useEffect(() => {
    const api = calendarRef.current?.getApi();
    if (!api || !params.view) return;
    const type = VIEWS[params.view as ViewName] ?? VIEWS.month;
    const start = calendarWallClock(api.view.currentStart).date;
    if (api.view.type !== type || (params.date && params.date !== start)) api.changeView(type, params.date || undefined);
  }, [params.view, params.date]);

  const { onEventDrop, onDrop } = calendarMoves({ zone, overlay, backlog, setPosts, loadSurroundings, reload, confirm, undo });

  const onEventClick = (arg: EventClickArg) => {
    arg.jsEvent.preventDefault();
    setPreview(null);
    const moreDate = arg.event.extendedProps.moreDate as string | undefined;
    if (moreDate) {
      calendarRef.current?.getApi().changeView(VIEWS.day, moreDate);
      return;
    }
    if (arg.event.extendedProps.post) setEditor({ post: arg.event.extendedProps.post as Post });
  };

  /** A click on an empty time writes a post for it; on an open slot, for that slot's channels. */
  const onDateClick = (arg: DateClickArg) => {
    const wall = calendarWallClock(arg.date);
    if (arg.allDay) return setEditor({ date: wall.date, time: DEFAULT_POST_TIME });
    const open = (overlay?.openSlots ?? []).filter((slot) => {
      const slotWall = utcToZonedWallTime(slot.start, zone);
      return slotWall.date === wall.date && slotWall.time <= wall.time && wall.time < addMinutesToTime(slotWall.time, 30);
    });
    if (open.length) {
      const slotWall = utcToZonedWallTime(open[0].start, zone);
      return setEditor({ date: slotWall.date, time: slotWall.time, channelIds: open.map((slot) => slot.channelId) });
    }
    setEditor({ date: wall.date, time: wall.time });
  };

  const eventContent = useCallback((arg: EventContentArg) => renderEventContent(arg, { zone, channels: channelById, density }), [zone, channelById, density]);
  const showPreview = useCallback((arg: EventHoveringArg) => {
    const post = arg.event.extendedProps.post as Post | undefined;
    if (post) setPreview({ post, rect: arg.el.getBoundingClientRect() });
  }, []);
  const hidePreview = useCallback(() => setPreview(null), []);
  const onDatesSetStable = useStableCallback(onDatesSet);
  const onEventDropStable = useStableCallback((arg: EventDropArg) => void onEventDrop(arg));
  const onEventClickStable = useStableCallback(onEventClick);
  const onDateClickStable = useStableCallback(onDateClick);
  const onDropStable = useStableCallback((arg: DropArg) => void onDrop(arg));
  // the cells read the layers FullCalendar is drawing with (see calendarEvents.ts)
  const dayHeaderContent = useCallback(
    (arg: DayHeaderContentArg) => dayHeaderNodes(arg, !isMonth && arg.view.type.startsWith('timeGrid') ? currentLayers().labels : null),
    [isMonth, currentLayers],
  );
  const dayCellContent = useCallback(
    (arg: DayCellContentArg) => dayCellNodes(arg, isMonth ? currentLayers().labels : null, showOpenSlots && isMonth ? currentLayers().openSlots : null),
    [isMonth, showOpenSlots, currentLayers],
  );

  return (
    <Stack gap="sm" h="calc(100vh - 56px - 2 * var(--mantine-spacing-md))">
      <OnboardingChecklist refreshKey={posts} onNewPost={() => setEditor({})} onDemoLoaded={() => void reload()} />
      <CalendarToolbar
        text={text}
        onText={setText}
        filters={filters}
        onFilters={setFilters}
        channels={channels}
        categories={categories}
        compact={compactToolbar}
        showObservances={showObservances}
        onShowObservances={setShowObservances}
        showOpenSlots={showOpenSlots}
        onShowOpenSlots={setShowOpenSlots}
        panelOpen={panelOpen}
        onTogglePanel={() => setPanelOpen((open) => !open)}
        onPlan={() => setPlanning(true)}
        onNewPost={() => setEditor({})}
      />
      <Group gap="sm" align="stretch" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Paper withBorder p="sm" style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: 6 }} aria-label="Content calendar" component="section" className={`sb-density-${density}`}>
          <div style={{ flex: 1, minHeight: 0 }}>
            {/* drawn once its first posts are in: FullCalendar lays out the whole view on each change */}
            {!loaded ? (
              <Center h="100%">
                <Loader aria-label="Loading the calendar" />
              </Center>
            ) : (
              <CalendarView
                calendarRef={calendarRef}
                initialView={initialView}
                initialDate={initialDate}
                zone={zone}
                events={eventSource}
                eventContent={eventContent}
                datesSet={onDatesSetStable}
                eventDrop={onEventDropStable}
                eventClick={onEventClickStable}
                eventMouseEnter={showPreview}
                eventMouseLeave={hidePreview}
                eventDragStart={hidePreview}
                dateClick={onDateClickStable}
                drop={onDropStable}
                dayHeaderContent={dayHeaderContent}
                dayCellContent={dayCellContent}
              />
            )}
          </div>
          {isList && showOpenSlots && overlay && (
            <OpenSlotList slots={overlay.openSlots} zone={zone} channels={channelById} onWrite={(slot) => setEditor(slot)} />
          )}
          <StatusLegend density={density} onDensity={setDensity} />
        </Paper>
        {panelOpen && (
          <Paper withBorder p="sm" w={290} style={{ flexShrink: 0, overflowY: 'auto' }}>
            <Tabs value={sideTab} onChange={setSideTab} keepMounted>
              <Tabs.List grow mb="sm">
                <Tabs.Tab value="mix">Content mix</Tabs.Tab>
                <Tabs.Tab
                  value="backlog"
                  rightSection={
                    backlog.length > 0 ? (
                      <Badge size="xs" variant="outline" color="gray.8" circle>
                        {backlog.length}
                      </Badge>
                    ) : undefined
                  }
                >
                  No date
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="mix">
                <MixPanel report={mix} categories={categories} title={title} />
              </Tabs.Panel>
              <Tabs.Panel value="backlog">
                <BacklogPanel posts={backlog} categories={categories} channels={channels} onOpen={(post) => setEditor({ post })} />
              </Tabs.Panel>
            </Tabs>
          </Paper>
        )}
      </Group>
      <EventPreviewHost zone={zone} channels={channelById} hidden={editor !== null} />
      {confirmDialog}
      <Suspense fallback={null}>
        {planning && <PlanDialog initialFrom={range.mixFrom} initialTo={range.mixTo} onClose={() => setPlanning(false)} onApplied={() => void reload()} />}
        {editor && <PostEditor target={editor} onClose={() => setEditor(null)} onChanged={() => void reload()} />}
      </Suspense>
    </Stack>
  );
}
