// The crash policy in this process: an error nothing caught is logged with its stack and nothing exits; a
// storm of them stops what Berth owns and exits with FATAL_EXIT_CODE. (crash-policy.int.test.ts checks the
// same against a real `berth serve` child that keeps serving.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../../main/core/logger';
import { FATAL_EXIT_CODE, installCrashPolicy } from '../../../../main/core/process/crash-policy';

let remove: (() => void) | null = null;
// Node's typings have no overload for emitting `uncaughtException` by hand.
const emit = process.emit.bind(process) as (event: string, ...args: unknown[]) => boolean;
afterEach(() => remove?.());

function capture(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return {
    errors,
    info: () => undefined,
    warn: () => undefined,
    error: (message, error) => errors.push(`${message} ${error instanceof Error ? error.stack : String(error)}`),
  };
}

describe('installCrashPolicy', () => {
  it('logs an unexpected error with its stack and keeps running', () => {
    const log = capture();
    const exit = vi.fn();
    const onFatal = vi.fn(async () => undefined);
    remove = installCrashPolicy({ log, onFatal, exit });
    emit('uncaughtException', new Error('a listener broke'), 'uncaughtException');
    emit('unhandledRejection', new Error('a promise broke'), Promise.resolve());
    expect(log.errors[0]).toMatch(/\[core\] unexpected error \(Berth keeps running.*a listener broke\n\s+at /s);
    expect(log.errors[1]).toMatch(/\[core\] unexpected rejection.*a promise broke/s);
    expect(onFatal).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();
  });

  it('stops what Berth owns and exits after a storm of them', async () => {
    const log = capture();
    const exit = vi.fn();
    const onFatal = vi.fn(async () => undefined);
    remove = installCrashPolicy({ log, onFatal, exit, fatalCount: 3, windowMs: 10_000 });
    for (let i = 0; i < 5; i++) emit('uncaughtException', new Error(`broken ${i}`), 'uncaughtException');
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(FATAL_EXIT_CODE));
    expect(onFatal).toHaveBeenCalledTimes(1);
    expect(log.errors.join('\n')).toMatch(
      /3 unexpected errors within 10 s: Berth is stopping what it runs and exiting/,
    );
  });
});
