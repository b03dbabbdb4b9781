// The run dialog's General tab: the image, the name (generated when empty; base of `name-1..N` for
// replicas), how many replicas, the command and entrypoint as shell-like lines, and the network.
import { CountField } from '../components/count-field';
import { useChannelQuery } from '../data/channel-query';
import { MAX_REPLICAS, type RunForm } from './run-form';
import { RunField } from './run-field';
import { RunSelect } from './run-select';

export interface RunSectionProps {
  form: RunForm;
  update: (patch: Partial<RunForm>) => void;
  problems: Record<string, string>;
}

/** Not a network name (they have no spaces): stands for the engine's default bridge in the select. */
const DEFAULT_NETWORK = ' default';

export function RunGeneralSection({ form, update, problems }: RunSectionProps) {
  const networks = useChannelQuery('networks:list', {});
  const base = form.name.trim();
  const names =
    form.replicas > 1
      ? base === ''
        ? `${form.replicas} containers, each with a generated name.`
        : `Names: ${base}-1 … ${base}-${form.replicas}.`
      : undefined;
  const networkOptions = [
    { id: DEFAULT_NETWORK, label: 'Default (bridge)' },
    ...(networks.data ?? [])
      .filter((n) => n.name !== 'bridge')
      .map((n) => ({ id: n.name, label: `${n.name} (${n.driver})` })),
  ];
  return (
    <div className="run-section">
      <RunField
        label="Image"
        value={form.image}
        onChange={(image) => update({ image })}
        problem={problems.image}
        mono
        description="Pulled first when it is not on this engine."
      />
      <div className="run-pair">
        <RunField
          label="Name"
          value={form.name}
          onChange={(name) => update({ name })}
          problem={problems.name}
          placeholder="generated when left empty"
          description={names ?? 'Optional: left empty, Berth generates one from the image.'}
          mono
          autoFocus
        />
        <CountField
          label="Replicas"
          value={form.replicas}
          onChange={(replicas) => update({ replicas })}
          minValue={1}
          maxValue={MAX_REPLICAS}
          description={`1 to ${MAX_REPLICAS}`}
          problem={problems.replicas}
        />
      </div>
      <RunField
        label="Command"
        value={form.command}
        onChange={(command) => update({ command })}
        problem={problems.command}
        placeholder="the image's default command"
        description="Split into arguments like a shell would (quotes and \ escapes), without variables or pipes: use sh -c '…' for those."
        mono
      />
      <RunField
        label="Entrypoint"
        value={form.entrypoint}
        onChange={(entrypoint) => update({ entrypoint })}
        problem={problems.entrypoint}
        placeholder="the image's default entrypoint"
        mono
      />
      <RunSelect
        label="Network"
        options={networkOptions}
        selected={form.network ?? DEFAULT_NETWORK}
        onChange={(id) => update({ network: id === DEFAULT_NETWORK ? null : id })}
        description={networks.error ? `Networks could not be listed: ${networks.error.message}` : undefined}
      />
    </div>
  );
}
