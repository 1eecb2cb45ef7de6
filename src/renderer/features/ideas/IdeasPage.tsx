// Employee-story ideas from the branches, on a board by status: import what staff sent (the story
// form's .storyidea files, the inbox folder, Forms exports), accept the good ones (the planner
// schedules accepted ideas) or make a post from one now.
import { Button, Group, Loader, Modal, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconForms, IconInbox, IconPlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BranchCoverage, InboxReport } from '../../../shared/api/ideas';
import { IDEA_STATUS_LABELS, type Idea, type IdeaStatus } from '../../../shared/domain/ideas';
import { call } from '../../api/client';
import { showError } from '../../app/errors';
import { todayIn } from '../../app/format';
import { isSuperseded, useLatest } from '../../app/latest';
import { useTeamChanges } from '../../app/teamChanges';
import { useSession } from '../../app/session';
import { useUndo } from '../../app/undo';
import { useWorkspace } from '../../app/workspace';
import { IdeaDetail } from './IdeaDetail';
import { IdeaForm } from './IdeaForm';
import { IdeasBoard } from './IdeasBoard';
import { ImportDialog } from './ImportDialog';
import { InboxDialog, StoryFormDialog } from './IntakeDialogs';
import { offerImport, onPendingImport, takePendingImport } from './pendingImport';

/** The inbox is checked once when the app starts (the first visit of this page), then on demand. */
let inboxCheckedThisSession = false;

const matches = (idea: Idea, text: string): boolean =>
  !text || [idea.title, idea.story, idea.submittedBy, idea.branch, ...idea.featured.map((f) => f.name)].some((field) => field.toLowerCase().includes(text));

export function IdeasPage() {
  const { categories, info } = useWorkspace();
  const { can } = useSession();
  const undo = useUndo();
  const [ideas, setIdeas] = useState<Idea[] | null>(null);
  const [coverage, setCoverage] = useState<BranchCoverage | null>(null);
  const [inbox, setInbox] = useState<{ folder: string | null; waiting: number }>({ folder: null, waiting: 0 });
  const [search, setSearch] = useState('');
  const [branch, setBranch] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'new' | 'import' | 'form' | 'inbox' | null>(null);
  const [dropped, setDropped] = useState<File[]>([]);
  const [declining, setDeclining] = useState<Idea | null>(null);
  const categoryById = useMemo(() => new Map(categories.map((c) => [c.id, c])), [categories]);

  const latest = useLatest();
  const reload = useCallback(async () => {
    try {
      const [list, branches, box] = await latest(() => Promise.all([call('ideas.list', {}), call('ideas.coverage', { on: todayIn(info.timezone) }), call('intake.inbox', {})]));
      setIdeas(list);
      setCoverage(branches);
      setInbox(box);
    } catch (error) {
      if (!isSuperseded(error)) showError(error, 'Could not load ideas');
    }
  }, [latest, info.timezone]);
  useTeamChanges(reload);

  const checkInbox = useCallback(async (quiet = false) => {
    try {
      const report: InboxReport = await call('intake.checkInbox', {});
      if (!quiet || report.imported.length || report.rejected.length) {
        notifications.show({
          color: report.rejected.length ? 'orange' : 'teal',
          title: report.imported.length ? `${report.imported.length} new ${report.imported.length === 1 ? 'story' : 'stories'} from the inbox` : 'Inbox checked',
          message: [
            report.imported.length ? report.imported.map((i) => i.title).join(', ') : 'Nothing new.',
            report.duplicates.length ? `${report.duplicates.length} already imported.` : '',
            report.rejected.length ? `${report.rejected.length} rejected (see the “rejected” folder): ${report.rejected.map((r) => `${r.file}: ${r.reason}`).join('; ')}` : '',
          ].filter(Boolean).join(' '),
        });
      }
      await reload();
    } catch (error) {
      if (!quiet) showError(error, 'Could not check the inbox');
    }
  }, [reload]);

  useEffect(() => {
    void reload().then(() => {
      if (!inboxCheckedThisSession && can('planner')) {
        inboxCheckedThisSession = true;
        void call('intake.inbox', {}).then((box) => (box.folder ? checkInbox(true) : undefined));
      }
    });
  }, [reload, checkInbox, can]);

  // files dropped here or on another page (which brought us here) open the import step
  useEffect(() => {
    const open = () => {
      const files = takePendingImport();
      if (files.length) {
        setDropped(files);
        setDialog('import');
      }
    };
    open();
    return onPendingImport(open);
  }, []);

  const move = async (idea: Idea, status: IdeaStatus, reason?: string) => {
    if (status === 'declined' && !reason) return setDeclining(idea);
    try {
      let { revision } = await call('ideas.move', { id: idea.id, revision: idea.revision, status, reason });
      undo.push({
        label: `move “${idea.title}” to ${IDEA_STATUS_LABELS[status]}`,
        undo: async () => void (({ revision } = await call('ideas.move', { id: idea.id, revision, status: idea.status, reason: idea.declineReason || undefined })), await reload()),
        redo: async () => void (({ revision } = await call('ideas.move', { id: idea.id, revision, status, reason })), await reload()),
      });
      await reload();
    } catch (error) {
      showError(error, 'Could not move the idea');
    }
  };

  const text = search.trim().toLowerCase();
  const shown = (ideas ?? []).filter((idea) => matches(idea, text) && (!branch || idea.branch === branch) && (!categoryId || idea.categoryId === categoryId));
  const branches = [...new Set((ideas ?? []).map((i) => i.branch).filter(Boolean))].sort();

  return (
    <Stack
      gap="md"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        if (!offerImport([...e.dataTransfer.files])) {
          notifications.show({ color: 'orange', title: 'Nothing to import', message: 'Drop .storyidea files from the story form, or CSV or XLSX exports of Microsoft Forms or Google Forms.' });
        }
      }}
    >
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            Story ideas
          </Title>
          <Text c="dimmed" size="sm">
            Stories from staff across the branches. Drag a card to move it; accepted ideas are scheduled by the planner. Drop .storyidea files or Forms exports here to
            import them.
          </Text>
        </div>
        <Group gap="xs">
          {can('planner') && (
            <>
              <Button variant="default" leftSection={<IconInbox size={16} />} onClick={() => (inbox.folder ? void checkInbox() : setDialog('inbox'))}>
                {inbox.folder ? `Check inbox${inbox.waiting ? ` (${inbox.waiting})` : ''}` : 'Set up the inbox'}
              </Button>
              <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => (setDropped([]), setDialog('import'))}>
                Import
              </Button>
              <Button variant="default" leftSection={<IconForms size={16} />} onClick={() => setDialog('form')}>
                Story form
              </Button>
            </>
          )}
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('new')}>
            New idea
          </Button>
        </Group>
      </Group>

      {coverage && coverage.branches.length > 0 && (
        <Paper withBorder p="xs" aria-label="Branch coverage">
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600}>
              This quarter ({coverage.quarter}):
            </Text>
            {coverage.branches.filter((b) => b.ideas > 0).map((b) => (
              <Text key={b.branch} size="sm">
                {b.branch} {b.ideas}
              </Text>
            ))}
            {coverage.silent.length > 0 && (
              <Text size="sm" c="orange.9" fw={500}>
                Nothing yet from {coverage.silent.join(', ')}
              </Text>
            )}
            {inbox.folder && (
              <Group gap={4} ml="auto">
                <Text size="xs" c="dimmed">
                  Inbox: {inbox.folder}
                </Text>
                <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setDialog('inbox')}>
                  Change
                </Button>
              </Group>
            )}
          </Group>
        </Paper>
      )}

      <Group gap="xs">
        <TextInput aria-label="Search ideas" placeholder="Search title, story, people" leftSection={<IconSearch size={14} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} />
        <Select aria-label="Branch" placeholder="All branches" data={branches} value={branch} onChange={setBranch} clearable w={190} />
        <Select aria-label="Category" placeholder="All categories" data={categories.map((c) => ({ value: c.id, label: c.name }))} value={categoryId} onChange={setCategoryId} clearable w={230} />
        {ideas && (
          <Text size="sm" c="dimmed">
            {shown.length === ideas.length ? `${ideas.length} ideas` : `${shown.length} of ${ideas.length} ideas`}
          </Text>
        )}
      </Group>

      {ideas === null ? (
        <Loader aria-label="Loading ideas" />
      ) : (
        <IdeasBoard ideas={shown} categories={categoryById} onOpen={(idea) => setOpen(idea.id)} onMove={(idea, status) => void move(idea, status)} />
      )}

      {open && <IdeaDetail ideaId={open} onClose={() => setOpen(null)} onChanged={() => void reload()} onMove={(idea, status) => void move(idea, status)} />}
      {dialog === 'new' && <IdeaForm onClose={() => setDialog(null)} onSaved={() => void reload()} />}
      {dialog === 'import' && <ImportDialog initialFiles={dropped} onClose={() => setDialog(null)} onImported={() => void reload()} />}
      {dialog === 'form' && <StoryFormDialog onClose={() => setDialog(null)} />}
      {dialog === 'inbox' && <InboxDialog folder={inbox.folder} onClose={() => setDialog(null)} onSaved={() => void reload()} onCheck={() => checkInbox()} />}
      {declining && <DeclineDialog idea={declining} onClose={() => setDeclining(null)} onDecline={(reason) => (setDeclining(null), void move(declining, 'declined', reason))} />}
    </Stack>
  );
}

function DeclineDialog({ idea, onClose, onDecline }: { idea: Idea; onClose: () => void; onDecline: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={`Decline “${idea.title}”`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) onDecline(reason.trim());
        }}
      >
        <Stack gap="sm">
          <Textarea label="Why? (the submitter will want to know)" required data-autofocus autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={1000} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" disabled={!reason.trim()}>
              Decline
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
