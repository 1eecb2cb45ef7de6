// One idea in full: the story, who sent it and whom it features (with their releases), its photos,
// timing, the posts made from it and its history; Make post, the thank-you note, and moves.
import { Anchor, Badge, Button, CopyButton, Drawer, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMail, IconPencil, IconPencilPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { IdeaDetail as Detail, ThankYouNote } from '../../../shared/api/ideas';
import { IDEA_STATUS_LABELS, type Idea, type IdeaStatus } from '../../../shared/domain/ideas';
import { AUDIT_KIND_LABELS } from '../../../shared/domain/people';
import { STATUS_LABELS } from '../../../shared/domain/schemas';
import { call } from '../../api/client';
import { downloadFile } from '../../app/download';
import { showError } from '../../app/errors';
import { formatDate, formatInstant } from '../../app/format';
import { navigate } from '../../app/route';
import { useSession } from '../../app/session';
import { useWorkspace } from '../../app/workspace';
import { Thumbnail } from '../../components/Thumbnail';
import { ReleaseStatus } from '../review/ImagePeople';
import { IdeaForm } from './IdeaForm';
import { MANUAL_STATUSES } from './IdeasBoard';

const IDEA_KIND_LABELS: Record<string, string> = {
  'idea.create': 'Idea added',
  'idea.import': 'Imported',
  'idea.update': 'Edited',
  'idea.move': 'Moved',
  'idea.make_post': 'Post made from it',
  'idea.follow_post': 'Followed its post',
};

export function IdeaDetail({ ideaId, onClose, onChanged, onMove }: { ideaId: string; onClose: () => void; onChanged: () => void; onMove: (idea: Idea, status: IdeaStatus) => void }) {
  const { categories, info } = useWorkspace();
  const { can } = useSession();
  const zone = info.timezone;
  const [detail, setDetail] = useState<Detail | null>(null);
  const [note, setNote] = useState<ThankYouNote | null>(null);
  const [editing, setEditing] = useState(false);
  const load = useCallback(async () => {
    try {
      setDetail(await call('ideas.get', { id: ideaId }));
    } catch (error) {
      showError(error, 'Could not load the idea');
    }
  }, [ideaId]);
  useEffect(() => {
    void load();
  }, [load]);
  const idea = detail?.idea;
  const changed = async () => {
    await load();
    onChanged();
  };

  const makePost = async () => {
    if (!idea) return;
    try {
      const { post } = await call('ideas.makePost', { id: idea.id, revision: idea.revision });
      notifications.show({ title: 'Draft post made', message: `“${post.title}” is in the backlog. Write its alt text, then schedule it.` });
      await changed();
      navigate({ page: 'calendar', params: { post: post.id } });
    } catch (error) {
      showError(error, 'Could not make the post');
    }
  };

  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={idea ? <Title order={2} size="h4">{idea.title}</Title> : 'Story idea'}>
      {idea && detail && (
        <Stack gap="md">
          <Group gap="xs">
            <Badge variant="light">{IDEA_STATUS_LABELS[idea.status]}</Badge>
            {idea.source !== 'manual' && (
              <Badge variant="outline" color="gray" tt="none">
                from {idea.source === 'storyidea' ? 'the story form' : `a Forms export (${idea.source.toUpperCase()})`}
              </Badge>
            )}
          </Group>
          {idea.status === 'declined' && <Text size="sm">Declined: {idea.declineReason}</Text>}
          <Text style={{ whiteSpace: 'pre-wrap' }}>{idea.story || <Text span c="dimmed">No story text.</Text>}</Text>
          <SimpleGrid cols={2} spacing="xs">
            <div>
              <Text size="xs" c="dimmed">Sent by</Text>
              <Text size="sm">{idea.submittedBy || '—'}</Text>
              {idea.submitterEmail && (
                <Anchor size="sm" href={`mailto:${idea.submitterEmail}`}>
                  {idea.submitterEmail}
                </Anchor>
              )}
            </div>
            <div>
              <Text size="xs" c="dimmed">Branch or department</Text>
              <Text size="sm">{idea.branch || '—'}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">Timing</Text>
              <Text size="sm">
                {idea.earliest ? `not before ${formatDate(idea.earliest)}` : 'any time'}
                {idea.latest ? `, by ${formatDate(idea.latest)}` : ''}
              </Text>
            </div>
            <Select
              size="xs"
              label="Category"
              data={categories.map((c) => ({ value: c.id, label: c.name }))}
              value={idea.categoryId}
              disabled={!can('planner')}
              onChange={async (categoryId) => {
                try {
                  await call('ideas.update', { id: idea.id, revision: idea.revision, categoryId });
                  await changed();
                } catch (error) {
                  showError(error, 'Could not change the category');
                }
              }}
            />
          </SimpleGrid>
          {idea.notes && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <Text span c="dimmed">Notes: </Text>
              {idea.notes}
            </Text>
          )}

          <div>
            <Title order={3} size="h6" mb={4}>People featured</Title>
            {detail.releases.length === 0 ? (
              <Text size="sm" c="dimmed">Nobody named.</Text>
            ) : (
              <Stack gap={4}>
                {detail.releases.map((r) => (
                  <Group key={r.person} gap="xs">
                    <ReleaseStatus person={r.person} release={r.release} zone={zone} onRecorded={changed} />
                    {r.consentStated && <Text size="xs" c="dimmed">agreed to be featured (said on the form)</Text>}
                  </Group>
                ))}
              </Stack>
            )}
          </div>

          {idea.photos.length > 0 && (
            <div>
              <Title order={3} size="h6" mb={4}>Photos</Title>
              <SimpleGrid cols={3} spacing="xs">
                {idea.photos.map((photo, i) => (
                  <Stack key={photo.src + i} gap={2}>
                    <Thumbnail src={photo.src} alt={photo.alt || `Photo ${i + 1} of ${idea.title}`} height={110} />
                    <Text size="xs" c="dimmed" lineClamp={2}>{photo.alt || photo.originalName}</Text>
                  </Stack>
                ))}
              </SimpleGrid>
            </div>
          )}

          <Group gap="xs">
            {can('planner') && idea.status !== 'declined' && (
              <Button leftSection={<IconPencilPlus size={16} />} onClick={() => void makePost()}>
                Make post
              </Button>
            )}
            {detail.posts.some((p) => p.scheduledAt) && (
              <Button
                variant="default"
                leftSection={<IconMail size={16} />}
                onClick={async () => {
                  try {
                    setNote(await call('ideas.thanks', { id: idea.id }));
                  } catch (error) {
                    showError(error, 'Could not write the note');
                  }
                }}
              >
                Thank {idea.submittedBy.split(' ')[0] || 'the submitter'}
              </Button>
            )}
            {can('planner') && (
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
            {can('planner') && (
              <Select
                aria-label="Move to"
                placeholder="Move to…"
                w={150}
                data={MANUAL_STATUSES.filter((s) => s !== idea.status).map((s) => ({ value: s, label: IDEA_STATUS_LABELS[s] }))}
                value={null}
                onChange={(status) => status && onMove(idea, status as IdeaStatus)}
              />
            )}
          </Group>

          {detail.posts.length > 0 && (
            <div>
              <Title order={3} size="h6" mb={4}>Posts made from it</Title>
              {detail.posts.map((p) => (
                <Group key={p.id} gap="xs">
                  <Anchor size="sm" onClick={() => navigate({ page: 'calendar', params: { post: p.id } })}>
                    {p.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">{STATUS_LABELS[p.status]}, {formatInstant(p.scheduledAt, zone)}</Text>
                </Group>
              ))}
            </div>
          )}

          <div>
            <Title order={3} size="h6" mb={6}>History</Title>
            {detail.history.length === 0 && <Text size="sm" c="dimmed">No changes recorded yet.</Text>}
            <Timeline bulletSize={12} lineWidth={2}>
              {detail.history.map((entry) => (
                <Timeline.Item key={entry.id} title={<Text size="sm">{IDEA_KIND_LABELS[entry.kind] ?? AUDIT_KIND_LABELS[entry.kind] ?? entry.kind}{entry.body.to ? `: ${IDEA_STATUS_LABELS[entry.body.to as IdeaStatus] ?? String(entry.body.to)}` : ''}</Text>}>
                  <Text size="xs" c="dimmed">
                    {formatInstant(entry.at, zone)} by {entry.actorName}
                    {entry.body.reason ? ` — “${String(entry.body.reason)}”` : ''}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </div>
        </Stack>
      )}
      {editing && idea && <IdeaForm editing={idea} onClose={() => setEditing(false)} onSaved={() => void changed()} />}
      {note && (
        <Modal opened onClose={() => setNote(null)} title="A note for the submitter" size="lg">
          <Stack gap="sm">
            <Text size="sm">To: {note.to || 'no e-mail address given'}</Text>
            <Text size="sm">Subject: {note.subject}</Text>
            <Textarea readOnly autosize minRows={8} value={note.text} aria-label="The note" />
            <Group justify="flex-end">
              <CopyButton value={note.text}>{({ copied, copy }) => <Button variant="default" onClick={copy}>{copied ? 'Copied' : 'Copy the text'}</Button>}</CopyButton>
              <Button onClick={() => downloadFile(note.fileName, note.eml, 'message/rfc822')}>Save as e-mail (.eml)</Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Drawer>
  );
}
