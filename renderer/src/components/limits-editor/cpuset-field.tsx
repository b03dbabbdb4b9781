// Which cores the container may run on: one toggle button per core the engine has, and the All cores switch.
// No core selected is the same as all of them (no restriction), which is how the engine reads it back.
import { ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { coresOf, cpusetFromCores } from '../../limits/cpuset-toggles';
import { fixedReason, type EditorFieldProps } from './editor-context';
import { LimitFieldFrame, useProblemId } from './limit-field-frame';

export function CpusetField({ value, capabilities, problems, changed, isDisabled, set }: EditorFieldProps) {
  const fixed = fixedReason(capabilities, 'cpusetCpus');
  const problem = problems.cpusetCpus;
  const { problemId, describedBy } = useProblemId(problem);
  const cores = capabilities.cores;
  const selected = coresOf(value.cpusetCpus);
  const all = value.cpusetCpus === null;
  const locked = isDisabled || fixed !== null;
  return (
    <LimitFieldFrame
      title="CPU cores"
      problemId={problemId}
      problem={problem}
      isChanged={changed.has('cpusetCpus')}
      isDisabled={isDisabled || cores.length < 2}
      fixedReason={fixed}
      offSwitch={{
        label: 'All cores',
        isSelected: all,
        // Off: start from the first core alone, the smallest real restriction.
        onChange: (on) => set('cpusetCpus', on ? null : cpusetFromCores(cores.slice(0, 1), cores)),
      }}
      note={
        all
          ? 'Runs on any core. Pick cores to pin it to them.'
          : `Runs only on core${selected.length === 1 ? '' : 's'} ${value.cpusetCpus}.`
      }
    >
      <ToggleButtonGroup
        aria-label="CPU cores"
        aria-describedby={describedBy}
        className="core-toggles"
        selectionMode="multiple"
        selectedKeys={selected.map(String)}
        onSelectionChange={(keys: Set<Key>) => set('cpusetCpus', cpusetFromCores([...keys].map(Number), cores))}
        isDisabled={locked}
      >
        {cores.map((core) => (
          <ToggleButton key={core} id={String(core)} className="core-toggle" aria-label={`Core ${core}`}>
            {core}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </LimitFieldFrame>
  );
}
