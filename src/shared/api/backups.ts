// Backups and restore: the contract's operations for this feature (joined in contract.ts).
import { z } from 'zod';
import { UtcInstant } from '../domain/schemas';
import { JobRef } from './jobs';

export const BackupKind = z.enum(['auto', 'manual', 'before-restore']);
export type BackupKind = z.infer<typeof BackupKind>;

export const BackupInfo = z.object({
  file: z.string(),
  name: z.string(),
  kind: BackupKind,
  createdAt: UtcInstant,
  bytes: z.number().int(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/** How many automatic backups rotation keeps: the newest of each recent day and of each recent week. */
export const BackupPolicy = z.object({
  keepDaily: z.number().int().min(0).max(366),
  keepWeekly: z.number().int().min(0).max(520),
});
export type BackupPolicy = z.infer<typeof BackupPolicy>;
export const DEFAULT_BACKUP_POLICY: BackupPolicy = { keepDaily: 7, keepWeekly: 4 };

/** A backup's size as people read it: `228 KB`, `46.5 MB`. */
export const formatBackupSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** A file name in the workspace's backup folder (restore through the API takes nothing else). */
const BackupName = z.string().regex(/^(auto|manual|before-restore)-[0-9TZ-]+\.sqlite$/, 'expected the name of a backup in the backup folder');

const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const backupOperations = {
  'backups.list': op(z.object({}), z.object({ folder: z.string(), policy: BackupPolicy, backups: z.array(BackupInfo) })),
  'backups.create': op(JobRef, BackupInfo),
  'backups.setPolicy': op(BackupPolicy, BackupPolicy),
  /** Replaces the workspace by a backup; the current workspace is backed up first (returned). */
  'backups.restore': op(JobRef.extend({ name: BackupName }), z.object({ restored: z.string(), safetyCopy: BackupInfo })),
} as const;
