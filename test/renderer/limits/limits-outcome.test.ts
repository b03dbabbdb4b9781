// What the panel says when an apply or undo fails: the message as it came, titled by who refused.
import { describe, expect, it } from 'vitest';
import { BerthError } from '../../../main/shared/errors';
import { errorOutcome } from '../../../renderer/src/limits/limits-outcome';

describe('errorOutcome', () => {
  it("keeps the core's INVALID_LIMITS message verbatim", () => {
    const message = "The memory limit must be at least 6 MiB (the engine's minimum), or unlimited.";
    expect(errorOutcome('apply', new BerthError('INVALID_LIMITS', message))).toEqual({
      kind: 'error',
      action: 'apply',
      code: 'INVALID_LIMITS',
      title: 'Berth refused these limits',
      message,
    });
  });

  it('names the engine for its refusals, and adds what to do where the message does not say', () => {
    expect(errorOutcome('apply', new BerthError('ENGINE_REFUSED', 'x. Check the values and try again.'))).toMatchObject(
      { title: 'The engine refused the change', message: 'x. Check the values and try again.' },
    );
    expect(errorOutcome('undo', new BerthError('ENGINE_UNREACHABLE', 'Cannot reach the engine.'))).toMatchObject({
      title: 'Could not undo the last change',
      message: expect.stringMatching(/^Cannot reach the engine\. Berth reconnects on its own/),
    });
    expect(errorOutcome('apply', new Error('boom'))).toMatchObject({ code: 'INTERNAL' });
  });
});
