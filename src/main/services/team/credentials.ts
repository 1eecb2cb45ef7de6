// Where a team member's password is kept: never in the workspace file (it is copied, backed up and
// exported). The desktop app encrypts it with the OS keychain (Electron safeStorage); the CLI and
// the browser host keep it in a file only this user can read, in the user's Storybank folder.
// STORYBANK_TEAM_PASSWORD, when set, is used instead (scripts, CI).
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { writeFileAtomically } from '../../files/output-file';

export interface SecretCipher {
  encrypt(text: string): Buffer;
  decrypt(bytes: Buffer): string;
}

export interface CredentialStore {
  get(key: string): string | null;
  set(key: string, password: string): void;
  forget(key: string): void;
}

export const credentialKey = (server: string, database: string, user: string): string => `${server}|${database}|${user}`;

/**
 * One small file per credential, named by a hash of its key, readable by this user only (0600).
 * With a cipher (the app's safeStorage) its content is encrypted by the OS keychain.
 */
export function folderCredentialStore(folder: string, cipher: SecretCipher | null = null): CredentialStore {
  const fileOf = (key: string): string => path.join(folder, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.secret`);
  return {
    get(key) {
      if (process.env.STORYBANK_TEAM_PASSWORD) return process.env.STORYBANK_TEAM_PASSWORD;
      try {
        const bytes = fs.readFileSync(fileOf(key));
        return cipher ? cipher.decrypt(bytes) : bytes.toString('utf8');
      } catch {
        return null;
      }
    },
    set(key, password) {
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      writeFileAtomically(fileOf(key), cipher ? cipher.encrypt(password) : password, 0o600);
    },
    forget(key) {
      fs.rmSync(fileOf(key), { force: true });
    },
  };
}
