// Storybank's design document for a team workspace's CouchDB database. Its validate_doc_update runs
// on the server for every write, replicated ones included, so the server (not each client) decides
// who may change what. It is kept as source text: CouchDB evaluates it in its own JavaScript engine
// (ES5), so it must not go through our bundler.
import { ROLES } from '../domain/people';
import { ADMIN_SETTINGS, TEAM_DOC_TYPES } from './documents';

export const DESIGN_DOC_ID = '_design/storybank';
/** Bumped whenever the rules change; `team init` writes this version (run again, it brings an older database's rules up to date). */
export const DESIGN_VERSION = 1;

/** Audit kinds only an approver may write: the decisions the server guards. */
export const APPROVER_AUDIT_KINDS = ['post.approve', 'post.request_changes', 'signoff.create', 'compliance.override'] as const;

export const VALIDATE_DOC_UPDATE = String.raw`function (newDoc, oldDoc, userCtx, secObj) {
  var roles = userCtx.roles || [];
  var name = userCtx.name;
  function has(role) { return roles.indexOf(role) !== -1; }
  function deny(message) { throw ({ forbidden: message }); }
  var serverAdmin = has('_admin');
  var admin = serverAdmin || has('admin');
  if (!name) throw ({ unauthorized: 'Sign in to change this workspace.' });
  if (newDoc.updatedBy !== name) deny('updatedBy must be the signed-in user (' + name + '), not ' + JSON.stringify(newDoc.updatedBy) + '.');
  var type = newDoc._deleted ? (oldDoc ? oldDoc.type : newDoc.type) : newDoc.type;
  if (!newDoc._deleted && oldDoc && !oldDoc._deleted && oldDoc.type !== newDoc.type) deny('a document cannot change its type.');
  // a revision the server already holds, sent again (two replications of one machine at once),
  // changes nothing: CouchDB keeps the revision it has
  if (oldDoc && !oldDoc._deleted && newDoc._rev && newDoc._rev === oldDoc._rev) return;
  // a write that changes nothing (reverting a refused change to the server's version) is anyone's
  if (oldDoc && !oldDoc._deleted && !newDoc._deleted && oldDoc.type === newDoc.type && oldDoc.owner === newDoc.owner && JSON.stringify(oldDoc.data) === JSON.stringify(newDoc.data) && newDoc.type !== 'audit') return;
  if (newDoc._deleted && (!oldDoc || oldDoc._deleted) && newDoc.type !== 'audit') return;
  var TYPES = ${JSON.stringify(TEAM_DOC_TYPES)};
  if (TYPES.indexOf(type) === -1) deny('unknown document type ' + JSON.stringify(type) + '.');
  var planner = admin || has('planner');
  var approver = serverAdmin || has('approver');

  if (type === 'audit') {
    if (oldDoc && !oldDoc._deleted) deny('audit entries are create-only: they cannot be changed or deleted.');
    if (newDoc._deleted) deny('audit entries cannot be deleted.');
    if (newDoc.author !== name) deny('an audit entry must be written by its author (' + name + ').');
    var APPROVER_KINDS = ${JSON.stringify(APPROVER_AUDIT_KINDS)};
    if (APPROVER_KINDS.indexOf(newDoc.kind) !== -1 && !approver) deny('only an approver may record ' + newDoc.kind + '.');
    return;
  }

  if (type === 'media') {
    // a photo is named by its content's SHA-256: stored once, never changed or removed
    if (oldDoc && !oldDoc._deleted) deny('a photo is stored once and never changed.');
    if (newDoc._deleted) deny('photos cannot be deleted from the team workspace.');
    if (!planner && !approver && !has('contributor')) deny('you have no role in this workspace.');
    return;
  }

  if (type === 'idea') {
    if (planner) return;
    if (!has('contributor')) deny('you have no role in this workspace.');
    if (oldDoc && !oldDoc._deleted && oldDoc.owner !== name) deny('a contributor may only edit their own story ideas.');
    if (newDoc._deleted) deny('a contributor cannot delete story ideas.');
    if (newDoc.owner !== name) deny('a contributor may only create story ideas of their own.');
    if (['new', 'needs_info'].indexOf(newDoc.data.status) === -1) deny('only a planner may accept, schedule or decline an idea.');
    return;
  }

  if (type === 'post') {
    if (!planner && !approver) deny('only planners and approvers may change posts.');
    if (newDoc._deleted) { if (!planner) deny('only a planner may delete a post.'); return; }
    var was = oldDoc && !oldDoc._deleted ? oldDoc.data : null;
    var now = newDoc.data;
    var decided = ['approved', 'changes_requested'];
    if (decided.indexOf(now.status) !== -1 && (!was || was.status !== now.status) && !approver) deny('only an approver may set a post to ' + now.status + '.');
    if (was && ['approved', 'exported', 'published'].indexOf(was.status) !== -1 && ['approved', 'exported', 'published'].indexOf(now.status) !== -1 && JSON.stringify(was.content) !== JSON.stringify(now.content))
      deny('approved content was edited: an edit must move the post back to review.');
    if (!planner && (!was || JSON.stringify(was.content) !== JSON.stringify(now.content))) deny('an approver decides on posts but does not write them.');
    return;
  }

  if (type === 'profile' && !admin) deny('only an admin may change people and their roles.');
  var ADMIN_SETTINGS = ${JSON.stringify(ADMIN_SETTINGS)};
  if (type === 'setting' && ADMIN_SETTINGS.indexOf(String(newDoc._id).slice(8)) !== -1 && !admin) deny('only an admin may change ' + String(newDoc._id).slice(8) + '.');
  if (!planner) deny('only planners change ' + type + 's.');
}`;

export const ROLE_NAMES: readonly string[] = ROLES;

/** The database's members and admins: every Storybank role may read; CouchDB admins and "admin" manage it. */
export const SECURITY_OBJECT = {
  admins: { names: [], roles: ['admin'] },
  members: { names: [], roles: [...ROLES] },
};

export const designDocument = () => ({
  _id: DESIGN_DOC_ID,
  storybankVersion: DESIGN_VERSION,
  language: 'javascript',
  validate_doc_update: VALIDATE_DOC_UPDATE,
});
