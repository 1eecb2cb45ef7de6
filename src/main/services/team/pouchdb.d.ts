// The part of PouchDB 9 Storybank uses. (@types/pouchdb declares a global Buffer of its own that
// breaks Node's, so it is not installed.)
declare module 'pouchdb' {
  namespace PouchDB {
    interface Doc {
      _id: string;
      _rev?: string;
      _deleted?: boolean;
      _conflicts?: string[];
      _revisions?: { start: number; ids: string[] };
      [key: string]: unknown;
    }
    interface WriteResult {
      ok?: boolean;
      id: string;
      rev: string;
      error?: string | boolean;
      name?: string;
      status?: number;
      message?: string;
      reason?: string;
    }
    interface Change {
      id: string;
      seq: number | string;
      deleted?: boolean;
      changes: Array<{ rev: string }>;
      doc?: Doc;
    }
    interface ReplicationResult {
      ok: boolean;
      docs_read: number;
      docs_written: number;
      doc_write_failures: number;
      errors: Array<{ id?: string; name?: string; message?: string; status?: number }>;
    }
    interface Replication extends Promise<ReplicationResult> {
      on(event: string, listener: (...args: any[]) => void): this;
      cancel(): void;
    }
    interface Sync {
      on(event: string, listener: (...args: any[]) => void): this;
      cancel(): void;
    }
    interface ChangesFeed extends Promise<{ results: Change[]; last_seq: number | string }> {
      on(event: string, listener: (...args: any[]) => void): this;
      cancel(): void;
    }
    interface Options {
      auth?: { username: string; password: string };
      skip_setup?: boolean;
      adapter?: string;
      fetch?: (url: string | URL, init?: RequestInit) => Promise<Response>;
      [key: string]: unknown;
    }
    interface Database {
      name: string;
      info(): Promise<{ doc_count: number; update_seq: number | string; db_name: string }>;
      get<T = Doc>(id: string, options?: Record<string, unknown>): Promise<T & Doc>;
      put(doc: Doc, options?: Record<string, unknown>): Promise<WriteResult>;
      bulkDocs(docs: Doc[], options?: { new_edits?: boolean }): Promise<WriteResult[]>;
      allDocs(options?: Record<string, unknown>): Promise<{ total_rows: number; rows: Array<{ id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: Doc }> }>;
      changes(options?: Record<string, unknown>): ChangesFeed;
      remove(doc: Doc): Promise<WriteResult>;
      getAttachment(docId: string, name: string, options?: Record<string, unknown>): Promise<Buffer>;
      replicate: {
        to(target: Database | string, options?: Record<string, unknown>): Replication;
        from(source: Database | string, options?: Record<string, unknown>): Replication;
      };
      sync(remote: Database | string, options?: Record<string, unknown>): Sync;
      close(): Promise<void>;
      destroy(): Promise<void>;
    }
  }
  interface PouchDBStatic {
    new (name: string, options?: PouchDB.Options): PouchDB.Database;
    defaults(options: PouchDB.Options): PouchDBStatic;
    replicate(source: PouchDB.Database | string, target: PouchDB.Database | string, options?: Record<string, unknown>): PouchDB.Replication;
  }
  const PouchDB: PouchDBStatic;
  export = PouchDB;
}
