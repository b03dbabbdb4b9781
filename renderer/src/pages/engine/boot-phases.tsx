// A VM's boot phases as a compact timeline with the second each was reached; `engines:changed` re-sends the
// view at each phase, so it moves while the VM starts.
import { useId } from 'react';
import type { EngineView } from '@shared/engine-manager-types';
import { bootTimeline } from './boot-phase-model';

export function BootPhases({ engine }: { engine: EngineView }) {
  const titleId = useId();
  const timeline = bootTimeline(engine);
  return (
    <section className="engine-subsection" aria-labelledby={titleId}>
      <h3 id={titleId}>Boot</h3>
      <ol className="boot-timeline" aria-label="Boot phases">
        {timeline.steps.map((step) => (
          <li
            key={step.phase}
            className={`boot-step boot-step-${step.state}`}
            aria-current={step.state === 'current' ? 'step' : undefined}
          >
            <span className="boot-step-dot" aria-hidden="true" />
            <span className="boot-step-label">{step.label}</span>
            <span className="boot-step-at mono">{step.at ?? (step.state === 'current' ? '…' : '—')}</span>
          </li>
        ))}
      </ol>
      <p className="muted" role="status">
        {timeline.summary}
        {engine.vm?.accel ? ` Accelerator: ${engine.vm.accel}.` : ''}
      </p>
    </section>
  );
}
