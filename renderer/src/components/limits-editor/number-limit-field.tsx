// A limit that is one number and a switch that removes it: CPU shares (Default CPU shares), the process limit
// (Unlimited processes), the memory reservation (No memory reservation, in the editor's memory unit).
import type { ReactNode } from 'react';
import { Input, NumberField } from 'react-aria-components';
import type { LimitField } from '@shared/limits/limit-fields';
import { startingValue } from '../../limits/limits-edit';
import { fixedReason, type EditorFieldProps } from './editor-context';
import { LimitFieldFrame, useProblemId } from './limit-field-frame';

type NumberLimitKey = Extract<LimitField, 'cpuShares' | 'pidsLimit' | 'memoryReservationBytes'>;

export interface NumberLimitFieldProps extends EditorFieldProps {
  field: NumberLimitKey;
  title: string;
  /** The switch's name, e.g. "Unlimited processes". */
  offLabel: string;
  /** The number field's accessible name, with its unit, e.g. "Process limit". */
  inputLabel: string;
  unitText?: string;
  placeholder: string;
  note?: ReactNode;
  /** Stored value → what the field shows, and back (memory units); identity when absent. */
  toDisplay?: (stored: number) => number;
  fromDisplay?: (shown: number) => number;
  step?: number;
  maximumFractionDigits?: number;
}

export function NumberLimitField(props: NumberLimitFieldProps) {
  const { field, value, capabilities, problems, changed, usage, isDisabled, set } = props;
  const { toDisplay = (n: number) => n, fromDisplay = (n: number) => n } = props;
  const fixed = fixedReason(capabilities, field);
  const problem = problems[field];
  const { problemId, describedBy } = useProblemId(problem);
  const stored = value[field];
  const off = stored === null;
  return (
    <LimitFieldFrame
      title={props.title}
      problemId={problemId}
      problem={problem}
      isChanged={changed.has(field)}
      isDisabled={isDisabled}
      fixedReason={fixed}
      offSwitch={{
        label: props.offLabel,
        isSelected: off,
        onChange: (selected) =>
          set(field, selected ? null : (startingValue(field, value, capabilities, usage) as number)),
      }}
      note={props.note}
    >
      <div className="limit-controls">
        <NumberField
          className="limit-number limit-number-wide"
          aria-label={props.inputLabel}
          aria-describedby={describedBy}
          value={stored === null ? Number.NaN : toDisplay(stored)}
          onChange={(shown) => set(field, Number.isNaN(shown) ? shown : fromDisplay(shown))}
          step={props.step}
          formatOptions={{ maximumFractionDigits: props.maximumFractionDigits ?? 0, useGrouping: false }}
          isDisabled={isDisabled || fixed !== null || off}
          isInvalid={problem !== undefined}
        >
          <Input className="limit-number-input" placeholder={props.placeholder} />
        </NumberField>
        {props.unitText && (
          <span className="limit-unit" aria-hidden="true">
            {props.unitText}
          </span>
        )}
      </div>
    </LimitFieldFrame>
  );
}
