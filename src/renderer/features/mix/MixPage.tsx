// The mix report: planned and published posts per category against target shares, per week or
// month, with a chart and the self-promotion share called out.
import { BarChart } from '@mantine/charts';
import { Alert, Badge, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarStats, IconChartLine, IconSpeakerphone, IconTagOff } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { MixScope } from '../../../shared/api/contract';
import type { MixReport } from '../../../shared/planning';
import { utcToZonedWallTime } from '../../../shared/time';
import { addMonths, endOfMonth, format, parseISO } from 'date-fns';
import { call } from '../../api/client';
import { isSuperseded, useLatest } from '../../app/latest';
import { showError } from '../../app/errors';
import { formatPeriod } from '../../app/format';
import { useWorkspace } from '../../app/workspace';
import { StatCard } from '../../components/StatCard';
import { countedText, promotionText, signalText } from '../../../shared/planning';
import { SIGNAL_COLOR } from './MixPanel';

const firstOfMonth = (date: string) => `${date.slice(0, 8)}01`;
/** A badge sized to its words: Mantine cuts a badge to its cell with an ellipsis. */
const WHOLE_BADGE = { root: { maxWidth: 'none', overflow: 'visible', flex: 'none' }, label: { overflow: 'visible', textOverflow: 'clip' } } as const;

export function MixPage() {
  const { info, channels, categories } = useWorkspace();
  const today = utcToZonedWallTime(new Date().toISOString(), info.timezone).date;
  const [scope, setScope] = useState<MixScope>(() => {
    // this month and the next two
    const from = firstOfMonth(today);
    const to = format(endOfMonth(addMonths(parseISO(from), 2)), 'yyyy-MM-dd');
    return { from, to, granularity: 'month' };
  });
  const [report, setReport] = useState<MixReport | null>(null);
  const latest = useLatest();

  useEffect(() => {
    if (!scope.from || !scope.to || scope.to < scope.from) return;
    latest(() => call('mix.report', scope)).then(setReport, (error) => isSuperseded(error) || showError(error, 'Could not compute the mix'));
  }, [scope]);

  const colors = new Map(categories.map((c) => [c.id, c.color]));
  const chartData = useMemo(
    () =>
      (report?.periods ?? []).map((period) => ({
        period: formatPeriod(period.start, period.end, report!.granularity),
        ...Object.fromEntries(
          period.categories.map((c) => [report!.categories.find((r) => r.categoryId === c.categoryId)?.name ?? c.categoryId, c.count]),
        ),
      })),
    [report],
  );
  // the legends list the categories as the table does (Recharts would sort them by name)
  const tableOrder = useMemo(() => new Map((report?.categories ?? []).map((c, index) => [c.name, index])), [report]);
  const legendInTableOrder = { verticalAlign: 'bottom' as const, itemSorter: (item: { value?: unknown }) => tableOrder.get(String(item.value)) ?? tableOrder.size };
  const shareData = useMemo(() => (report?.categories ?? []).map((c) => ({ category: c.name, Share: Math.round(c.percent * 10) / 10, Target: Math.round(c.targetPercent * 10) / 10 })), [report]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            Content mix
          </Title>
          <Text c="dimmed" size="sm">
            Stories, questions, people and advice keep a bank's feed human; product posts stay a minority.
          </Text>
        </div>
        <Group gap="sm" align="flex-end">
          <TextInput label="From" type="date" value={scope.from} onChange={(e) => setScope({ ...scope, from: e.currentTarget.value })} />
          <TextInput label="To" type="date" value={scope.to} onChange={(e) => setScope({ ...scope, to: e.currentTarget.value })} />
          <Select
            label="Channel"
            w={220}
            data={[{ value: '', label: 'All channels' }, ...channels.map((c) => ({ value: c.id, label: c.name }))]}
            value={scope.channelId ?? ''}
            onChange={(v) => setScope({ ...scope, channelId: v || undefined })}
            allowDeselect={false}
          />
          <SegmentedControl
            aria-label="Period"
            value={scope.granularity ?? 'month'}
            onChange={(v) => setScope({ ...scope, granularity: v as 'week' | 'month' })}
            data={[
              { value: 'week', label: 'Weeks' },
              { value: 'month', label: 'Months' },
            ]}
          />
        </Group>
      </Group>
      {report && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <StatCard label="Counted in range" value={report.total} detail={`${countedText(report)}: ${report.planned} planned, ${report.published} published`} icon={<IconCalendarStats size={20} />} color="teal" />
            <StatCard
              label="Self-promotion"
              value={`${(report.promotionalShare.share * 100).toFixed(0)}%`}
              valueColor={report.promotionalShare.signal === 'over' ? 'red.9' : undefined}
              detail={`target at most ${(report.promotionalShare.targetShare * 100).toFixed(0)}%`}
              icon={<IconSpeakerphone size={20} />}
              color={report.promotionalShare.signal === 'over' ? 'red' : 'gray'}
            />
            <StatCard
              label={`Worst run of ${report.rollingWindow.size} posts`}
              value={report.rollingWindow.maxDeviation.toFixed(1)}
              detail="posts off target"
              icon={<IconChartLine size={20} />}
              color="blue"
            />
            <StatCard label="Without a category" value={report.uncategorized} detail="posts that match no target" icon={<IconTagOff size={20} />} />
          </SimpleGrid>
          {report.promotionalShare.signal !== 'under' && (
            <Alert color={report.promotionalShare.signal === 'over' ? 'red' : 'blue'} variant="light" title={report.promotionalShare.signal === 'over' ? 'Too much self-promotion' : 'Self-promotion at its limit'}>
              {promotionText(report)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Paper withBorder p="md" aria-label="Posts per category and period">
              <Text fw={600} mb="sm">
                Posts per {report.granularity}
              </Text>
              <BarChart
                h={280}
                data={chartData}
                dataKey="period"
                type="stacked"
                withLegend
                legendProps={legendInTableOrder}
                series={report.categories.map((c) => ({ name: c.name, color: colors.get(c.categoryId) ?? 'gray.6' }))}
              />
            </Paper>
            <Paper withBorder p="md" aria-label="Share of each category against its target">
              <Text fw={600} mb="sm">
                Share against target
              </Text>
              <BarChart
                h={280}
                data={shareData}
                dataKey="category"
                unit="%"
                withLegend
                legendProps={{ verticalAlign: 'bottom' }}
                // the first word names the category under its bars; the tooltip and the table give the whole name
                xAxisProps={{ interval: 0, tickFormatter: (name: string) => (name.length > 12 ? `${name.split(/[\s&,]+/)[0]}…` : name) }}
                series={[
                  { name: 'Share', color: 'teal.8' },
                  { name: 'Target', color: 'gray.5' },
                ]}
              />
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="md">
            <Table striped aria-label="Mix per category">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Category</Table.Th>
                  <Table.Th ta="right">Planned</Table.Th>
                  <Table.Th ta="right">Published</Table.Th>
                  <Table.Th ta="right">Share</Table.Th>
                  <Table.Th ta="right">Target</Table.Th>
                  <Table.Th ta="right">Deviation (posts)</Table.Th>
                  <Table.Th>Signal</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.categories.map((c) => (
                  <Table.Tr key={c.categoryId}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <span style={{ flex: 'none', width: 10, height: 10, borderRadius: 5, background: colors.get(c.categoryId) }} aria-hidden />
                        {c.name}
                        {c.isPromotional && (
                          <Badge size="xs" variant="outline" color="gray.8" styles={WHOLE_BADGE}>
                            promotion
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{c.planned}</Table.Td>
                    <Table.Td ta="right">{c.published}</Table.Td>
                    <Table.Td ta="right">{c.percent.toFixed(1)}%</Table.Td>
                    <Table.Td ta="right">{c.targetPercent.toFixed(0)}%</Table.Td>
                    <Table.Td ta="right">
                      {c.deviation >= 0 ? '+' : ''}
                      {c.deviation.toFixed(1)}
                    </Table.Td>
                    {/* the signal is read whole ("2.5 over"), never cut to "2.5 OV…" */}
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge size="sm" variant="outline" color={SIGNAL_COLOR[c.signal]} styles={WHOLE_BADGE}>
                        {signalText(c.signal, c.deviation)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
    </Stack>
  );
}
