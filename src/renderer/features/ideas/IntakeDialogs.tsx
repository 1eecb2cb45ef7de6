// The story form (branding, download) and the inbox folder (where staff drop .storyidea files).
import { Button, ColorInput, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { downloadFile } from '../../app/download';
import { showError } from '../../app/errors';

export function StoryFormDialog({ onClose }: { onClose: () => void }) {
  const [color, setColor] = useState('#1f6f8b');
  const [sendHint, setSendHint] = useState('');
  useEffect(() => {
    call('intake.formSettings', {}).then((s) => (setColor(s.color), setSendHint(s.sendHint)), (error) => showError(error, 'Could not load the form settings'));
  }, []);
  const download = async () => {
    try {
      await call('intake.saveFormSettings', { color, sendHint });
      const { fileName, html } = await call('intake.form', {});
      downloadFile(fileName, html, 'text/html');
    } catch (error) {
      showError(error, 'Could not make the form');
    }
  };
  return (
    <Modal opened onClose={onClose} title="The story form for staff" size="md">
      <Stack gap="sm">
        <Text size="sm">
          One HTML file that any employee opens in any browser, with no server and no network. It saves their story, with photos, as a .storyidea file to e-mail
          to you or drop in the shared folder.
        </Text>
        <ColorInput label="Your bank's colour" value={color} onChange={setColor} format="hex" swatches={['#1f6f8b', '#0b7285', '#2b8a3e', '#5f3dc4', '#c92a2a', '#e67700']} />
        <TextInput label="Where staff send the file" placeholder="E-mail it to marketing@yourbank.com" value={sendHint} onChange={(e) => setSendHint(e.currentTarget.value)} maxLength={300} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button leftSection={<IconDownload size={16} />} onClick={() => void download()}>
            Download the form
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function InboxDialog({ folder, onClose, onSaved, onCheck }: { folder: string | null; onClose: () => void; onSaved: () => void; onCheck: () => Promise<void> }) {
  const [value, setValue] = useState(folder ?? '');
  const save = async () => {
    try {
      await call('intake.setInbox', { folder: value.trim() || null });
      onSaved();
      if (value.trim()) await onCheck();
      onClose();
    } catch (error) {
      showError(error, 'Could not use that folder');
    }
  };
  return (
    <Modal opened onClose={onClose} title="Story inbox folder" size="md">
      <Stack gap="sm">
        <Text size="sm">
          A folder staff drop .storyidea files into, such as a shared network folder. Storybank checks it when it starts and when you press Check inbox; imported
          files move to its “processed” folder, rejected ones to “rejected” with a note saying why.
        </Text>
        <TextInput label="Folder" placeholder="\\\\fileserver\\marketing\\stories or /Volumes/Marketing/Stories" value={value} onChange={(e) => setValue(e.currentTarget.value)} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()}>Save and check</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
