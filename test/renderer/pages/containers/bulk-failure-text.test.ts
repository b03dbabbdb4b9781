import { describe, expect, it } from 'vitest';
import { failureText } from '../../../../renderer/src/pages/containers/bulk-failure-text';

const id = 'ab12cd34ef56'.padEnd(64, '0');

describe('bulk failure text', () => {
  it('says a container that is gone no longer exists, without its id', () => {
    const error = { code: 'NOT_FOUND' as const, message: `The container ${id} no longer exists (the engine says: x).` };
    expect(failureText({ error })).toBe('it no longer exists (removed elsewhere)');
  });

  it("keeps the engine's words with full ids cut to 12 digits", () => {
    const error = { code: 'CONFLICT' as const, message: `The engine refused to remove ${id}: busy ${id}.` };
    expect(failureText({ error })).toBe('The engine refused to remove ab12cd34ef56: busy ab12cd34ef56.');
    expect(failureText({ error: null })).toBe('unknown error');
  });
});
