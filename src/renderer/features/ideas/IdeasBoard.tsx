// The ideas board: one column per status. Cards move by dragging them to another column, or from
// the keyboard with the card's Move menu; declining asks for the reason.
import { ActionIcon, Badge, Group, Menu, Paper, ScrollArea, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowsMove, IconPhoto, IconUsers } from '@tabler/icons-react';
import { memo, useState, type DragEvent } from 'react';
import { IDEA_STATUSES, IDEA_STATUS_HINTS, IDEA_STATUS_LABELS, type Idea, type IdeaStatus } from '../../../shared/domain/ideas';
import { Thumbnail } from '../../components/Thumbnail';

/** Moves people make by hand; scheduled and used follow the idea's post. */
export const MANUAL_STATUSES: readonly IdeaStatus[] = ['new', 'needs_info', 'accepted', 'declined'];
const COLUMN_COLOR: Record<IdeaStatus, string> = { new: 'blue', needs_info: 'orange', accepted: 'teal', scheduled: 'indigo', used: 'violet', declined: 'gray' };
/** Cards drawn per column at first; the rest come with "Show more" (a board of 2,000 ideas paints fast). */
const FIRST_CARDS = 60;

export interface BoardProps {
  ideas: Idea[];
  categories: ReadonlyMap<string, { name: string; color: string }>;
  onOpen: (idea: Idea) => void;
  onMove: (idea: Idea, status: IdeaStatus) => void;
}

export function IdeasBoard({ ideas, categories, onOpen, onMove }: BoardProps) {
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<IdeaStatus | null>(null);
  const byStatus = new Map<IdeaStatus, Idea[]>(IDEA_STATUSES.map((s) => [s, []]));
  for (const idea of ideas) byStatus.get(idea.status)!.push(idea);
  const drop = (status: IdeaStatus) => (event: DragEvent) => {
    event.preventDefault();
    setOver(null);
    const idea = ideas.find((i) => i.id === event.dataTransfer.getData('text/x-storybank-idea'));
    if (idea && idea.status !== status) onMove(idea, status);
  };
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Group align="flex-start" gap="sm" wrap="nowrap" role="list" aria-label="Ideas board" style={{ minWidth: 'min-content' }}>
        {IDEA_STATUSES.map((status) => {
          const column = byStatus.get(status)!;
          const droppable = MANUAL_STATUSES.includes(status);
          return (
            <Paper
              key={status}
              role="listitem"
              aria-label={`${IDEA_STATUS_LABELS[status]}: ${column.length} ideas`}
              data-column={status}
              withBorder
              p="xs"
              w={236}
              bg={over === status ? `${COLUMN_COLOR[status]}.0` : 'gray.0'}
              style={{ flex: '0 0 236px', outline: over === status ? `2px dashed var(--mantine-color-${COLUMN_COLOR[status]}-7)` : undefined }}
              onDragOver={(e) => {
                if (!droppable || !dragging) return;
                e.preventDefault();
                setOver(status);
              }}
              onDragLeave={() => setOver((o) => (o === status ? null : o))}
              onDrop={droppable ? drop(status) : undefined}
            >
              <Group justify="space-between" mb={4} wrap="nowrap">
                <Tooltip label={IDEA_STATUS_HINTS[status]} withArrow>
                  <Title order={3} size="sm">
                    {IDEA_STATUS_LABELS[status]}
                  </Title>
                </Tooltip>
                <Badge size="sm" variant="light" color={COLUMN_COLOR[status]} aria-hidden>
                  {column.length}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" mb="xs">
                {IDEA_STATUS_HINTS[status]}
              </Text>
              <Column ideas={column} categories={categories} onOpen={onOpen} onMove={onMove} onDrag={setDragging} />
            </Paper>
          );
        })}
      </Group>
    </ScrollArea>
  );
}

function Column({ ideas, categories, onOpen, onMove, onDrag }: Omit<BoardProps, 'ideas'> & { ideas: Idea[]; onDrag: (id: string | null) => void }) {
  const [shown, setShown] = useState(FIRST_CARDS);
  return (
    <Stack gap={6}>
      {ideas.slice(0, shown).map((idea) => (
        <IdeaCard key={idea.id} idea={idea} category={idea.categoryId ? categories.get(idea.categoryId) : undefined} onOpen={onOpen} onMove={onMove} onDrag={onDrag} />
      ))}
      {ideas.length > shown && (
        <Text component="button" type="button" size="sm" c="blue.9" style={{ background: 'none', border: 0, cursor: 'pointer' }} onClick={() => setShown(shown + FIRST_CARDS * 4)}>
          Show {Math.min(ideas.length - shown, FIRST_CARDS * 4)} more
        </Text>
      )}
    </Stack>
  );
}

const IdeaCard = memo(function IdeaCard({ idea, category, onOpen, onMove, onDrag }: { idea: Idea; category?: { name: string; color: string }; onOpen: BoardProps['onOpen']; onMove: BoardProps['onMove']; onDrag: (id: string | null) => void }) {
  const photo = idea.photos[0];
  return (
    <Paper
      withBorder
      p={8}
      radius="sm"
      draggable
      data-idea={idea.id}
      aria-label={idea.title}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/x-storybank-idea', idea.id);
        e.dataTransfer.effectAllowed = 'move';
        onDrag(idea.id);
      }}
      onDragEnd={() => onDrag(null)}
      style={{ cursor: 'grab', borderLeft: `4px solid ${category?.color ?? 'var(--mantine-color-gray-4)'}` }}
    >
      {photo && <Thumbnail src={photo.src} alt={photo.alt || `Photo for ${idea.title}`} height={80} />}
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap={4} mt={photo ? 6 : 0}>
        <Text
          component="button"
          type="button"
          size="sm"
          fw={600}
          ta="left"
          lineClamp={3}
          onClick={() => onOpen(idea)}
          style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer', color: 'inherit' }}
        >
          {idea.title}
        </Text>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Move “${idea.title}”`}>
              <IconArrowsMove size={14} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Move to</Menu.Label>
            {MANUAL_STATUSES.filter((s) => s !== idea.status).map((status) => (
              <Menu.Item key={status} onClick={() => onMove(idea, status)}>
                {IDEA_STATUS_LABELS[status]}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {[idea.submittedBy, idea.branch].filter(Boolean).join(' · ') || 'No submitter'}
      </Text>
      <Group gap={6} mt={4}>
        {category && (
          <Badge size="xs" variant="outline" color="gray" styles={{ label: { textTransform: 'none' } }}>
            {category.name}
          </Badge>
        )}
        {idea.featured.length > 0 && (
          <Group gap={2} aria-label={`${idea.featured.length} featured`}>
            <IconUsers size={12} aria-hidden />
            <Text size="xs">{idea.featured.length}</Text>
          </Group>
        )}
        {idea.photos.length > 1 && (
          <Group gap={2} aria-label={`${idea.photos.length} photos`}>
            <IconPhoto size={12} aria-hidden />
            <Text size="xs">{idea.photos.length}</Text>
          </Group>
        )}
        {idea.latest && <Text size="xs" c="dimmed">by {idea.latest}</Text>}
      </Group>
      {idea.status === 'declined' && idea.declineReason && (
        <Text size="xs" c="dimmed" mt={4} lineClamp={2}>
          Declined: {idea.declineReason}
        </Text>
      )}
    </Paper>
  );
});
