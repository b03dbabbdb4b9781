// The CPU limit in cores: a slider from 0.05 to every CPU the engine has (current use marked on its track), a
// number field for exact values, and the Unlimited CPU switch.
import { Input, NumberField } from 'react-aria-components';
import { formatCores } from '../../format/stats-format';
import { startingValue } from '../../limits/limits-edit';
import { CPU_SLIDER_MIN, CPU_SLIDER_STEP } from '../../limits/limit-editor-units';
import { fixedReason, type EditorFieldProps } from './editor-context';
import { LimitFieldFrame, useProblemId } from './limit-field-frame';
import { LimitSlider } from './limit-slider';

export function CpuLimitField(props: EditorFieldProps) {
  const { value, capabilities, problems, changed, usage, isDisabled, set } = props;
  const fixed = fixedReason(capabilities, 'cpus');
  const problem = problems.cpus;
  const { problemId, describedBy } = useProblemId(problem);
  const engineCpus = capabilities.engineCpus > 0 ? capabilities.engineCpus : 1;
  const max = Math.max(CPU_SLIDER_MIN, engineCpus);
  const unlimited = value.cpus === null;
  const locked = isDisabled || fixed !== null;
  const using = usage?.cpuCores ?? null;
  return (
    <LimitFieldFrame
      title="CPU limit"
      problemId={problemId}
      problem={problem}
      isChanged={changed.has('cpus')}
      isDisabled={isDisabled}
      fixedReason={fixed}
      offSwitch={{
        label: 'Unlimited CPU',
        isSelected: unlimited,
        onChange: (selected) =>
          set('cpus', selected ? null : (startingValue('cpus', value, capabilities, usage) as number)),
      }}
      note={
        usage
          ? `${usingText(using)} · the engine has ${formatCores(engineCpus)}`
          : `The engine has ${formatCores(engineCpus)}`
      }
    >
      <div className="limit-controls">
        <LimitSlider
          label="CPU limit"
          position={value.cpus ?? max}
          minValue={CPU_SLIDER_MIN}
          maxValue={max}
          step={CPU_SLIDER_STEP}
          // Slider steps add up in floating point (0.15000000000000002): keep two decimals.
          onChange={(position) => set('cpus', Math.round(position * 100) / 100)}
          valueText={(position) => formatCores(position)}
          usage={using === null ? null : { position: using, label: `using ${formatCores(using)}` }}
          isDisabled={locked || unlimited}
          describedBy={describedBy}
        />
        <NumberField
          className="limit-number"
          aria-label="CPU limit (cores)"
          aria-describedby={describedBy}
          value={value.cpus ?? Number.NaN}
          onChange={(cpus) => set('cpus', cpus)}
          // No minimum here: a value below the kernel's is shown as a problem rather than silently raised.
          step={0.01}
          formatOptions={{ maximumFractionDigits: 2 }}
          isDisabled={locked || unlimited}
          isInvalid={problem !== undefined}
        >
          <Input className="limit-number-input" placeholder="unlimited" />
        </NumberField>
        <span className="limit-unit" aria-hidden="true">
          cores
        </span>
      </div>
    </LimitFieldFrame>
  );
}

/** Idle containers use thousandths of a core, which "0 cores" would misstate. */
function usingText(cores: number | null): string {
  if (cores === null) return 'Current use unknown';
  return cores < 0.01 ? 'Using under 0.01 cores now' : `Using ${formatCores(cores)} now`;
}
