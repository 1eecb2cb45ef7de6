// First run: which of the setup steps an empty workspace still needs, and the demo bank for one
// that wants to look around first (as the desktop app offers on its first start).
import type { Onboarding } from '../../shared/api/onboarding';
import type { Repositories } from '../db/repositories';
import type { Access } from './review/people';
import { ServiceError } from './errors';

function onboardingOf(repos: Repositories): Onboarding {
  const channels = repos.channels.list();
  const categories = repos.categories.list();
  const hasPost = repos.posts.any();
  const hasIdea = repos.ideas.list().length > 0;
  return {
    steps: [
      { id: 'profile', done: repos.settings.get('workspace.name') !== null },
      { id: 'channels', done: channels.some((channel) => channel.slots.length > 0) },
      { id: 'categories', done: categories.some((category) => category.targetShare > 0) },
      { id: 'firstPost', done: hasPost },
    ],
    empty: channels.length === 0 && categories.length === 0 && !hasPost && !hasIdea,
  };
}

export function createOnboardingService(repos: Repositories, seedDemo: () => void, access: Access) {
  return {
    get: (): Onboarding => onboardingOf(repos),
    loadDemo(): Onboarding {
      access.require('admin', 'load the demo bank');
      if (!onboardingOf(repos).empty) {
        throw new ServiceError('conflict', 'The demo bank goes only into an empty workspace: this one already has channels, categories or posts.');
      }
      seedDemo();
      return onboardingOf(repos);
    },
  };
}
export type OnboardingService = ReturnType<typeof createOnboardingService>;
