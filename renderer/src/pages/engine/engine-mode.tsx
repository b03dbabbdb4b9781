// How Berth's own engine runs (as root, rootless, or as root through the privileged helper), why, and what that
// means on this machine, e.g. that rootless containers get no CPU/memory limits on cgroup v1. A normal user's
// Berth also explains the ways and lets the user pick one for the next start (`engines:set-run-as`).
import { useId } from 'react';
import type { EngineView, OwnedRunAs } from '@shared/engine-manager-types';
import { ChoiceGroup } from '../../components/choice-group';
import { ErrorAlert } from '../../components/error-alert';
import { useChannelMutation } from '../../data/channel-query';

type OwnedMode = NonNullable<EngineView['ownedMode']>;

const BADGES: Record<NonNullable<OwnedMode['mode']> | 'none', string> = {
  root: 'as root',
  rootless: 'rootless',
  helper: 'as root, through the helper',
  none: 'not here yet',
};

const RUN_AS_OPTIONS: ReadonlyArray<{ value: OwnedRunAs; label: string }> = [
  { value: 'auto', label: "Berth's choice" },
  { value: 'rootless', label: 'Rootless' },
  { value: 'helper', label: 'Through the privileged helper' },
];

function Ways() {
  return (
    <ul className="engine-mode-ways">
      <li>
        <strong>Rootless</strong>: dockerd runs as you in a user namespace, so a container&apos;s root is not root here.
        Its limits work only on cgroup v2 with delegation; Berth&apos;s choice where they do.
      </li>
      <li>
        <strong>Privileged helper</strong>: a small root program (installed once by an administrator) starts and stops a
        root dockerd for you, through pkexec on a desktop or sudo in a terminal. Limits always work; its socket is yours
        alone, and using it is being root. Berth&apos;s choice where rootless gets no limits.
      </li>
      <li>
        <strong>As root</strong>: only when Berth itself runs as root.
      </li>
    </ul>
  );
}

export function EngineMode({ engine, mode }: { engine: Pick<EngineView, 'id' | 'providerState'>; mode: OwnedMode }) {
  const titleId = useId();
  const setRunAs = useChannelMutation('engines:set-run-as');
  const stopped = engine.providerState === 'stopped';
  return (
    <section className="engine-mode" aria-labelledby={titleId}>
      <h3 id={titleId}>
        Runs{' '}
        <span className={`engine-mode-badge engine-mode-${mode.mode ?? 'none'}`}>{BADGES[mode.mode ?? 'none']}</span>
      </h3>
      <p>{mode.note}</p>
      {mode.mode !== 'root' && (
        <>
          <Ways />
          <ChoiceGroup
            label="How it runs"
            options={RUN_AS_OPTIONS}
            value={mode.runAs}
            onChange={(runAs) => setRunAs.mutate({ id: engine.id, runAs })}
            isDisabled={!stopped || setRunAs.isPending}
            description={stopped ? 'Applies at the next start.' : 'Stop the engine to change how it runs.'}
          />
          {setRunAs.error && <ErrorAlert title="Could not change how it runs" message={setRunAs.error.message} />}
        </>
      )}
    </section>
  );
}
