import type { Db } from '../db/connection';
import { ServiceError } from './errors';
import { createRepositories } from '../db/repositories';
import { createBackupService } from './backups';
import { createCalendarService } from './calendar';
import { createCategoryService } from './categories';
import { createChannelService } from './channels';
import { createExportService } from './export';
import { createMediaService } from './media';
import { createOnboardingService } from './onboarding';
import { seedDemoWorkspace } from '../demo/seed';
import { createPlanningService } from './planning';
import { createPostService } from './posts';
import { createTransferService } from './transfer';
import { createWorkspaceService } from './workspace';
import { createAuditService } from './review/audit';
import { createComplianceService } from './review/compliance';
import { createAccess, createPeopleService, createSession, type ProfileMemory } from './review/people';
import { createPolicyService } from './review/policy';
import { createReviewService } from './review/reviews';
import { createReleaseService } from './review/releases';
import { createPacketService } from './review/packet';
import { createIdeaService } from './intake/ideas';
import { createImporter } from './intake/importer';
import { createInbox } from './intake/inbox';
import { createStoryForm } from './intake/form';
import { createTeamService, teamIdentity } from './team/sync';
import type { CredentialStore } from './team/credentials';

export interface ServiceOptions {
  /** Where the chosen person is remembered on this machine (null: for this process only). */
  profileMemory?: ProfileMemory | null;
  /** Where team passwords are kept on this machine (null: nowhere; joining a team then fails). */
  credentials?: CredentialStore | null;
}

const NO_CREDENTIALS: CredentialStore = {
  get: () => process.env.STORYBANK_TEAM_PASSWORD ?? null,
  set: () => {
    throw new ServiceError('storage', 'This process keeps no passwords: join the team from the app or the command line.');
  },
  forget: () => {},
};

export function createServices(db: Db, dbPath: string, options: ServiceOptions = {}) {
  const repos = createRepositories(db);
  const session = createSession(repos, dbPath, options.profileMemory ?? null);
  const audit = createAuditService(repos, () => session.author());
  const policy = createPolicyService(repos, audit);
  const access = createAccess(session, policy.requireAccepted, () => teamIdentity(repos));
  const people = createPeopleService(repos, session, access, audit, policy);
  people.ensureOwner();
  const compliance = createComplianceService(repos, access, audit);
  const workspace = createWorkspaceService(repos, dbPath, access);
  const posts = createPostService(repos, workspace, access, audit);
  const releases = createReleaseService(repos, access, audit, dbPath);
  const reviews = createReviewService({ repos, posts, workspace, access, audit, compliance, releases });
  const calendar = createCalendarService(repos, workspace, posts, access);
  const backups = createBackupService(repos, dbPath, access, audit);
  const media = createMediaService(repos, dbPath);
  const ideas = createIdeaService({ repos, access, audit, posts, releases, workspace, session });
  const importer = createImporter({ repos, access, media, ideas, audit });
  const services = {
    repos,
    session,
    access,
    audit,
    policy,
    people,
    compliance,
    releases,
    reviews,
    workspace,
    channels: createChannelService(repos, posts, access),
    categories: createCategoryService(repos, access),
    posts,
    calendar,
    planning: createPlanningService(repos, workspace, posts, access),
    ideas,
    importer,
    inbox: createInbox({ repos, access, importer }),
    storyForm: createStoryForm({ repos, access, workspace }),
    exports: createExportService(repos, workspace, posts, access),
    backups,
    media,
    transfer: createTransferService(repos, { posts, workspace, calendar, backups, access }),
    team: createTeamService({ repos, posts, media, audit, dbPath, credentials: options.credentials ?? NO_CREDENTIALS, access }),
  };
  return { ...services, packets: createPacketService(services), onboarding: createOnboardingService(repos, () => seedDemoWorkspace(services), access) };
}
export type Services = ReturnType<typeof createServices>;
