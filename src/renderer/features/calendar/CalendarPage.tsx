import type { DatesSetArg, EventClickArg, EventContentArg, EventDropArg, EventInput } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type DateClickArg, type DropArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Badge, Button, Group, MultiSelect, Paper, Popover, Stack, Switch, Tabs, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFilter, IconLayoutSidebarRight, IconPlus, IconSearch, IconWand } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CalendarOverlay, PostFilter } from '../../../shared/api/contract';
import type { MixReport } from '../../../shared/planning';
import { MixPanel } from '../mix/MixPanel';
import { PlanDialog } from '../planning/PlanDialog';
import { POST_STATUSES, STATUS_LABELS, type Post, type PostStatus } from '../../../shared/domain/schemas';
import { addDaysLocal, utcToZonedWallTime, zonedDayStartUtc } from '../../../shared/time';
import { call } from '../../api/client';
import { isConflict, showError } from '../../app/errors';
import { isSuperseded, useLatest } from '../../app/latest';
import { useUndo } from '../../app/undo';
import { useWorkspace } from '../../app/workspace';
import { BacklogPanel } from './BacklogPanel';
import { PostEditor, type EditorTarget } from './PostEditor';
import { overlayToEvents } from './overlayEvents';
import { calendarWallClock, DEFAULT_POST_TIME, eventDateToInstant, NETWORK_ABBREVIATIONS, postToEvent, toCalendarTime } from './postEvents';

const MONTH_EVENTS_PER_DAY = 4;

/** `HH:mm` as the calendar writes times: `9:30am`. */
const calendarTimeText = (time: string): string => {
  const hours = Number(time.slice(0, 2));
  return `${hours % 12 || 12}:${time.slice(3, 5)}${hours < 12 ? 'am' : 'pm'}`;
};

/** `HH:mm` plus minutes, capped at the end of the day (times compare as strings). */
const addMinutesToTime = (time: string, minutes: number): string => {
  const total = Math.min(24 * 60 - 1, Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

const element = (tag: string, className: string, text?: string): HTMLElement => {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** Keeps the first `limit` events of each day (by start) and adds a "+N more" event for the rest. */
function limitPerDay(events: EventInput[], limit: number): EventInput[] {
  const byDay = new Map<string, EventInput[]>();
  for (const event of events) {
    const day = String(event.start).slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), event]);
  }
  const kept: EventInput[] = [];
  for (const [day, dayEvents] of byDay) {
    if (dayEvents.length <= limit + 1) {
      kept.push(...dayEvents);
      continue;
    }
    dayEvents.sort((a, b) => String(a.start).localeCompare(String(b.start)));
    kept.push(...dayEvents.slice(0, limit), {
      id: `more-${day}`,
      title: `+${dayEvents.length - limit} more`,
      start: `${day}T23:59:00Z`,
      allDay: false,
      editable: false,
      classNames: ['sb-more-event'],
      backgroundColor: 'transparent',
      borderColor: 'transparent',
      textColor: '#1f2328',
      extendedProps: { moreDate: day },
    });
  }
  return kept;
}

interface VisibleRange {
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

export function CalendarPage() {
  const { info, channels, categories } = useWorkspace();
  const zone = info.timezone;
  const undo = useUndo();
  const calendarRef = useRef<FullCalendar>(null);
  const [range, setRange] = useState<VisibleRange | null>(null);
  const [posts, setPosts] = useState<Post[]>([]);
  const [channelFilter, setChannelFilter] = useState<string[]>([]);
  const [categoryFilter, setCategoryFilter] = useState<string[]>([]);
  const [statusFilter, setStatusFilter] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [debouncedText] = useDebouncedValue(text, 200);
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const [overlay, setOverlay] = useState<CalendarOverlay | null>(null);
  const [mix, setMix] = useState<MixReport | null>(null);
  const [backlog, setBacklog] = useState<Post[]>([]);
  const [sideTab, setSideTab] = useState<string | null>('mix');
  const [planning, setPlanning] = useState(false);
  const [title, setTitle] = useState('');
  const [showObservances, setShowObservances] = useState(true);
  const [showOpenSlots, setShowOpenSlots] = useState(true);
  // Bank laptops are often 1024-1366 px wide: the filters fold into a button below 1440 px, and the
  // side panel starts folded below 1280 px (a button brings it back).
  const compactToolbar = useMediaQuery('(max-width: 1439px)');
  const narrow = useMediaQuery('(max-width: 1279px)');
  const [panelOpen, setPanelOpen] = useState(true);
  useEffect(() => setPanelOpen(!narrow), [narrow]);

  const isMonth = range?.view === 'dayGridMonth';
  // One sequence for the posts on screen, one for what is drawn around them: latest request wins.
  const latestPosts = useLatest();
  const latestSurroundings = useLatest();
  const filter = useMemo<PostFilter | null>(
    () =>
      range && {
        from: range.from,
        to: range.to,
        channelIds: channelFilter.length ? channelFilter : undefined,
        categoryIds: categoryFilter.length ? categoryFilter : undefined,
        statuses: statusFilter.length ? (statusFilter as PostStatus[]) : undefined,
        text: debouncedText.trim() || undefined,
      },
    [range, channelFilter, categoryFilter, statusFilter, debouncedText],
  );

  const mixChannel = channelFilter.length === 1 ? channelFilter[0] : undefined;
  const fetchSurroundings = useCallback(
    (visible: VisibleRange) =>
      latestSurroundings(() => Promise.all([
        call('calendar.overlay', { from: visible.firstDate, to: visible.lastDate }),
        call('mix.report', { from: visible.mixFrom, to: visible.mixTo, channelId: mixChannel, granularity: 'week' }),
        call('posts.list', { unscheduled: true, statuses: ['draft', 'in_review', 'changes_requested', 'approved'] }),
      ])),
    [mixChannel, latestSurroundings],
  );
  const showSurroundings = ([layers, report, unscheduled]: Awaited<ReturnType<typeof fetchSurroundings>>) => {
    setOverlay(layers);
    setMix(report);
    setBacklog(unscheduled);
  };

  /** Everything on screen, fetched together and shown in one render (after navigation or a change). */
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

  /** The layers behind the posts, the mix and the undated posts: after a post moves. */
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

  const categoryById = useMemo(() => new Map(categories.map((c) => [c.id, c])), [categories]);
  const channelById = useMemo(() => new Map(channels.map((c) => [c.id, c])), [channels]);
  const events = useMemo(() => {
    let postEvents = posts.map((p) => postToEvent(p, zone, categoryById)).filter((e) => e !== null);
    // A busy month holds ~1,000 posts; FullCalendar would lay out every one of them. Each day
    // shows its first few and a "+N more" that opens the day's agenda.
    if (isMonth) postEvents = limitPerDay(postEvents, MONTH_EVENTS_PER_DAY);
    if (!overlay) return postEvents;
    const layers = overlayToEvents(overlay, {
      zone,
      channels: channelById,
      showObservances,
      // in month view open slots are counted per day instead (see dayCellContent)
      showOpenSlots: showOpenSlots && !isMonth && channelFilter.length === 0,
    });
    return [...layers, ...postEvents];
  }, [posts, zone, categoryById, overlay, channelById, showObservances, showOpenSlots, isMonth, channelFilter]);
  const dayLabels = useMemo(() => {
    const labels = new Map<string, Array<{ text: string; kind: 'closure' | 'blackout' | 'observance' }>>();
    const add = (date: string, text: string, kind: 'closure' | 'blackout' | 'observance') =>
      labels.set(date, [...(labels.get(date) ?? []), { text, kind }]);
    for (const h of overlay?.holidays ?? []) add(h.date, `Closed: ${h.name}`, 'closure');
    for (const b of overlay?.blackouts ?? []) {
      for (let d = b.startDate; d <= b.endDate; d = addDaysLocal(d, 1)) add(d, `Blackout${b.reason ? `: ${b.reason}` : ''}`, 'blackout');
    }
    if (showObservances) {
      for (const o of overlay?.observances ?? []) {
        // a holiday already names the day (Veterans Day): no second label
        if (!(labels.get(o.start) ?? []).some((l) => l.text.includes(o.name))) add(o.start, o.name, 'observance');
      }
    }
    return labels;
  }, [overlay, showObservances]);
  const openSlotsByDate = useMemo(() => {
    const counts = new Map<string, number>();
    for (const slot of overlay?.openSlots ?? []) counts.set(slot.date, (counts.get(slot.date) ?? 0) + 1);
    return counts;
  }, [overlay]);

  const onDatesSet = (arg: DatesSetArg) => {
    // FullCalendar's dates are wall-clock dates of the workspace zone (see postEvents.ts).
    const firstDate = calendarWallClock(arg.start).date;
    const endDate = calendarWallClock(arg.end).date;
    const from = zonedDayStartUtc(firstDate, zone);
    const to = zonedDayStartUtc(endDate, zone);
    const view = arg.view.type;
    const mixFrom = calendarWallClock(arg.view.currentStart).date;
    const mixTo = addDaysLocal(calendarWallClock(arg.view.currentEnd).date, -1);
    setTitle(arg.view.title);
    setRange((old) =>
      old && old.from === from && old.to === to && old.view === view
        ? old
        : { from, to, firstDate, lastDate: addDaysLocal(endDate, -1), view, mixFrom, mixTo },
    );
  };

  const move = async (id: string, scheduledAt: string | null, revision: number) => {
    const post = await call('posts.move', { id, scheduledAt, revision });
    setPosts((list) => list.map((p) => (p.id === id ? post : p)));
    // the mix panel and the open slots follow the move
    void loadSurroundings();
    return post;
  };

  const onEventDrop = async (arg: EventDropArg) => {
    const post = arg.event.extendedProps.post as Post;
    const target = eventDateToInstant(arg.event.start!, zone);
    if (!target.instant) {
      arg.revert();
      notifications.show({ color: 'orange', title: 'That time does not exist', message: target.message });
      return;
    }
    if (target.status === 'ambiguous') {
      notifications.show({ color: 'yellow', title: 'Time happens twice', message: target.message });
    }
    const before = post.scheduledAt;
    const after = target.instant;
    try {
      // undo and redo each send the revision the last step left
      let current = await move(post.id, after, post.revision);
      undo.push({
        label: `move of “${post.title}”`,
        undo: async () => void (current = await move(post.id, before, current.revision)),
        redo: async () => void (current = await move(post.id, after, current.revision)),
      });
    } catch (error) {
      arg.revert();
      showError(error, 'Could not move the post');
      if (isConflict(error)) await reload();
    }
  };

  /** A backlog post dropped on the calendar gets that day (09:00 in month view) or that time. */
  const onDrop = async (arg: DropArg) => {
    const id = arg.draggedEl.dataset.postId;
    const post = backlog.find((p) => p.id === id);
    if (!post) return;
    const target = eventDateToInstant(arg.date, zone, arg.allDay);
    if (!target.instant) {
      notifications.show({ color: 'orange', title: 'That time does not exist', message: target.message });
      return;
    }
    const at = target.instant;
    try {
      let current = await call('posts.move', { id: post.id, scheduledAt: at, revision: post.revision });
      undo.push({
        label: `scheduling “${post.title}”`,
        undo: async () => void ((current = await call('posts.move', { id: post.id, scheduledAt: null, revision: current.revision })), await reload()),
        redo: async () => void ((current = await call('posts.move', { id: post.id, scheduledAt: at, revision: current.revision })), await reload()),
      });
      await reload();
    } catch (error) {
      showError(error, 'Could not schedule the post');
      if (isConflict(error)) await reload();
    }
  };

  const onEventClick = (arg: EventClickArg) => {
    arg.jsEvent.preventDefault();
    const moreDate = arg.event.extendedProps.moreDate as string | undefined;
    if (moreDate) {
      calendarRef.current?.getApi().changeView('listDay', moreDate);
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

  // Plain DOM nodes, not React elements: FullCalendar mounts React content one root per event,
  // which dominated the month view's paint time with hundreds of events.
  const renderEvent = (arg: EventContentArg) => {
    const post = arg.event.extendedProps.post as Post | undefined;
    if (arg.event.extendedProps.moreDate) return { domNodes: [element('span', 'sb-more', arg.event.title)] };
    const slots = arg.event.extendedProps.openSlots as CalendarOverlay['openSlots'] | undefined;
    if (slots) {
      const networks = slots.map((slot) => channelById.get(slot.channelId)).map((channel) => (channel ? NETWORK_ABBREVIATIONS[channel.network] : '?'));
      const node = element('div', 'sb-open-label', `${calendarTimeText(utcToZonedWallTime(slots[0].start, zone).time)} open · ${networks.join(' ')}`);
      node.title = `Open slot on ${slots.map((slot) => channelById.get(slot.channelId)?.name ?? 'a channel').join(', ')}: click to write a post for it`;
      return { domNodes: [node] };
    }
    if (!post) return undefined; // background layers keep FullCalendar's own rendering
    const errors = post.issues.filter((i) => i.severity === 'error').length;
    const warnings = post.issues.length - errors;
    const root = element('div', `sb-event sb-status-${post.status}`);
    root.title = `${post.title} (${STATUS_LABELS[post.status]})`;
    const first = element('div', 'sb-event-line');
    first.append(element('span', 'sb-event-time', arg.timeText), element('span', 'sb-event-title', post.title));
    if (post.issues.length > 0) {
      const issue = element('span', 'sb-issue', '⚠');
      issue.title = post.issues.map((i) => i.message).join('\n');
      issue.setAttribute('aria-label', `${errors} errors, ${warnings} warnings`);
      first.append(issue);
    }
    const second = element('div', 'sb-event-line');
    for (const id of post.channelIds) {
      const channel = channelById.get(id);
      if (!channel) continue;
      const badge = element('span', 'sb-net', NETWORK_ABBREVIATIONS[channel.network]);
      badge.title = channel.name;
      second.append(badge);
    }
    second.append(element('span', 'sb-status', STATUS_LABELS[post.status]));
    root.append(first, second);
    return { domNodes: [root] };
  };

  const activeFilters = channelFilter.length + categoryFilter.length + statusFilter.length;
  const filterSelects = [
    { label: 'Channels', placeholder: 'All channels', data: channels.map((c) => ({ value: c.id, label: c.name })), value: channelFilter, onChange: setChannelFilter, width: 200 },
    { label: 'Categories', placeholder: 'All categories', data: categories.map((c) => ({ value: c.id, label: c.name })), value: categoryFilter, onChange: setCategoryFilter, width: 200 },
    { label: 'Status', placeholder: 'Any status', data: POST_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })), value: statusFilter, onChange: setStatusFilter, width: 170 },
  ];
  /** The filters, inline on a wide window or in the Filters popover (its dropdowns stay inside it). */
  const filterControls = (inline: boolean) => (
    <>
      {filterSelects.map(({ label, placeholder, data, value, onChange, width }) => (
        <MultiSelect
          key={label}
          label={label}
          placeholder={value.length ? undefined : placeholder}
          data={data}
          value={value}
          onChange={onChange}
          clearable
          w={inline ? width : undefined}
          comboboxProps={inline ? undefined : { withinPortal: false }}
        />
      ))}
      <Stack gap={4}>
        <Switch size="xs" label="Observances" checked={showObservances} onChange={(e) => setShowObservances(e.currentTarget.checked)} />
        <Switch size="xs" label="Open slots" checked={showOpenSlots} onChange={(e) => setShowOpenSlots(e.currentTarget.checked)} />
      </Stack>
    </>
  );

  return (
    <Stack gap="sm" h="calc(100vh - 56px - 2 * var(--mantine-spacing-md))">
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          label="Search"
          placeholder="Title, text or notes"
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: '1 1 150px', minWidth: 120, maxWidth: 220 }}
        />
        {compactToolbar ? (
          <Popover position="bottom-start" shadow="md" trapFocus>
            <Popover.Target>
              <Button variant="default" leftSection={<IconFilter size={16} />}>
                Filters{activeFilters ? ` (${activeFilters})` : ''}
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <Stack gap="sm" w={260}>
                {filterControls(false)}
              </Stack>
            </Popover.Dropdown>
          </Popover>
        ) : (
          filterControls(true)
        )}
        <Group gap="sm" wrap="nowrap" ml="auto" style={{ flexShrink: 0 }}>
          <Button variant="default" onClick={() => setPanelOpen((open) => !open)} aria-pressed={panelOpen} aria-label={panelOpen ? 'Hide the side panel' : 'Show the side panel'} leftSection={<IconLayoutSidebarRight size={16} />}>
            {panelOpen ? 'Hide panel' : 'Mix'}
          </Button>
          <Button variant="default" leftSection={<IconWand size={16} />} onClick={() => setPlanning(true)}>
            Plan…
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditor({})}>
            New post
          </Button>
        </Group>
      </Group>
      <Group gap="sm" align="stretch" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
      <Paper withBorder p="sm" style={{ flex: 1, minWidth: 0 }} aria-label="Content calendar" component="section">
        <FullCalendar
          ref={calendarRef}
          plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
          initialView="dayGridMonth"
          timeZone="UTC"
          firstDay={1}
          height="100%"
          headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,listMonth' }}
          // FullCalendar's icon fonts are role=img without a name: plain arrows with hints instead
          buttonIcons={false}
          buttonText={{ today: 'Today', month: 'Month', week: 'Week', list: 'List', prev: '‹', next: '›' }}
          buttonHints={{ prev: 'Previous $0', next: 'Next $0', today: 'Go to today' }}
          now={() => toCalendarTime(new Date().toISOString(), zone)}
          events={events}
          eventContent={renderEvent}
          eventInteractive
          eventDisplay="block"
          allDaySlot={false}
          editable
          eventDurationEditable={false}
          nowIndicator
          slotMinTime="06:00:00"
          slotMaxTime="22:00:00"
          eventTimeFormat={{ hour: 'numeric', minute: '2-digit', meridiem: 'short' }}
          datesSet={onDatesSet}
          eventDrop={(arg) => void onEventDrop(arg)}
          eventClick={onEventClick}
          dateClick={onDateClick}
          droppable
          drop={(arg) => void onDrop(arg)}
          dayHeaderContent={(arg) => {
            const labels = !isMonth && arg.view.type.startsWith('timeGrid') ? (dayLabels.get(calendarWallClock(arg.date).date) ?? []) : [];
            return (
              <span className="sb-day-header">
                <span>{arg.text}</span>
                {labels.map((l) => (
                  <span key={l.text} className={`sb-day-label sb-day-${l.kind}`} title={l.text}>
                    {l.text}
                  </span>
                ))}
              </span>
            );
          }}
          dayCellContent={(arg) => {
            const date = calendarWallClock(arg.date).date;
            const open = showOpenSlots && isMonth ? (openSlotsByDate.get(date) ?? 0) : 0;
            const labels = isMonth ? (dayLabels.get(date) ?? []) : [];
            return (
              <>
                {labels.length > 0 && (
                  <span className="sb-day-labels">
                    {labels.map((l) => (
                      <span key={l.text} className={`sb-day-label sb-day-${l.kind}`} title={l.text}>
                        {l.text}
                      </span>
                    ))}
                  </span>
                )}
                {open > 0 && <span className="sb-open-count">{open} open</span>}
                <span>{arg.dayNumberText}</span>
              </>
            );
          }}
        />
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
      {planning && range && (
        <PlanDialog
          initialFrom={range.mixFrom}
          initialTo={range.mixTo}
          onClose={() => setPlanning(false)}
          onApplied={() => void reload()}
        />
      )}
      {editor && (
        <PostEditor
          target={editor}
          onClose={() => setEditor(null)}
          onChanged={() => void reload()}
        />
      )}
    </Stack>
  );
}
