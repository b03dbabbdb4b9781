// The words for why a container is not running, from its exit info: the headline ("Exited with code 1") and
// the reasons (killed for memory, ended by a signal, the engine's own error, restarts).
import type { ExitInfo } from '@shared/container-action-types';

export function exitHeadline(info: ExitInfo): string {
  if (info.state === 'created') return info.engineError ? 'Could not start' : 'Created, never started';
  if (info.exitCode === null) return `Not running (${info.state})`;
  if (info.oomKilled) return `Killed: out of memory (exit code ${info.exitCode})`;
  const verb = info.state === 'dead' ? 'Died' : 'Exited';
  return `${verb} with code ${info.exitCode}`;
}

export function exitReasons(info: ExitInfo): string[] {
  const reasons: string[] = [];
  if (info.oomKilled)
    reasons.push('The kernel ended it for using more memory than its limit allows: raise the limit or use less.');
  else if (info.signal)
    reasons.push(`Ended by ${info.signal}${info.signal === 'SIGKILL' ? ' (a kill, or a stop that timed out)' : ''}.`);
  else if (info.exitCode !== null && info.exitCode !== 0 && info.state !== 'created')
    reasons.push('Its main process reported a failure: the last output usually says why.');
  if (info.engineError) reasons.push(`The engine says: ${info.engineError}`);
  if (info.restartCount > 0)
    reasons.push(`The engine restarted it ${info.restartCount} time${info.restartCount === 1 ? '' : 's'}.`);
  return reasons;
}
