// A story idea typed in by the team (one that came by phone or in the hallway).
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { IdeaInput } from '../../../shared/api/ideas';
import { call } from '../../api/client';
import { showError } from '../../app/errors';
import { useWorkspace } from '../../app/workspace';

export function IdeaForm({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { categories } = useWorkspace();
  const highlights = categories.find((c) => /employee/i.test(c.name))?.id ?? null;
  const [idea, setIdea] = useState<IdeaInput>({ title: '', story: '', submittedBy: '', submitterEmail: '', branch: '', categoryId: highlights });
  const [people, setPeople] = useState('');
  const [earliest, setEarliest] = useState('');
  const [latest, setLatest] = useState('');
  const save = async () => {
    try {
      const featured = people.split(/[,;\n]/).map((name) => name.trim()).filter(Boolean).map((name) => ({ name, consentStated: false }));
      await call('ideas.create', { ...idea, featured, earliest: earliest || null, latest: latest || null });
      onSaved();
      onClose();
    } catch (error) {
      showError(error, 'Could not save the idea');
    }
  };
  const set = (patch: Partial<IdeaInput>) => setIdea({ ...idea, ...patch });
  return (
    <Modal opened onClose={onClose} title="New story idea" size="lg">
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
