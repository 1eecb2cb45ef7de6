import { randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();
export const nowIso = (): string => new Date().toISOString();
export const toBool = (value: unknown): boolean => value === 1 || value === true;
export const fromBool = (value: boolean): number => (value ? 1 : 0);
export const parseJson = <T>(text: unknown, fallback: T): T =>
  typeof text === 'string' && text !== '' ? (JSON.parse(text) as T) : fallback;
