// Memory + swap, as the engine counts it (memory included): Unlimited swap, No swap (equal to the memory
// limit) or a limit typed in the editor's unit. Swap needs a memory limit, and a kernel that accounts swap.
import { Input, NumberField, Radio, RadioGroup } from 'react-aria-components';
import { formatBytes } from '../../format/bytes';
import { fromBytes, toBytes } from '../../limits/limit-editor-units';
import { fixedReason, type MemoryFieldProps } from './editor-context';
import { LimitFieldFrame, useProblemId } from './limit-field-frame';

type SwapMode = 'unlimited' | 'none' | 'limited';

export function SwapField({ value, capabilities, problems, changed, isDisabled, set, unit }: MemoryFieldProps) {
  const fixed = fixedReason(capabilities, 'memorySwapBytes');
  const problem = problems.memorySwapBytes;
  const { problemId, describedBy } = useProblemId(problem);
  const memory = value.memoryBytes;
  const swap = value.memorySwapBytes;
  const mode: SwapMode = swap === null ? 'unlimited' : swap === memory ? 'none' : 'limited';
  const needsMemory = memory === null && swap === null;
  const locked = isDisabled || fixed !== null || needsMemory;
  const choose = (next: SwapMode) => {
    if (next === 'unlimited') set('memorySwapBytes', null);
    else if (next === 'none') set('memorySwapBytes', memory);
    // Docker's default beside a memory limit: as much swap as memory.
    else set('memorySwapBytes', memory === null ? null : memory * 2);
  };
  const allowance = swap !== null && memory !== null && Number.isFinite(swap - memory) ? swap - memory : null;
  const note = needsMemory
    ? 'Set a memory limit to limit swap.'
    : mode === 'limited' && allowance !== null && allowance >= 0
      ? `${formatBytes(allowance)} of swap on top of the memory limit.`
      : mode === 'none'
        ? 'Memory only: the container cannot swap.'
        : undefined;
  return (
    <LimitFieldFrame
      title="Swap"
      problemId={problemId}
      problem={problem}
      isChanged={changed.has('memorySwapBytes')}
      isDisabled={isDisabled}
      fixedReason={fixed}
      note={note}
    >
      <RadioGroup
        aria-label="Swap"
        aria-describedby={describedBy}
        className="radio-group radio-row"
        orientation="horizontal"
        value={mode}
        onChange={(next) => choose(next as SwapMode)}
        isDisabled={locked}
      >
        <SwapRadio value="unlimited">Unlimited swap</SwapRadio>
        <SwapRadio value="none">No swap</SwapRadio>
        <SwapRadio value="limited">Limit memory + swap</SwapRadio>
      </RadioGroup>
      {mode === 'limited' && (
        <div className="limit-controls">
          <NumberField
            className="limit-number limit-number-wide"
            aria-label={`Memory + swap limit (${unit})`}
            aria-describedby={describedBy}
            value={swap === null ? Number.NaN : fromBytes(swap, unit)}
            onChange={(shown) => set('memorySwapBytes', Number.isNaN(shown) ? shown : toBytes(shown, unit))}
            step={unit === 'MiB' ? 1 : undefined}
            formatOptions={{ maximumFractionDigits: unit === 'MiB' ? 0 : 3, useGrouping: false }}
            isDisabled={locked}
            isInvalid={problem !== undefined}
          >
            <Input className="limit-number-input" />
          </NumberField>
          <span className="limit-unit" aria-hidden="true">
            {unit} in all
          </span>
        </div>
      )}
    </LimitFieldFrame>
  );
}

function SwapRadio({ value, children }: { value: SwapMode; children: string }) {
  return (
    <Radio value={value} className="radio">
      <span className="radio-circle" aria-hidden="true" />
      {children}
    </Radio>
  );
}
