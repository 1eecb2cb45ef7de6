// Versioned schema migrations, applied in order. PRAGMA user_version holds the version of the
// last applied migration. Never edit a migration that has shipped: add a new one.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Tables whose rows travel as team documents: [table, document type, column with the record id]. */
const TEAM_CAPTURE: ReadonlyArray<[string, string, string]> = [
  ['posts', 'post', 'id'],
  ['post_channels', 'post', 'post_id'],
  ['ideas', 'idea', 'id'],
  ['channels', 'channel', 'id'],
  ['categories', 'category', 'id'],
  ['blackouts', 'blackout', 'id'],
  ['series', 'series', 'id'],
];

/** The settings the team shares (src/shared/team/documents.ts SHARED_SETTINGS when version 8 shipped). */
const SHARED_SETTING_KEYS = ['workspace.name', 'workspace.timezone', 'calendar.observances', 'compliance.settings', 'review.fourEyes', 'audit.retentionYears', 'intake.form', 'intake.formMappings']
  .map((k) => `'${k}'`)
  .join(', ');

/** Queues the changed record's document, unless capture is off (solo mode, or applying remote changes). */
function captureTriggers(table: string, type: string, key: string, onlyKeys?: string): string {
  return (['INSERT', 'UPDATE', 'DELETE'] as const)
    .map((op) => {
      const row = op === 'DELETE' ? 'OLD' : 'NEW';
      return `CREATE TRIGGER team_capture_${table}_${op.toLowerCase()} AFTER ${op} ON ${table}
        WHEN (SELECT value FROM team_state WHERE key = 'capture') = 'on'${onlyKeys ? ` AND ${row}.${key} IN (${onlyKeys})` : ''}
        BEGIN
          -- (not INSERT OR REPLACE: the statement that fires a trigger overrides its conflict clause)
          DELETE FROM team_outbox WHERE doc_id = '${type}:' || ${row}.${key};
          INSERT INTO team_outbox (doc_id, queued) VALUES ('${type}:' || ${row}.${key}, (SELECT coalesce(max(queued), 0) + 1 FROM team_outbox));
        END;`;
    })
    .join('\n');
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'core: settings, channels, categories, posts, ideas',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE channels (
        id TEXT PRIMARY KEY,
        network TEXT NOT NULL,
        name TEXT NOT NULL,
        handle TEXT NOT NULL DEFAULT '',
        color TEXT NOT NULL,
        timezone TEXT,
        slots TEXT NOT NULL DEFAULT '[]',
        max_length INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE categories (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        color TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        target_share REAL NOT NULL CHECK (target_share >= 0 AND target_share <= 1),
        is_promotional INTEGER NOT NULL DEFAULT 0,
        min_gap_slots INTEGER,
        min_gap_days INTEGER,
        max_per_week INTEGER,
        no_consecutive INTEGER NOT NULL DEFAULT 0,
        sort_order INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE posts (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        base_text TEXT NOT NULL DEFAULT '',
        category_id TEXT REFERENCES categories(id) ON DELETE SET NULL,
        scheduled_at TEXT,
        timezone TEXT NOT NULL,
        images TEXT NOT NULL DEFAULT '[]',
        link TEXT,
        notes TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft',
        placeholder INTEGER NOT NULL DEFAULT 0,
        series_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX posts_by_scheduled_at ON posts(scheduled_at);
      CREATE INDEX posts_by_category ON posts(category_id);

      CREATE TABLE post_channels (
        post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        channel_id TEXT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
        text_override TEXT,
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (post_id, channel_id)
      ) STRICT;
      CREATE INDEX post_channels_by_channel ON post_channels(channel_id);

      CREATE TABLE ideas (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        story TEXT NOT NULL DEFAULT '',
        submitted_by TEXT NOT NULL DEFAULT '',
        branch TEXT NOT NULL DEFAULT '',
        category_id TEXT REFERENCES categories(id) ON DELETE SET NULL,
        status TEXT NOT NULL DEFAULT 'new',
        earliest TEXT,
        latest TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'calendar: post issues, blackouts, recurring series',
    sql: `
      ALTER TABLE posts ADD COLUMN issues TEXT NOT NULL DEFAULT '[]';
      CREATE INDEX posts_by_series ON posts(series_id);

      CREATE TABLE blackouts (
        id TEXT PRIMARY KEY,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL CHECK (end_date >= start_date),
        reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE series (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        rule TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'export batches: what went out, when, with which content',
    sql: `
      CREATE TABLE export_batches (
        id TEXT PRIMARY KEY,
        format TEXT NOT NULL,
        options TEXT NOT NULL DEFAULT '{}',
        files TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE export_items (
        batch_id TEXT NOT NULL REFERENCES export_batches(id) ON DELETE CASCADE,
        post_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        PRIMARY KEY (batch_id, post_id, channel_id)
      ) STRICT;
      CREATE INDEX export_items_by_post ON export_items(post_id, channel_id);
    `,
  },
  {
    version: 4,
    name: 'reliability: a revision on every row (compare-and-set), plan batches kept for undo, media files by hash',
    sql: `
      ALTER TABLE posts ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE channels ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE categories ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE ideas ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE blackouts ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE series ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

      -- What undo of an applied plan needs, so it survives a restart and works from any process.
      CREATE TABLE plan_batches (
        id TEXT PRIMARY KEY,
        undo TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      -- Files in the workspace's media folder, named by content: doctor checks them against these.
      CREATE TABLE media (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        path TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        bytes INTEGER NOT NULL CHECK (bytes > 0),
        width INTEGER,
        height INTEGER,
        original_name TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'one post on several channels at each channel\'s own slot time (minutes after the post\'s time)',
    sql: `
      ALTER TABLE post_channels ADD COLUMN offset_minutes INTEGER NOT NULL DEFAULT 0 CHECK (offset_minutes BETWEEN -1440 AND 1440);
    `,
  },
  {
    version: 6,
    name: 'people and roles; the audit trail: append-only records chained by their hashes',
    sql: `
      CREATE TABLE profiles (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        roles TEXT NOT NULL,
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        revision INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX profiles_by_name ON profiles(lower(name));

      -- Every change and decision, as a self-describing record (id, kind, author, time, body)
      -- whose hash covers the record and the hash before it: altering or deleting one breaks the chain.
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        actor_id TEXT,
        actor_name TEXT NOT NULL,
        at TEXT NOT NULL,
        subject_type TEXT NOT NULL,
        subject_id TEXT,
        before_hash TEXT,
        after_hash TEXT,
        body TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX audit_by_subject ON audit_log(subject_id, seq);
      CREATE INDEX audit_by_kind ON audit_log(kind, seq);
      CREATE INDEX audit_by_actor ON audit_log(actor_id, seq);
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      -- Entries younger than the retention period (default 3 years) cannot be deleted at all.
      CREATE TRIGGER audit_log_retention BEFORE DELETE ON audit_log
        WHEN old.at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || COALESCE((SELECT value FROM settings WHERE key = 'audit.retentionYears'), '3') || ' years')
        BEGIN SELECT RAISE(ABORT, 'audit entries are kept for the retention period'); END;
    `,
  },
  {
    version: 7,
    name: 'story intake: submitters, featured people, photos and timing of ideas; posts made from an idea',
    sql: `
      ALTER TABLE ideas ADD COLUMN submitter_email TEXT NOT NULL DEFAULT '';
      ALTER TABLE ideas ADD COLUMN featured TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE ideas ADD COLUMN photos TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE ideas ADD COLUMN notes TEXT NOT NULL DEFAULT '';
      ALTER TABLE ideas ADD COLUMN decline_reason TEXT NOT NULL DEFAULT '';
      ALTER TABLE ideas ADD COLUMN source TEXT NOT NULL DEFAULT 'manual';
      ALTER TABLE ideas ADD COLUMN source_hash TEXT;
      -- the same submission (file or form row, by content) is imported once
      CREATE UNIQUE INDEX ideas_by_source_hash ON ideas(source_hash) WHERE source_hash IS NOT NULL;
      CREATE INDEX ideas_by_status ON ideas(status, created_at);
      UPDATE ideas SET status = 'declined' WHERE status = 'rejected';
      ALTER TABLE posts ADD COLUMN idea_id TEXT REFERENCES ideas(id) ON DELETE SET NULL;
      CREATE INDEX posts_by_idea ON posts(idea_id) WHERE idea_id IS NOT NULL;
    `,
  },
  {
    version: 8,
    name: 'team workspace: the outbox of changed records, the replica revision of each document, the replicator state',
    sql: `
      -- Local settings of the replicator: 'capture' ('on' in a team workspace), the server, the
      -- checkpoint of the replica's changes feed. Never replicated.
      CREATE TABLE team_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      -- Records changed here and not yet written to the replica; 'queued' grows with every change,
      -- so a change made while a record is being sent is not lost when the send completes.
      CREATE TABLE team_outbox (doc_id TEXT PRIMARY KEY, queued INTEGER NOT NULL) STRICT;
      -- The replica revision each record was last sent or received as, and whether the server
      -- denied it or it has conflicting versions.
      CREATE TABLE team_docs (
        doc_id TEXT PRIMARY KEY,
        rev TEXT NOT NULL,
        body_hash TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'synced' CHECK (state IN ('synced', 'denied', 'conflict', 'invalid')),
        message TEXT NOT NULL DEFAULT '',
        -- ideas: the team user who sent it (a contributor may only edit their own)
        owner TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX team_docs_by_state ON team_docs(state) WHERE state <> 'synced';
      ${TEAM_CAPTURE.map(([table, type, key]) => captureTriggers(table, type, key)).join('\n')}
      ${captureTriggers('settings', 'setting', 'key', `${SHARED_SETTING_KEYS}`)}
      -- The audit chains of the team's other machines, one per device, as they arrived: each entry
      -- keeps its own seq, hash and link, so every chain is verified on its own.
      CREATE TABLE team_audit (
        device TEXT NOT NULL,
        seq INTEGER NOT NULL,
        author TEXT NOT NULL,
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        subject_id TEXT,
        entry TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (device, seq)
      ) STRICT;
      CREATE INDEX team_audit_by_subject ON team_audit(subject_id);
      CREATE TRIGGER team_audit_append_only BEFORE UPDATE ON team_audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      -- photos go out once, as media:<sha256> with the file attached
      CREATE TRIGGER team_capture_media_insert AFTER INSERT ON media
        WHEN (SELECT value FROM team_state WHERE key = 'capture') = 'on'
        BEGIN
          INSERT INTO team_outbox (doc_id, queued) VALUES ('media:' || NEW.sha256, (SELECT coalesce(max(queued), 0) + 1 FROM team_outbox))
            ON CONFLICT(doc_id) DO NOTHING;
        END;
      -- this machine's own entries go out as audit:<device>:<seq>, every one (also those written
      -- while a teammate's change is applied): a chain with a gap would not verify elsewhere
      CREATE TRIGGER team_capture_audit_log_insert AFTER INSERT ON audit_log
        WHEN EXISTS (SELECT 1 FROM team_state WHERE key = 'device')
        BEGIN
          INSERT INTO team_outbox (doc_id, queued) VALUES ('audit:' || (SELECT value FROM team_state WHERE key = 'device') || ':' || NEW.seq, (SELECT coalesce(max(queued), 0) + 1 FROM team_outbox));
        END;
    `,
  },
  {
    version: 9,
    name: 'export items keep a hash of each part that went out (text, images, link) and the time, so "changed since export" can say what changed',
    sql: `
      -- JSON {"text","images","link": sha256 prefixes, "time": the instant}; NULL for items
      -- exported before this version (their change is reported without the parts)
      ALTER TABLE export_items ADD COLUMN parts TEXT;
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
