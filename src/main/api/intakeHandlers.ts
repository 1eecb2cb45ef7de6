// Handlers of story ideas, their intake (imports, the inbox, the story form) and the media
// library (issue 10): each maps a contract operation to its service call.
import type { UploadedFile } from '../../shared/api/media';
import type { Services } from '../services';
import type { Handlers } from './handlers';

type IntakeOperation = `ideas.${string}` | `intake.${string}` | `media.${string}`;

const bytesOf = (file: UploadedFile): { name: string; bytes: Buffer } => ({ name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') });

export function createIntakeHandlers(s: Services): Pick<Handlers, Extract<keyof Handlers, IntakeOperation>> {
  return {
    'ideas.list': ({ statuses }) => s.ideas.list(statuses),
    'ideas.get': ({ id }) => s.ideas.get(id),
    'ideas.create': (input) => s.ideas.create(input),
    'ideas.update': (input) => s.ideas.update(input),
    'ideas.move': ({ id, revision, status, reason }) => s.ideas.move(id, revision, status, reason),
    'ideas.makePost': ({ id, revision }) => s.ideas.makePost(id, revision),
    'ideas.thanks': ({ id }) => s.ideas.thanks(id),
    'ideas.coverage': ({ on }) => s.ideas.coverage(on),
    'ideas.import': ({ files, mapping, dryRun }) => s.importer.importFiles(files.map(bytesOf), { mapping, dryRun }),
    'ideas.previewForm': ({ file }) => s.importer.previewForm(bytesOf(file)),
    'intake.inbox': () => s.inbox.status(),
    'intake.setInbox': ({ folder }) => s.inbox.set(folder),
    'intake.checkInbox': () => s.inbox.check(),
    'intake.formSettings': () => s.storyForm.settings(),
    'intake.saveFormSettings': (input) => s.storyForm.saveSettings(input),
    'intake.form': () => s.storyForm.html(),
    'media.preview': async ({ path, size }) => ({ dataUrl: size === 'thumb' ? await s.media.thumbnail(path) : s.media.preview(path) }),
    'media.add': (file) => {
      s.access.require('planner', 'add images');
      const { name, bytes } = bytesOf(file);
      const record = s.media.addBytes(bytes, name);
      return s.media.list().find((item) => item.sha256 === record.sha256) ?? { ...record, usedBy: [], alt: '' };
    },
    'media.list': () => s.media.list(),
  };
}
