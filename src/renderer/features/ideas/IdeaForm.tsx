// A story idea typed in by the team (one that came by phone or in the hallway), or an idea's
// details corrected.
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { IdeaInput } from '../../../shared/api/ideas';
import type { Idea } from '../../../shared/domain/ideas';
import { call } from '../../api/client';
import { showError } from '../../app/errors';
import { useWorkspace } from '../../app/workspace';

export function IdeaForm({ editing, onClose, onSaved }: { editing?: Idea; onClose: () => void; onSaved: () => void }) {
  const { categories } = useWorkspace();
  const highlights = categories.find((c) => /employee/i.test(c.name))?.id ?? null;
  const [idea, setIdea] = useState<IdeaInput>(
    editing
      ? { title: editing.title, story: editing.story, submittedBy: editing.submittedBy, submitterEmail: editing.submitterEmail, branch: editing.branch, categoryId: editing.categoryId, notes: editing.notes }
      : { title: '', story: '', submittedBy: '', submitterEmail: '', branch: '', categoryId: highlights },
  );
  const [people, setPeople] = useState(editing ? editing.featured.map((f) => f.name).join(', ') : '');
  const [earliest, setEarliest] = useState(editing?.earliest ?? '');
  const [latest, setLatest] = useState(editing?.latest ?? '');
  const save = async () => {
    try {
      const names = people.split(/[,;\n]/).map((name) => name.trim()).filter(Boolean);
      // a person already named keeps what the form said about their consent
      const featured = names.map((name) => editing?.featured.find((f) => f.name === name) ?? { name, consentStated: false });
      const fields = { ...idea, featured, earliest: earliest || null, latest: latest || null };
      if (editing) await call('ideas.update', { id: editing.id, revision: editing.revision, ...fields });
      else await call('ideas.create', fields);
      onSaved();
      onClose();
    } catch (error) {
      showError(error, 'Could not save the idea');
    }
  };
  const set = (patch: Partial<IdeaInput>) => setIdea({ ...idea, ...patch });
  return (
    <Modal opened onClose={onClose} title={editing ? `Edit “${editing.title}”` : 'New story idea'} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <TextInput label="Title" required data-autofocus value={idea.title} onChange={(e) => set({ title: e.currentTarget.value })} />
          <Textarea label="The story" autosize minRows={3} value={idea.story} onChange={(e) => set({ story: e.currentTarget.value })} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Submitted by" value={idea.submittedBy} onChange={(e) => set({ submittedBy: e.currentTarget.value })} />
            <TextInput label="Their e-mail" type="email" value={idea.submitterEmail} onChange={(e) => set({ submitterEmail: e.currentTarget.value })} />
            <TextInput label="Branch or department" value={idea.branch} onChange={(e) => set({ branch: e.currentTarget.value })} />
            <TextInput label="People featured" description="Names, separated by commas" value={people} onChange={(e) => setPeople(e.currentTarget.value)} />
            <Select label="Category" data={categories.map((c) => ({ value: c.id, label: c.name }))} value={idea.categoryId ?? null} onChange={(v) => set({ categoryId: v })} clearable />
            <div />
            <TextInput label="Not before (optional)" type="date" value={earliest} onChange={(e) => setEarliest(e.currentTarget.value)} />
            <TextInput label="Run by (optional)" type="date" value={latest} onChange={(e) => setLatest(e.currentTarget.value)} />
          </SimpleGrid>
          <Textarea label="Notes for the team" autosize minRows={2} value={idea.notes ?? ''} onChange={(e) => set({ notes: e.currentTarget.value })} />
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
