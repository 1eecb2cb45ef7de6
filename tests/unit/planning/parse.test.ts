import { describe, expect, it } from 'vitest';
import { PlanResult, PlanningInputError, autofill, parsePlanRequest, safeParsePlanRequest } from '../../../src/shared/planning';
import { buildRequest } from './helpers';

const valid = () => JSON.parse(JSON.stringify(buildRequest([{ share: 1 }, { share: 1 }], 5, { pins: [[0, 1]] })));

const issuesOf = (json: unknown) => {
  const outcome = safeParsePlanRequest(json);
  if (outcome.ok) throw new Error('expected the request to be rejected');
  return outcome.error;
};

describe('parsePlanRequest', () => {
  it('accepts a valid request and applies defaults', () => {
    const request = parsePlanRequest(valid());
    expect(request.options).toEqual({ placeholders: true, windowSize: 10, balancePeriod: 'month' });
    expect(request.backlog).toEqual([]);
  });

  it('names the bad field with its path', () => {
    const json = valid();
    json.slots[3].start = 'tomorrow morning';
    expect(() => parsePlanRequest(json)).toThrow(PlanningInputError);
    expect(() => parsePlanRequest(json)).toThrow('slots[3].start: expected ISO date-time');
    expect(issuesOf(json).issues).toEqual([{ path: 'slots[3].start', message: 'expected ISO date-time' }]);
  });

  it('rejects shares that do not sum to 1', () => {
    const json = valid();
    json.categories[0].targetShare = 0.6;
    expect(issuesOf(json).message).toContain('categories: target shares must sum to 1');
  });

  it('rejects unknown pinned slots, unknown categories and duplicate ids', () => {
    const json = valid();
    json.pinned.push({ slotId: 'nope', categoryId: 'cat-9' });
    json.slots[2].id = json.slots[1].id;
    json.backlog = [{ id: 'x', categoryId: 'ghost' }];
    const paths = issuesOf(json).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['pinned[1].slotId', 'pinned[1].categoryId', 'slots[2].id', 'backlog[0].categoryId']));
  });

  it('rejects a bad time zone, share range and window size', () => {
    const json = valid();
    json.timezone = 'Mars/Olympus';
    json.categories[1].targetShare = 1.5;
    json.options = { windowSize: 0 };
    const paths = issuesOf(json).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['timezone', 'categories[1].targetShare', 'options.windowSize']));
  });

  it('produces results that satisfy the PlanResult schema', () => {
    const result = autofill(parsePlanRequest(valid()));
    expect(PlanResult.safeParse(result).success).toBe(true);
    expect(result.assignments).toHaveLength(4);
  });
});
