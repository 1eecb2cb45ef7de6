// The offline story form: one self-contained HTML file (inline script and styles, no network),
// branded with the bank's name and colour, that saves a .storyidea file on the employee's machine.
import fs from 'node:fs';
import { z } from 'zod';
import { HexColor } from '../../../shared/domain/schemas';
import { FORM_PHOTO_MAX_SIDE, MAX_STORYIDEA_PHOTOS, STORYIDEA_FORMAT, STORYIDEA_VERSION } from '../../../shared/intake/storyidea';
import type { Repositories } from '../../db/repositories';
import { resourcePath } from '../../resources';
import { ServiceError } from '../errors';
import type { Access } from '../review/people';
import type { WorkspaceService } from '../workspace';
import { DEFAULT_IDEA_CATEGORY } from './ideas';

const FORM_KEY = 'intake.form';
export const FormSettings = z.object({
  color: HexColor.default('#1f6f8b'),
  /** Where staff send the saved file, in the bank's words ("E-mail it to marketing@..."). */
  sendHint: z.string().trim().max(300).default(''),
});
export type FormSettings = z.infer<typeof FormSettings>;

/** Relative luminance (WCAG 2), for keeping white header text readable on the bank's colour. */
const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
/** The colour, darkened until white text on it reaches 7:1 (WCAG AAA, as the app). */
export function readableOnWhiteText(hex: string): string {
  let [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  for (let step = 0; step < 40 && 1.05 / (luminance(`#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`) + 0.05) < 7; step++) {
    [r, g, b] = [r, g, b].map((c) => Math.floor(c * 0.9));
  }
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** JSON safe inside a <script> element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

export function createStoryForm(deps: { repos: Repositories; access: Access; workspace: WorkspaceService }) {
  const { repos, access, workspace } = deps;
  const settings = (): FormSettings => {
    try {
      return FormSettings.parse(JSON.parse(repos.settings.get(FORM_KEY) ?? '{}'));
    } catch {
      return FormSettings.parse({});
    }
  };
  return {
    settings,
    saveSettings(next: Partial<FormSettings>): FormSettings {
      access.require(['planner', 'admin'], 'change the story form');
      const parsed = FormSettings.safeParse({ ...settings(), ...next });
      if (!parsed.success) throw new ServiceError('validation', `color: ${parsed.error.issues[0].message}`, [{ path: 'color', message: parsed.error.issues[0].message }]);
      repos.transaction(() => repos.settings.set(FORM_KEY, JSON.stringify(parsed.data)));
      return parsed.data;
    },
    /** The form as HTML, with its file name. */
    html(): { fileName: string; html: string } {
      const { color, sendHint } = settings();
      const bank = workspace.get().name;
      const categories = repos.categories.list().map((c) => c.name);
      const branches = [...new Set(repos.ideas.list().map((i) => i.branch.trim()).filter(Boolean))].sort();
      const config = {
        format: STORYIDEA_FORMAT,
        version: STORYIDEA_VERSION,
        bank,
        color: readableOnWhiteText(color),
        sendHint,
        categories,
        defaultCategory: categories.find((name) => DEFAULT_IDEA_CATEGORY.test(name)) ?? categories[0] ?? '',
        branches,
        maxSide: FORM_PHOTO_MAX_SIDE,
        maxPhotos: MAX_STORYIDEA_PHOTOS,
        // photos smaller than this and within maxSide are kept as they are
        keepBelowBytes: 1024 * 1024,
      };
      const template = fs.readFileSync(resourcePath('intake', 'story-form.html'), 'utf8');
      const slug = bank.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'bank';
      return { fileName: `${slug}-story-form.html`, html: template.replace('__CONFIG__', () => scriptJson(config)) };
    },
  };
}
export type StoryForm = ReturnType<typeof createStoryForm>;
