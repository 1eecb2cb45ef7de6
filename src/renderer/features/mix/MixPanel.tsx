// Live content mix beside the calendar: the visible range's counts against target shares.
import { Alert, Badge, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { countedText, promotionText, signalText, type MixReport } from '../../../shared/planning';
import type { Category } from '../../../shared/domain/schemas';
import { plural } from '../../../shared/words';

// dark shades: the badge text stays above AA contrast
export const SIGNAL_COLOR = { on_target: 'teal.9', over: 'red.9', under: 'blue.9' } as const;

export function MixPanel({ report, categories, title }: { report: MixReport | null; categories: Category[]; title: string }) {
  const colors = new Map(categories.map((c) => [c.id, c.color]));
  return (
    <section aria-label="Content mix">
      <Text size="xs" c="dimmed" mb="sm">
        {title} · {report ? countedText(report) : 'loading…'}
      </Text>
      {report && (
        <Stack gap="sm">
          {report.categories.map((row) => (
            <div key={row.categoryId}>
              <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
                <Text size="sm" fw={500} lh={1.25}>
                  {row.name}
                </Text>
                <Tooltip label={`${row.count} of ${report.total}; target ${row.targetCount.toFixed(1)}. On target means within one of it.`}>
                  <Badge size="xs" variant="outline" color={SIGNAL_COLOR[row.signal]} style={{ flexShrink: 0 }}>
                    {signalText(row.signal, row.deviation)}
                  </Badge>
                </Tooltip>
              </Group>
              <Progress.Root size="lg" mt={4}>
                <Progress.Section
                  value={Math.min(100, row.percent)}
                  color={colors.get(row.categoryId) ?? 'gray'}
                  aria-label={`${row.name}: ${row.percent.toFixed(0)}% of posts, target ${row.targetPercent.toFixed(0)}%`}
                />
              </Progress.Root>
              <Group justify="space-between" mt={2}>
                <Text size="xs" c="dimmed">
                  {row.count} · target {row.targetCount.toFixed(1)} ({row.targetPercent.toFixed(0)}%)
                </Text>
                <Text size="xs" c="dimmed">
                  {row.published} published
                </Text>
              </Group>
            </div>
          ))}
          <Alert
            variant="light"
            color={report.promotionalShare.signal === 'over' ? 'red' : report.promotionalShare.signal === 'on_target' ? 'blue' : 'teal'}
            title="Self-promotion"
            p="xs"
          >
            <Text size="xs">
              {promotionText(report)}
            </Text>
          </Alert>
          {report.uncategorized > 0 && (
            <Text size="xs" c="dimmed">
              {plural(report.uncategorized, 'post')} {report.uncategorized === 1 ? 'has' : 'have'} no category.
            </Text>
          )}
          <Text size="xs" c="dimmed">
            Worst run of {report.rollingWindow.size} posts: {report.rollingWindow.maxDeviation.toFixed(1)} posts off target.
          </Text>
        </Stack>
      )}
    </section>
  );
}
