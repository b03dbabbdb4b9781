// The memory limit: a slider on a log scale from 6 MiB to the engine's memory (current use marked on its
// track), a number field in the editor's unit (MiB or GiB), and the Unlimited memory switch.
import { useMemo } from 'react';
import { Input, NumberField } from 'react-aria-components';
import { GiB } from '@shared/limits/limit-units';
import { formatBytes } from '../../format/bytes';
import { startingValue } from '../../limits/limits-edit';
import { fromBytes, toBytes } from '../../limits/limit-editor-units';
import { bytesAt, memoryStops, positionOf } from '../../limits/memory-scale';
import { fixedReason, type MemoryFieldProps } from './editor-context';
import { LimitFieldFrame, useProblemId } from './limit-field-frame';
import { LimitSlider } from './limit-slider';

export function MemoryLimitField(props: MemoryFieldProps) {
  const { value, capabilities, problems, changed, usage, isDisabled, set, unit } = props;
  const fixed = fixedReason(capabilities, 'memoryBytes');
  const problem = problems.memoryBytes;
  const { problemId, describedBy } = useProblemId(problem);
  const engineMemory = capabilities.engineMemoryBytes > 0 ? capabilities.engineMemoryBytes : 8 * GiB;
  const stops = useMemo(() => memoryStops(engineMemory), [engineMemory]);
  const memory = value.memoryBytes;
  const unlimited = memory === null;
  const locked = isDisabled || fixed !== null || unlimited;
  const using = usage?.memBytes ?? null;
  return (
    <LimitFieldFrame
      title="Memory limit"
      problemId={problemId}
      problem={problem}
      isChanged={changed.has('memoryBytes')}
      isDisabled={isDisabled}
      fixedReason={fixed}
      offSwitch={{
        label: 'Unlimited memory',
        isSelected: unlimited,
        onChange: (selected) =>
          set('memoryBytes', selected ? null : (startingValue('memoryBytes', value, capabilities, usage) as number)),
      }}
      note={
        usage
          ? `${using === null ? 'Current use unknown' : `Using ${formatBytes(using)} now`} · the engine has ${formatBytes(engineMemory)}`
          : `The engine has ${formatBytes(engineMemory)}`
      }
    >
      <div className="limit-controls">
        <LimitSlider
          label="Memory limit"
          position={positionOf(memory !== null && Number.isFinite(memory) ? memory : engineMemory, stops)}
          minValue={0}
          maxValue={stops.length - 1}
          step={1}
          onChange={(position) => set('memoryBytes', bytesAt(position, stops))}
          valueText={(position) => formatBytes(bytesAt(position, stops))}
          usage={using === null ? null : { position: positionOf(using, stops), label: `using ${formatBytes(using)}` }}
          isDisabled={locked}
          describedBy={describedBy}
        />
        <NumberField
          className="limit-number"
          aria-label={`Memory limit (${unit})`}
          aria-describedby={describedBy}
          value={memory === null ? Number.NaN : fromBytes(memory, unit)}
          onChange={(shown) => set('memoryBytes', Number.isNaN(shown) ? shown : toBytes(shown, unit))}
          // No minimum here: below 6 MiB is shown as a problem rather than silently raised.
          step={unit === 'MiB' ? 1 : undefined}
          formatOptions={{ maximumFractionDigits: unit === 'MiB' ? 0 : 3, useGrouping: false }}
          isDisabled={locked}
          isInvalid={problem !== undefined}
        >
          <Input className="limit-number-input" placeholder="unlimited" />
        </NumberField>
        <span className="limit-unit" aria-hidden="true">
          {unit}
        </span>
      </div>
    </LimitFieldFrame>
  );
}
