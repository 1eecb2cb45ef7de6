// People and who is using Storybank right now. Every write checks the current person's roles here,
// in the service layer, whichever door it came through (the app, the browser host, the CLI).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { writeFileAtomically } from '../../files/output-file';
import path from 'node:path';
import { ROLE_LABELS, ROLES, Profile, type Role } from '../../../shared/domain/people';
import type { Repositories } from '../../db/repositories';
import { newId, nowIso } from '../../db/repositories/rows';
import { checkRevision, notFound, ServiceError } from '../errors';
import type { AuditRecordInput, Author } from './audit';
import type { PolicyService } from './policy';
import { FOUR_EYES_KEY } from './reviews';

/** Remembers the chosen person per machine and workspace (files in the user's app folder). */
export interface ProfileMemory {
  recall(workspacePath: string): string | null;
  remember(workspacePath: string, profileId: string): void;
  forget(workspacePath: string): void;
}

/**
 * One small file per workspace, named by a hash of its path: processes remembering people for
 * different workspaces at once never overwrite each other's choice.
 */
export function folderProfileMemory(folder: string): ProfileMemory {
  const fileOf = (workspacePath: string): string => path.join(folder, `${createHash('sha256').update(path.resolve(workspacePath)).digest('hex').slice(0, 32)}.json`);
  return {
    recall(workspacePath) {
      try {
        const parsed = JSON.parse(fs.readFileSync(fileOf(workspacePath), 'utf8')) as { profileId?: unknown };
        return typeof parsed.profileId === 'string' ? parsed.profileId : null;
      } catch {
        return null;
      }
    },
    remember(workspacePath, profileId) {
      writeFileAtomically(fileOf(workspacePath), JSON.stringify({ workspace: path.resolve(workspacePath), profileId }));
    },
    forget(workspacePath) {
      fs.rmSync(fileOf(workspacePath), { force: true });
    },
  };
}

export const OWNER_NAME = 'Workspace owner';

const forbidden = (message: string): ServiceError => new ServiceError('forbidden', message);

export function createSession(repos: Repositories, workspacePath: string, memory: ProfileMemory | null) {
  let selectedId: string | null = memory?.recall(workspacePath) ?? null;
  const active = (): Profile[] => repos.profiles.list().filter((p) => !p.archived);
  /** The chosen person; with nobody chosen, the only person there is (a workspace of one). */
  const currentOrNull = (): Profile | null => {
    const chosen = selectedId ? repos.profiles.get(selectedId) : null;
    if (chosen && !chosen.archived) return chosen;
    const people = active();
    if (people.length !== 1) return null;
    // The only person is the one using it: pinned, so adding a second person does not lock them out.
    selectedId = people[0].id;
    memory?.remember(workspacePath, selectedId);
    return people[0];
  };
  return {
    currentOrNull,
    current(): Profile {
      const profile = currentOrNull();
      if (!profile) throw forbidden(`Choose who you are first: this workspace has ${active().length} people (the CLI takes --as NAME).`);
      return profile;
    },
    /** The author of records written now: the current person, or Storybank itself when nobody is chosen. */
    author(): Author {
      return currentOrNull();
    },
    /** Chooses the current person; `remember` keeps the choice for this machine. */
    select(profileId: string, remember = true): Profile {
      const profile = repos.profiles.get(profileId);
      if (!profile || profile.archived) throw notFound('Person', profileId);
      selectedId = profile.id;
      if (remember) memory?.remember(workspacePath, profile.id);
      return profile;
    },
    /** Acts as this person for this process only (a worker doing a job for the main process); null = nobody chosen. */
    actAs(profileId: string | null): void {
      selectedId = profileId;
    },
    /** A name or id, as the CLI's --as gives it. */
    resolve(nameOrId: string): Profile {
      const profile = repos.profiles.get(nameOrId) ?? repos.profiles.byName(nameOrId.trim());
      if (!profile || profile.archived) {
        const names = active().map((p) => `"${p.name}"`).join(', ');
        throw new ServiceError('not_found', `No person called "${nameOrId}" in this workspace (there are: ${names}).`);
      }
      return profile;
    },
  };
}
export type Session = ReturnType<typeof createSession>;

const roleList = (roles: readonly Role[]): string => roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(' or ');

/** The role checks every service uses: a refused action is `forbidden`, naming the role it needs. */
/** In a team workspace: the user this machine signs in to the server as, and that user's roles there. */
export type TeamIdentity = () => { user: string; roles: readonly string[] } | null;

export function createAccess(session: Session, policyGate: (person: Profile, action: string) => void, teamIdentity: TeamIdentity = () => null) {
  return {
    /**
     * The current person, who must have one of `roles` to `action` ("approve posts"); with
     * `policy`, also have accepted the current social-media policy (drafting and approving).
     */
    require(roles: Role | readonly Role[], action: string, options: { policy?: boolean } = {}): Profile {
      const needed = typeof roles === 'string' ? [roles] : roles;
      const person = session.current();
      if (!needed.some((role) => person.roles.includes(role))) {
        throw forbidden(`${person.name} cannot ${action}: that needs the ${roleList(needed)} role.`);
      }
      // on a team the server decides by the signed-in user's roles: refuse here what it would refuse
      const team = teamIdentity();
      if (team && !team.roles.includes('_admin') && !needed.some((role) => team.roles.includes(role))) {
        throw forbidden(`This machine signs in to the team's server as ${team.user} (${team.roles.join(', ') || 'no role'}): to ${action} there, ${team.user} needs the ${roleList(needed)} role. Ask your admin.`);
      }
      if (options.policy) policyGate(person, action);
      return person;
    },
  };
}
export type Access = ReturnType<typeof createAccess>;

export interface ProfileInput {
  name: string;
  roles: Role[];
}

export function createPeopleService(repos: Repositories, session: Session, access: Access, audit: { record: (input: AuditRecordInput) => unknown }, policy: PolicyService) {
  const checkName = (name: string, exceptId?: string): void => {
    const other = repos.profiles.byName(name);
    if (other && other.id !== exceptId) {
      throw new ServiceError('validation', `name: there is already a person called "${other.name}"`, [{ path: 'name', message: 'already taken' }]);
    }
  };
  return {
    list: (): Profile[] => repos.profiles.list(),
    session() {
      const current = session.currentOrNull();
      const latest = policy.current();
      return {
        current,
        people: repos.profiles.list().filter((p) => !p.archived),
        fourEyes: repos.settings.get(FOUR_EYES_KEY) !== 'false',
        policyToAccept: current && latest && policy.acceptedVersion(current.id) < latest.version ? latest : null,
      };
    },
    publishPolicy(text: string) {
      return policy.publish(access.require('admin', 'publish the social-media policy'), text);
    },
    acceptPolicy(version: number) {
      policy.accept(session.current(), version);
      return policy.status();
    },
    select(profileId: string): Profile {
      return repos.transaction(() => {
        const profile = session.select(profileId);
        audit.record({ kind: 'profile.select', subjectType: 'profile', subjectId: profile.id, body: { name: profile.name } });
        return profile;
      });
    },
    /** A new workspace (or one from before people existed) gets one person with every role. */
    ensureOwner(): void {
      if (repos.profiles.list().length > 0) return;
      repos.transaction(() => {
        if (repos.profiles.list().length > 0) return; // another process made one first
        const now = nowIso();
        const owner = Profile.parse({ id: newId(), name: OWNER_NAME, roles: [...ROLES], createdAt: now, updatedAt: now });
        repos.profiles.save(owner);
        audit.record({ kind: 'profile.create', subjectType: 'profile', subjectId: owner.id, body: { name: owner.name, roles: owner.roles } });
      });
    },
    create(input: ProfileInput): Profile {
      return repos.transaction(() => {
        access.require('admin', 'add people');
        checkName(input.name);
        const now = nowIso();
        const profile = Profile.parse({ id: newId(), ...input, createdAt: now, updatedAt: now });
        repos.profiles.save(profile);
        audit.record({ kind: 'profile.create', subjectType: 'profile', subjectId: profile.id, body: { name: profile.name, roles: profile.roles } });
        return profile;
      });
    },
    update(input: Partial<ProfileInput> & { id: string; revision: number; archived?: boolean }): Profile {
      return repos.transaction(() => {
        const me = access.require('admin', 'change people');
        const existing = repos.profiles.get(input.id);
        if (!existing) throw notFound('Person', input.id);
        checkRevision(existing, input.revision, `"${existing.name}"`);
        if (input.name) checkName(input.name, existing.id);
        const next = Profile.parse({ ...existing, ...input, revision: existing.revision, updatedAt: nowIso() });
        const admins = repos.profiles.list().filter((p) => p.id !== next.id && !p.archived && p.roles.includes('admin'));
        if (admins.length === 0 && (next.archived || !next.roles.includes('admin'))) {
          throw new ServiceError('validation', 'roles: the workspace needs at least one admin; give someone else the admin role first', [{ path: 'roles', message: 'last admin' }]);
        }
        if (next.id === me.id && next.archived) throw new ServiceError('validation', 'archived: you cannot archive yourself', [{ path: 'archived', message: 'yourself' }]);
        const revision = repos.profiles.save(next);
        audit.record({
          kind: 'profile.update',
          subjectType: 'profile',
          subjectId: next.id,
          body: { name: next.name, roles: { before: existing.roles, after: next.roles }, archived: next.archived },
        });
        return { ...next, revision };
      });
    },
  };
}
export type PeopleService = ReturnType<typeof createPeopleService>;
