// The warning every limit editor shows when the active engine does not enforce CPU, memory and pids limits
// (limits-ignored.ts decides when, and why): said before anything is applied, saved or run, with a link to
// the Engine page, which shows how the engine runs and the command that fixes it where there is one.
import { useId } from 'react';
import { Link } from 'react-router';
import { useChannelQuery } from '../data/channel-query';
import { limitsIgnoredWarning, type LimitsIgnoredWarning } from './limits-ignored';
import '../styles/limits-ignored.css';

/** Reads the engine list (kept fresh by `engines:changed`); renders nothing while limits take effect. */
export function LimitsIgnoredNotice() {
  const warning = limitsIgnoredWarning(useChannelQuery('engines:list', {}).data);
  return warning ? <LimitsIgnoredText warning={warning} /> : null;
}

export function LimitsIgnoredText({ warning }: { warning: LimitsIgnoredWarning }) {
  const titleId = useId();
  return (
    <div role="note" aria-labelledby={titleId} className="notice notice-warning limits-ignored">
      <strong id={titleId}>Engine {warning.engineName} does not enforce limits</strong>
      <p>
        CPU, memory and pids limits set here will not apply (the restart policy will). {warning.why} {warning.fix}
      </p>
      <Link to="/engine">How this engine runs (Engine page)</Link>
    </div>
  );
}
