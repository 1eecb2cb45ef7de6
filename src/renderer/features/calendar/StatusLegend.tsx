// What the card styles mean: striped = not approved yet, red outline = changes requested,
// solid = approved or later, italic title = draft.
import { Group, SegmentedControl, Text } from '@mantine/core';
import { STATUS_LABELS, type PostStatus } from '../../../shared/domain/schemas';
import type { Density } from './eventContent';

const SHOWN: Array<{ status: PostStatus; label: string }> = [
  { status: 'draft', label: STATUS_LABELS.draft },
  { status: 'in_review', label: STATUS_LABELS.in_review },
  { status: 'changes_requested', label: STATUS_LABELS.changes_requested },
  { status: 'approved', label: 'Approved, exported or published' },
];

/** Below the calendar: the legend, and the card density beside it. */
export function StatusLegend({ density, onDensity }: { density: Density; onDensity(density: Density): void }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
    <Group gap="md" wrap="wrap" aria-label="Status legend" component="ul" className="sb-legend">
      {SHOWN.map(({ status, label }) => (
        <Group key={status} gap={6} wrap="nowrap" component="li">
          <span className={`sb-legend-swatch sb-is-${status}`} aria-hidden />
          <Text size="xs" c="dimmed" fs={status === 'draft' ? 'italic' : undefined}>
            {label}
          </Text>
        </Group>
      ))}
    </Group>
    <SegmentedControl
      size="xs"
      aria-label="Card density"
      value={density}
      onChange={(value) => onDensity(value as Density)}
      data={[
        { value: 'comfortable', label: 'Comfortable' },
        { value: 'compact', label: 'Compact' },
      ]}
    />
    </Group>
  );
}
