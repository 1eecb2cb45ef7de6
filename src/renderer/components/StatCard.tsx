import { Group, Paper, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

/** One headline figure with a label and a line of context (export preview, mix report). */
export function StatCard({
  label,
  value,
  detail,
  icon,
  color = 'gray',
  valueColor,
}: {
  label: string;
  value: ReactNode;
  detail: ReactNode;
  icon: ReactNode;
  color?: string;
  valueColor?: string;
}) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color={color} size={38} radius="md">
          {icon}
        </ThemeIcon>
        {/* divs: a big bold figure is not a heading */}
        <div>
          <Text component="div" size="xs" tt="uppercase" fw={700} c="dimmed" lh={1.2}>
            {label}
          </Text>
          <Text component="div" fw={700} fz={26} lh={1.15} c={valueColor}>
            {value}
          </Text>
          <Text component="div" size="xs" c="dimmed">
            {detail}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}
