// Random and malformed files at the file doors: a workspace file and a plan request. Each is
// either accepted or refused with the path of a bad field; nothing throws anything else, and a
// refused import leaves the workspace unchanged.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { safeParsePlanRequest } from '../../src/shared/planning';
import { parseWorkspaceFile } from '../../src/shared/workspace-file';
import { yearRequest } from '../../bench/planning';
import { dbFingerprint, tempWorkspace } from '../support/workspace';

const source = tempWorkspace({ demo: true });
const target = tempWorkspace();
afterAll(() => {
  source.cleanup();
  target.cleanup();
});
const validFile = JSON.parse(JSON.stringify(source.services.transfer.exportWorkspace()));
const smallRequest = (() => {
  const request = yearRequest();
  return JSON.parse(JSON.stringify({ ...request, slots: request.slots.slice(0, 40), pinned: [], backlog: (request.backlog ?? []).slice(0, 20) }));
})();

const nasty = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom(null, '', -1, 1e309, '9999-99-99', '2026-02-30', 'Mars/Olympus_Mons', '00000000-0000-4000-8000-000000000000', 'x'.repeat(3000), [], {}),
);

/** A JSON path into `value` (arrays by a random index), for bending one field. */
const pathInto = (value: unknown, choices: number[]): Array<string | number> => {
  const path: Array<string | number> = [];
  let current = value;
  for (const choice of choices) {
    if (Array.isArray(current) && current.length) {
      const index = choice % current.length;
      path.push(index);
      current = current[index];
    } else if (current && typeof current === 'object') {
      const keys = Object.keys(current);
      if (!keys.length) break;
      const key = keys[choice % keys.length];
      path.push(key);
      current = (current as Record<string, unknown>)[key];
    } else break;
  }
  return path;
};

const bend = (value: unknown, path: Array<string | number>, replacement: unknown, remove: boolean): unknown => {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  if (path.length === 0) return replacement;
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  if (remove) delete parent[path[path.length - 1]];
  else parent[path[path.length - 1]] = replacement;
  return copy;
};

const bent = (valid: unknown) =>
  fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), nasty, fc.boolean()).map(([choices, replacement, remove]) => bend(valid, pathInto(valid, choices), replacement, remove));

describe('file doors under random and malformed input', () => {
  it('workspace files: accepted, or refused naming a field; a refused import changes nothing', () => {
    let refused = 0;
    fc.assert(
      fc.property(bent(validFile), (file) => {
        const result = parseWorkspaceFile(file);
        if (!result.ok) {
          refused++;
          expect(result.error.path.length).toBeGreaterThan(0);
          expect(result.error.message.startsWith(`${result.error.path}: `)).toBe(true);
          return;
        }
        const before = dbFingerprint(target.db);
        try {
          target.services.transfer.importWorkspace(result.file, { replace: true });
        } catch (error) {
          // a file the parser accepts may still clash with the workspace: a typed refusal, nothing changed
          expect((error as { name?: string }).name).toBe('ServiceError');
          expect(dbFingerprint(target.db)).toBe(before);
        }
      }),
      { numRuns: 150 },
    );
    expect(refused).toBeGreaterThan(50);
  });

  it('plan requests: accepted, or refused with the path of each bad field', () => {
    fc.assert(
      fc.property(bent(smallRequest), (request) => {
        const outcome = safeParsePlanRequest(request);
        if (!outcome.ok) {
          expect(outcome.error.name).toBe('PlanningInputError');
          expect(outcome.error.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
