// A .storyidea file from the offline form, read into a candidate idea. The version is checked
// before the shape, so a file from a newer Storybank is refused by name instead of misread.
import { STORYIDEA_FORMAT, STORYIDEA_VERSION, StoryIdeaFile } from '../../../shared/intake/storyidea';
import { sniffImage } from '../media';
import { ServiceError } from '../errors';
import { plainFileName } from '../../files/input-file';
import { describeIssues, type IdeaCandidate } from './candidates';
import { decodeText } from './decode';

const reject = (file: string, message: string): ServiceError => new ServiceError('validation', `${file}: ${message}`);

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const decodePhoto = (file: string, index: number, name: string, data: string, what: string): Buffer => {
  const clean = data.replace(/^data:[^,]*,/, '');
  if (!BASE64.test(clean)) throw reject(file, `photo ${index + 1} (${name}): the ${what} is not base64 data`);
  const bytes = Buffer.from(clean, 'base64');
  const sniffed = sniffImage(bytes);
  if ('problem' in sniffed) throw reject(file, `photo ${index + 1} (${name}): ${sniffed.problem}`);
  return bytes;
};

export function readStoryIdea(file: string, bytes: Uint8Array): IdeaCandidate {
  let json: unknown;
  try {
    json = JSON.parse(decodeText(bytes).text);
  } catch (error) {
    throw reject(file, `not a readable .storyidea file: it is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const head = (json ?? {}) as { format?: unknown; version?: unknown };
  if (typeof json !== 'object' || json === null || head.format !== STORYIDEA_FORMAT) {
    throw reject(file, 'not a .storyidea file (save the story again from the Storybank story form)');
  }
  if (typeof head.version !== 'number' || !Number.isInteger(head.version) || head.version < 1) {
    throw reject(file, `a .storyidea file of unknown version ${JSON.stringify(head.version)}`);
  }
  if (head.version > STORYIDEA_VERSION) {
    throw reject(file, `made by a newer story form (version ${head.version}; this Storybank reads version ${STORYIDEA_VERSION}): update Storybank to import it`);
  }
  const parsed = StoryIdeaFile.safeParse(json);
  if (!parsed.success) throw reject(file, `the story is incomplete or damaged: ${describeIssues(parsed.error)}`);
  const { idea, photos } = parsed.data;
  return {
    file,
    row: null,
    source: 'storyidea',
    title: idea.title,
    story: idea.story,
    submittedBy: idea.submitter.name,
    submitterEmail: idea.submitter.email.trim(),
    branch: idea.submitter.branch.trim(),
    featured: idea.featured.map((f) => ({ name: f.name.replace(/\s+/g, ' '), consentStated: f.consent })),
    categoryName: idea.category,
    earliest: idea.earliest,
    latest: idea.before,
    notes: idea.notes,
    photos: photos.map((photo, index) => {
      const name = plainFileName(photo.name);
      return {
        name,
        alt: photo.alt,
        bytes: decodePhoto(file, index, name, photo.data, 'photo'),
        ...(photo.original ? { original: decodePhoto(file, index, name, photo.original, 'original') } : {}),
      };
    }),
  };
}
