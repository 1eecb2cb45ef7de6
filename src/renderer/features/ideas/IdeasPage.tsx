// Employee-story ideas from the branches: accept the good ones (the planner schedules accepted
// ideas into open slots of their category, earliest expiry first) or turn one into a draft now.
import { Badge, Button, Group, Modal, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBulb, IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { IdeaInput } from '../../../shared/api/ideas';
import { IDEA_STATUSES, type Idea, type IdeaStatus } from '../../../shared/domain/ideas';
import { call } from '../../api/client';
import { isSuperseded, useLatest } from '../../app/latest';
import { showError } from '../../app/errors';
import { useUndo } from '../../app/undo';
import { useWorkspace } from '../../app/workspace';

const STATUS_LABEL: Record<IdeaStatus, string> = { new: 'New', accepted: 'Accepted', declined: 'Declined', needs_info: 'Needs info', scheduled: 'Scheduled', used: 'Used' };
const STATUS_COLOR: Record<IdeaStatus, string> = { new: 'blue.9', accepted: 'teal.9', declined: 'gray.8', needs_info: 'orange.9', scheduled: 'indigo.9', used: 'violet.9' };

export function IdeasPage() {
  const { categories } = useWorkspace();
  const undo = useUndo();
  const [ideas, setIdeas] = useState<Idea[]>([]);
  const [show, setShow] = useState<'open' | 'all'>('open');
  const [creating, setCreating] = useState(false);
  const category = new Map(categories.map((c) => [c.id, c]));

  const latest = useLatest();
  const reload = useCallback(async () => {
    try {
      setIdeas(await latest(() => call('ideas.list', show === 'open' ? { statuses: ['new', 'accepted'] } : {})));
    } catch (error) {
      if (!isSuperseded(error)) showError(error, 'Could not load ideas');
    }
  }, [show, latest]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const update = async (idea: Idea, patch: Partial<IdeaInput>, label: string) => {
    try {
      let { revision } = await call('ideas.update', { id: idea.id, revision: idea.revision, ...patch });
      const previous = Object.fromEntries(Object.keys(patch).map((k) => [k, idea[k as keyof Idea]])) as Partial<IdeaInput>;
      undo.push({
        label,
        undo: async () => void (({ revision } = await call('ideas.update', { id: idea.id, revision, ...previous })), await reload()),
        redo: async () => void (({ revision } = await call('ideas.update', { id: idea.id, revision, ...patch })), await reload()),
      });
      await reload();
    } catch (error) {
      showError(error, 'Could not update the idea');
    }
  };

  const toDraft = async (idea: Idea) => {
    try {
      const post = await call('posts.create', {
        title: idea.title,
        baseText: idea.story,
        categoryId: idea.categoryId,
        notes: `Story idea from ${idea.submittedBy || 'staff'}${idea.branch ? ` (${idea.branch})` : ''}.`,
      });
      let { revision } = await call('ideas.update', { id: idea.id, revision: idea.revision, status: 'used' });
      undo.push({
        label: `draft from “${idea.title}”`,
        undo: async () => {
          await call('posts.delete', { id: post.id });
          ({ revision } = await call('ideas.update', { id: idea.id, revision, status: idea.status }));
          await reload();
        },
        redo: async () => {
          await call('posts.restore', { post });
          ({ revision } = await call('ideas.update', { id: idea.id, revision, status: 'used' }));
          await reload();
        },
      });
      notifications.show({ title: 'Draft created', message: `“${idea.title}” is in the backlog: plan it or drag it onto the calendar.` });
      await reload();
    } catch (error) {
      showError(error, 'Could not create the draft');
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            Story ideas
          </Title>
          <Text c="dimmed" size="sm">
            Ideas from staff across the branches. Accepted ideas are scheduled by the planner into open slots of their
            category, earliest expiry first.
          </Text>
        </div>
        <Group>
          <SegmentedControl
            aria-label="Which ideas"
            value={show}
            onChange={(v) => setShow(v as 'open' | 'all')}
            data={[
              { value: 'open', label: 'Open' },
              { value: 'all', label: 'All' },
            ]}
          />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New idea
          </Button>
        </Group>
      </Group>
      <Paper withBorder>
        {ideas.length === 0 ? (
          <Stack align="center" p="xl" gap="xs">
            <IconBulb size={32} aria-hidden />
            <Text>No ideas here yet. Ask your branches: who ran a marathon, coached a team, helped a customer?</Text>
          </Stack>
        ) : (
          <Table striped highlightOnHover aria-label="Story ideas">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Idea</Table.Th>
                <Table.Th>From</Table.Th>
                <Table.Th>Category</Table.Th>
                <Table.Th>Runs until</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ideas.map((idea) => (
                <Table.Tr key={idea.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {idea.title}
                    </Text>
                    {idea.story && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {idea.story}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{idea.submittedBy || '—'}</Text>
                    <Text size="xs" c="dimmed">
                      {idea.branch}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`Category of ${idea.title}`}
                      size="xs"
                      w={210}
                      data={categories.map((c) => ({ value: c.id, label: c.name }))}
                      value={idea.categoryId}
                      placeholder="Choose"
                      onChange={(v) => void update(idea, { categoryId: v }, `category of “${idea.title}”`)}
                    />
                  </Table.Td>
                  <Table.Td>{idea.latest ?? 'any time'}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={STATUS_COLOR[idea.status]}>
                      {STATUS_LABEL[idea.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {idea.status !== 'accepted' && idea.status !== 'used' && (
                        <Button size="xs" variant="default" onClick={() => void update(idea, { status: 'accepted' }, `accept “${idea.title}”`)}>
                          Accept
                        </Button>
                      )}
                      {idea.status !== 'declined' && idea.status !== 'used' && (
                        <Button size="xs" variant="subtle" color="gray" onClick={() => void update(idea, { status: 'declined' }, `reject “${idea.title}”`)}>
                          Reject
                        </Button>
                      )}
                      {idea.status !== 'used' && (
                        <Button size="xs" variant="subtle" onClick={() => void toDraft(idea)} disabled={!category.has(idea.categoryId ?? '')}>
                          Write draft
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {creating && <IdeaForm onClose={() => setCreating(false)} onSaved={() => void reload()} />}
    </Stack>
  );
}

function IdeaForm({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { categories } = useWorkspace();
  const [idea, setIdea] = useState<IdeaInput>({ title: '', story: '', submittedBy: '', branch: '', categoryId: null, status: 'new' });
  const [latest, setLatest] = useState('');
  const save = async () => {
    try {
      await call('ideas.create', { ...idea, latest: latest || null });
      onSaved();
      onClose();
    } catch (error) {
      showError(error, 'Could not save the idea');
    }
  };
  return (
    <Modal opened onClose={onClose} title="New story idea" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <TextInput label="Title" required data-autofocus value={idea.title} onChange={(e) => setIdea({ ...idea, title: e.currentTarget.value })} />
          <Textarea label="The story" autosize minRows={3} value={idea.story} onChange={(e) => setIdea({ ...idea, story: e.currentTarget.value })} />
          <SimpleGrid cols={2}>
            <TextInput label="Submitted by" value={idea.submittedBy} onChange={(e) => setIdea({ ...idea, submittedBy: e.currentTarget.value })} />
            <TextInput label="Branch" value={idea.branch} onChange={(e) => setIdea({ ...idea, branch: e.currentTarget.value })} />
            <Select
              label="Category"
              data={categories.map((c) => ({ value: c.id, label: c.name }))}
              value={idea.categoryId ?? null}
              onChange={(v) => setIdea({ ...idea, categoryId: v })}
              clearable
            />
            <TextInput label="Run by (optional)" type="date" value={latest} onChange={(e) => setLatest(e.currentTarget.value)} />
            <Select
              label="Status"
              data={IDEA_STATUSES.filter((s) => s !== 'used').map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
              value={idea.status ?? 'new'}
              onChange={(v) => v && setIdea({ ...idea, status: v as IdeaStatus })}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">Save idea</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
