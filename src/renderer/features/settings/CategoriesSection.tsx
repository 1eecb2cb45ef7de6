// Content pillars: target shares (adding up to 100%), colour, description and pacing rules.
// Edited as one set and saved together, since the shares only make sense as a whole.
import { ActionIcon, Alert, Badge, Button, ColorInput, Group, NumberInput, Paper, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { SHARE_SUM_TOLERANCE, type CategoryDraft } from '../../../shared/api/contract';
import type { Category } from '../../../shared/domain/schemas';
import { call } from '../../api/client';
import { useUndo } from '../../app/undo';
import { useWorkspace } from '../../app/workspace';
import { MUTED, showError, showSaved } from './feedback';

const toDraft = (c: Category): CategoryDraft => ({
  id: c.id,
  revision: c.revision,
  name: c.name,
  color: c.color,
  description: c.description,
  targetShare: c.targetShare,
  isPromotional: c.isPromotional,
  minGapSlots: c.minGapSlots,
  maxPerWeek: c.maxPerWeek,
  noConsecutive: c.noConsecutive,
});

const percent = (share: number) => Math.round(share * 1000) / 10;

export function CategoriesSection() {
  const { categories, reload } = useWorkspace();
  const undo = useUndo();
  const [drafts, setDrafts] = useState<CategoryDraft[]>(() => categories.map(toDraft));
  const [saving, setSaving] = useState(false);
  const total = drafts.reduce((sum, d) => sum + d.targetShare, 0);
  const balanced = Math.abs(total - 1) <= SHARE_SUM_TOLERANCE;
  const promotional = drafts.filter((d) => d.isPromotional).reduce((sum, d) => sum + d.targetShare, 0);
  const changed = JSON.stringify(drafts) !== JSON.stringify(categories.map(toDraft));
  const set = (index: number, patch: Partial<CategoryDraft>) => setDrafts((all) => all.map((d, i) => (i === index ? { ...d, ...patch } : d)));

  const save = async () => {
    setSaving(true);
    const before = categories.map(toDraft);
    try {
      const saved = await call('categories.save', { categories: drafts });
      setDrafts(saved.map(toDraft));
      // undo and redo name the revisions the last step left (compare-and-set)
      let current = saved;
      const onto = (set: CategoryDraft[]) =>
        set.map((d) => ({ ...d, revision: current.find((c) => c.id === d.id)?.revision ?? d.revision }));
      const after = saved.map(toDraft);
      undo.push({
        label: 'category changes',
        undo: async () => {
          current = await call('categories.save', { categories: onto(before) });
          await reload();
        },
        redo: async () => {
          current = await call('categories.save', { categories: onto(after) });
          await reload();
        },
      });
      await reload();
      showSaved('Categories saved');
    } catch (error) {
      showError(error, 'Could not save the categories');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="md">
      <Text c={MUTED} size="sm">
        A human feed is mostly stories, people, questions and advice. Set the share each pillar should have; the planner
        and the mix report measure against it. Product posts are best kept at 20% or less.
      </Text>
      <Paper withBorder p="md">
        <Table aria-label="Categories" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name and description</Table.Th>
              <Table.Th w={120}>Colour</Table.Th>
              <Table.Th w={110}>Target %</Table.Th>
              <Table.Th w={120}>Max per week</Table.Th>
              <Table.Th w={130}>Min. slots apart</Table.Th>
              <Table.Th w={150}>Rules</Table.Th>
              <Table.Th w={40}>
                <span className="sb-visually-hidden">Remove</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {drafts.map((d, index) => (
              <Table.Tr key={d.id ?? `new-${index}`}>
                <Table.Td>
                  <Stack gap={4}>
                    <TextInput size="xs" aria-label={`Name of category ${index + 1}`} value={d.name} onChange={(e) => set(index, { name: e.currentTarget.value })} />
                    <TextInput
                      size="xs"
                      aria-label={`Description of ${d.name || `category ${index + 1}`}`}
                      placeholder="What belongs here"
                      value={d.description ?? ''}
                      onChange={(e) => set(index, { description: e.currentTarget.value })}
                    />
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <ColorInput
                    size="xs"
                    aria-label={`Colour of ${d.name}`}
                    value={d.color}
                    onChange={(color) => /^#[0-9a-fA-F]{6}$/.test(color) && set(index, { color })}
                    withEyeDropper={false}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    aria-label={`Target share of ${d.name} in percent`}
                    min={0}
                    max={100}
                    decimalScale={1}
                    suffix="%"
                    value={percent(d.targetShare)}
                    onChange={(v) => set(index, { targetShare: (Number(v) || 0) / 100 })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    aria-label={`Most posts of ${d.name} per week and channel`}
                    placeholder="no limit"
                    min={0}
                    max={50}
                    value={d.maxPerWeek ?? ''}
                    onChange={(v) => set(index, { maxPerWeek: v === '' ? null : Number(v) })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    aria-label={`Other posts at least between two of ${d.name}`}
                    placeholder="none"
                    min={0}
                    max={50}
                    value={d.minGapSlots ?? ''}
                    onChange={(v) => set(index, { minGapSlots: v === '' ? null : Number(v) })}
                  />
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Switch size="xs" label="Never two in a row" checked={d.noConsecutive ?? false} onChange={(e) => set(index, { noConsecutive: e.currentTarget.checked })} />
                    <Switch size="xs" label="Promotional" checked={d.isPromotional ?? false} onChange={(e) => set(index, { isPromotional: e.currentTarget.checked })} />
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    aria-label={`Remove ${d.name || `category ${index + 1}`}`}
                    disabled={drafts.length <= 1}
                    onClick={() => setDrafts((all) => all.filter((_, i) => i !== index))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="space-between" mt="md">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setDrafts((all) => [...all, { name: '', color: '#495057', description: '', targetShare: 0, isPromotional: false, minGapSlots: null, maxPerWeek: null, noConsecutive: false }])}
          >
            Add category
          </Button>
          <Group gap="sm">
            <Badge variant="outline" color={balanced ? 'teal.9' : 'red.9'} size="lg" aria-live="polite">
              Total {percent(total)}%
            </Badge>
            <Button variant="default" disabled={!changed || saving} onClick={() => setDrafts(categories.map(toDraft))}>
              Discard
            </Button>
            <Button onClick={() => void save()} loading={saving} disabled={!changed || !balanced}>
              Save categories
            </Button>
          </Group>
        </Group>
      </Paper>
      {!balanced && (
        <Alert color="red" variant="light" title="Shares must add up to 100%">
          They add up to {percent(total)}% now.
        </Alert>
      )}
      {promotional > 0.2 + SHARE_SUM_TOLERANCE && (
        <Alert color="yellow" variant="light" title="A lot of self-promotion">
          {percent(promotional)}% of the plan would be product posts. Feeds that mostly sell are tuned out; 20% or less
          keeps the feed human.
        </Alert>
      )}
      {drafts.some((d) => !d.id) || categories.some((c) => !drafts.some((d) => d.id === c.id)) ? (
        <Text size="xs" c={MUTED}>
          Removing a category keeps its posts; they just lose the category.
        </Text>
      ) : null}
    </Stack>
  );
}
