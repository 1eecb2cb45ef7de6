import { ActionIcon, Badge, Button, Group, Loader, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OperationOutput } from '../../../shared/api/contract';
import { DEFAULT_OBSERVANCES, resolveObservance, type Observance, type ObservanceRule } from '../../../shared/calendar-rules';
import { call } from '../../api/client';
import { showError } from '../../app/errors';
import { useUndo } from '../../app/undo';
import { useWorkspace } from '../../app/workspace';
import { formatDateRange, todayIn } from '../../app/format';
import { showSaved, MUTED } from './feedback';
import { WEEKDAYS } from './slotSchedule';

type StoredObservance = OperationOutput<'observances.list'>[number];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ORDINALS: Record<number, string> = { 1: 'First', 2: 'Second', 3: 'Third', 4: 'Fourth', 5: 'Fifth', [-1]: 'Last' };
const KIND_LABELS = { month: 'Month', week: 'Week', day: 'Day' } as const;
const KIND_COLORS = { month: 'violet', week: 'blue', day: 'teal' } as const;

/** "All of April", "April 22", "Last Monday of February, 5 days", "2 days after the fourth Thursday of November". */
export function describeRule(rule: ObservanceRule): string {
  const lasting = (days: number | undefined) => (days && days > 1 ? `, ${days} days` : '');
  switch (rule.type) {
    case 'month':
      return `All of ${MONTHS[rule.month - 1]}`;
    case 'fixedDate':
      return `${MONTHS[rule.month - 1]} ${rule.day}${lasting(rule.days)}`;
    case 'nthWeekday': {
      const base = `${ORDINALS[rule.nth]} ${WEEKDAYS[rule.weekday - 1].long} of ${MONTHS[rule.month - 1]}`;
      const offset = rule.offsetDays ?? 0;
      const shifted =
        offset === 0
          ? base
          : `${Math.abs(offset)} ${Math.abs(offset) === 1 ? 'day' : 'days'} ${offset > 0 ? 'after' : 'before'} the ${base.charAt(0).toLowerCase()}${base.slice(1)}`;
      return `${shifted}${lasting(rule.days)}`;
    }
  }
}

/** The occurrence that has not ended yet: this year's, else next year's. */
function nextOccurrence(observance: Observance, today: string): string | null {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    const occurrence = resolveObservance(observance, y);
    if (occurrence && occurrence.end >= today) return formatDateRange(occurrence.start, occurrence.end);
  }
  return null;
}

export function ObservancesSection() {
  const { info } = useWorkspace();
  const undo = useUndo();
  const [observances, setObservances] = useState<StoredObservance[] | null>(null);
  const today = todayIn(info.timezone);

  const refresh = useCallback(async () => {
    try {
      setObservances(await call('observances.list', {}));
    } catch (error) {
      showError(error, 'Could not load the observances');
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Saves run one after another, each with the newest list, so quick toggles are never lost.
  const latest = useRef<StoredObservance[] | null>(null);
  latest.current = observances;
  const queue = useRef<Promise<void>>(Promise.resolve());

  /** Sets one observance on the server, starting from the server's current list. */
  const setEnabledOnServer = async (id: string, enabled: boolean) => {
    const current = await call('observances.list', {});
    await call('observances.save', { observances: current.map((o) => (o.id === id ? { ...o, enabled } : o)) });
    await refresh();
  };

  const toggle = (id: string, enabled: boolean) => {
    const list = latest.current;
    if (!list) return;
    const name = list.find((o) => o.id === id)?.name ?? 'Observance';
    const next = list.map((o) => (o.id === id ? { ...o, enabled } : o));
    latest.current = next;
    setObservances(next); // the switch answers at once; the server's answer follows
    queue.current = queue.current.then(async () => {
      try {
        setObservances(await call('observances.save', { observances: latest.current ?? next }));
        undo.push({
          label: `${enabled ? 'showing' : 'hiding'} ${name}`,
          undo: () => setEnabledOnServer(id, !enabled),
          redo: () => setEnabledOnServer(id, enabled),
        });
        showSaved(enabled ? `${name} shown` : `${name} hidden`, enabled ? 'It appears on the calendar again.' : 'It no longer appears on the calendar.');
      } catch (error) {
        showError(error, `Could not save ${name}`);
        await refresh();
      }
    });
  };

  const shown = observances?.filter((o) => o.enabled).length ?? 0;
  const [adding, setAdding] = useState(false);
  const builtIn = new Set(DEFAULT_OBSERVANCES.map((o) => o.id));

  /** Saves a whole new list (add or remove one of the bank's own observances), undoably. */
  const replaceList = async (next: StoredObservance[], label: string) => {
    const before = latest.current ?? [];
    try {
      setObservances(await call('observances.save', { observances: next }));
      undo.push({
        label,
        undo: async () => void setObservances(await call('observances.save', { observances: before })),
        redo: async () => void setObservances(await call('observances.save', { observances: next })),
      });
      showSaved(label.charAt(0).toUpperCase() + label.slice(1));
    } catch (error) {
      showError(error, 'Could not save the observances');
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            Observances
          </Title>
          <Text c={MUTED} size="sm">
            Awareness months, weeks and days a community bank often posts about. Switch on the ones to show on the calendar.
          </Text>
        </div>
        {observances && (
          <Group gap="sm">
            <Text size="sm" c={MUTED}>
              {shown} of {observances.length} shown
            </Text>
            <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
              Add observance
            </Button>
          </Group>
        )}
      </Group>
      {!observances ? (
        <Loader role="status" aria-label="Loading observances" />
      ) : (
        <Paper withBorder>
          <Stack gap={0} component="ul" aria-label="Observances" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {observances.map((o, i) => {
              const next = nextOccurrence(o, today);
              return (
                  <Group
                    key={o.id}
                    component="li"
                    justify="space-between"
                    align="flex-start"
                    wrap="nowrap"
                    px="md"
                    py="sm"
                    gap="md"
                    style={i > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
                  >
                    <Switch
                      style={{ flex: 1 }}
                      label={o.name}
                      checked={o.enabled}
                      onChange={(e) => toggle(o.id, e.currentTarget.checked)}
                      description={
                        <>
                          <span>{[describeRule(o.rule), next && `Next: ${next}`].filter(Boolean).join(' · ')}</span>
                          {o.note && (
                            <Text component="span" display="block" size="xs" c={MUTED} mt={4} maw={760} fs="italic">
                              {o.note}
                            </Text>
                          )}
                        </>
                      }
                      styles={{ label: { fontWeight: 600 }, description: { marginTop: 2 } }}
                    />
                    <Badge variant="dot" color={KIND_COLORS[o.kind]} size="md" w={80} tt="none" fw={500}>
                      {KIND_LABELS[o.kind]}
                    </Badge>
                    {!builtIn.has(o.id) && (
                      <ActionIcon
                        variant="subtle"
                        color="red.9"
                        aria-label={`Remove ${o.name}`}
                        onClick={() => void replaceList((observances ?? []).filter((x) => x.id !== o.id), `removed ${o.name}`)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Group>
              );
            })}
          </Stack>
        </Paper>
      )}
      {adding && (
        <ObservanceForm
          onClose={() => setAdding(false)}
          onAdd={(observance) => {
            setAdding(false);
            void replaceList([...(latest.current ?? []), observance], `added ${observance.name}`);
          }}
        />
      )}
    </Stack>
  );
}

/** The bank's own observance: a day, a few days or a whole month, every year. */
function ObservanceForm({ onClose, onAdd }: { onClose: () => void; onAdd: (observance: StoredObservance) => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'day' | 'week' | 'month'>('day');
  const [month, setMonth] = useState(1);
  const [day, setDay] = useState(1);
  const [days, setDays] = useState(1);
  const trimmed = name.trim();
  const submit = () => {
    const slug = trimmed.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'observance';
    const rule: ObservanceRule = kind === 'month' ? { type: 'month', month } : { type: 'fixedDate', month, day, days: kind === 'week' ? days : 1 };
    onAdd({
      id: `${slug}-${Date.now().toString(36)}`,
      name: trimmed,
      kind,
      rule: rule as StoredObservance['rule'],
      enabled: true,
      note: 'Added by your team.',
    });
  };
  return (
    <Modal opened onClose={onClose} title="Add an observance" size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (trimmed) submit();
        }}
      >
        <Stack gap="sm">
          <TextInput label="Name" required data-autofocus placeholder="e.g. Riverside Founders' Day" value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <SimpleGrid cols={2}>
            <Select
              label="Lasts"
              data={[
                { value: 'day', label: 'One day' },
                { value: 'week', label: 'Several days' },
                { value: 'month', label: 'A whole month' },
              ]}
              value={kind}
              onChange={(v) => v && setKind(v as typeof kind)}
              allowDeselect={false}
            />
            <Select
              label="Month"
              data={MONTHS.map((label, i) => ({ value: String(i + 1), label }))}
              value={String(month)}
              onChange={(v) => v && setMonth(Number(v))}
              allowDeselect={false}
            />
            {kind !== 'month' && <NumberInput label="Day of the month" min={1} max={31} value={day} onChange={(v) => setDay(Number(v) || 1)} />}
            {kind === 'week' && <NumberInput label="Number of days" min={2} max={31} value={days} onChange={(v) => setDays(Number(v) || 2)} />}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!trimmed}>
              Add observance
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
