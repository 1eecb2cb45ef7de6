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
const FIRST_CARDS = 12;

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
      <Group align="flex-start" gap={10} wrap="nowrap" role="list" aria-label="Ideas board" style={{ minWidth: 'min-content' }}>
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
              w={192}
              bg={over === status ? `${COLUMN_COLOR[status]}.0` : 'gray.0'}
              style={{ flex: '0 0 192px', outline: over === status ? `2px dashed var(--mantine-color-${COLUMN_COLOR[status]}-7)` : undefined }}
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

/** The card's Move menu, made only when first used: hundreds of cards each with a live menu paint slowly. */
function MoveMenu({ idea, onMove }: { idea: Idea; onMove: BoardProps['onMove'] }) {
  const [active, setActive] = useState(false);
  const [opened, setOpened] = useState(false);
  const button = (
    <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Move “${idea.title}”`} aria-haspopup="menu" onClick={active ? undefined : () => (setActive(true), setOpened(true))}>
      <IconArrowsMove size={14} />
    </ActionIcon>
  );
  if (!active) return button;
  return (
    <Menu position="bottom-end" withinPortal opened={opened} onChange={setOpened}>
      <Menu.Target>{button}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Move to</Menu.Label>
        {MANUAL_STATUSES.filter((s) => s !== idea.status).map((status) => (
          <Menu.Item key={status} onClick={() => onMove(idea, status)}>
            {IDEA_STATUS_LABELS[status]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

const IdeaCard = memo(function IdeaCard({ idea, category, onOpen, onMove, onDrag }: { idea: Idea; category?: { name: string; color: string }; onOpen: BoardProps['onOpen']; onMove: BoardProps['onMove']; onDrag: (id: string | null) => void }) {
  const photo = idea.photos[0];
  return (
    <div
      className="sb-idea"
      draggable
      data-idea={idea.id}
      aria-label={idea.title}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/x-storybank-idea', idea.id);
        e.dataTransfer.effectAllowed = 'move';
        onDrag(idea.id);
      }}
      onDragEnd={() => onDrag(null)}
      style={{ borderLeftColor: category?.color ?? 'var(--mantine-color-gray-4)' }}
    >
      {photo && <Thumbnail src={photo.src} alt={photo.alt || `Photo for ${idea.title}`} height={80} />}
      <div className="sb-idea-head">
        <button type="button" className="sb-idea-title" onClick={() => onOpen(idea)}>
          {idea.title}
        </button>
        <MoveMenu idea={idea} onMove={onMove} />
      </div>
      <div className="sb-idea-meta">{[idea.submittedBy, idea.branch].filter(Boolean).join(' · ') || 'No submitter'}</div>
      <div className="sb-idea-tags">
        {category && <span className="sb-idea-tag" title={category.name}>{category.name}</span>}
        {idea.featured.length > 0 && (
          <span className="sb-idea-count" aria-label={`${idea.featured.length} featured`}>
            <IconUsers size={12} aria-hidden />
            {idea.featured.length}
          </span>
        )}
        {idea.photos.length > 1 && (
          <span className="sb-idea-count" aria-label={`${idea.photos.length} photos`}>
            <IconPhoto size={12} aria-hidden />
            {idea.photos.length}
          </span>
        )}
        {idea.latest && <span className="sb-idea-meta">by {idea.latest}</span>}
      </div>
      {idea.status === 'declined' && idea.declineReason && <div className="sb-idea-note">Declined: {idea.declineReason}</div>}
    </div>
  );
});
