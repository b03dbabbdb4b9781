// How Berth's own engine runs (root or rootless) and what that means on this machine, e.g. that rootless
// containers get no CPU/memory limits on cgroup v1: the choice is explained where the engine is managed.
import { useId } from 'react';
import type { EngineView } from '@shared/engine-manager-types';

export function EngineMode({ mode }: { mode: NonNullable<EngineView['ownedMode']> }) {
  const titleId = useId();
  return (
    <section className="engine-mode" aria-labelledby={titleId}>
      <h3 id={titleId}>
        Runs{' '}
        <span className={`engine-mode-badge engine-mode-${mode.mode}`}>
          {mode.mode === 'rootless' ? 'rootless' : 'as root'}
        </span>
      </h3>
      <p>{mode.note}</p>
    </section>
  );
}
