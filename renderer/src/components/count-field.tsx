// A whole number with − and + beside it (replicas in the run dialog and on the Replicas page): a React Aria
// NumberField with its visible label, a hint and its problem, named by the field.
import { Button, Group, Input, Label, NumberField, Text } from 'react-aria-components';
import { FieldProblem } from './field-problem';

export interface CountFieldProps {
  label: string;
  value: number;
  onChange: (value: number) => void;
  minValue: number;
  maxValue: number;
  description?: string;
  problem?: string;
  className?: string;
  isDisabled?: boolean;
}

export function CountField({
  label,
  value,
  onChange,
  minValue,
  maxValue,
  description,
  problem,
  className,
  isDisabled,
}: CountFieldProps) {
  return (
    <NumberField
      className={`form-field${className ? ` ${className}` : ''}`}
      value={value}
      onChange={onChange}
      minValue={minValue}
      maxValue={maxValue}
      step={1}
      formatOptions={{ maximumFractionDigits: 0, useGrouping: false }}
      isInvalid={problem !== undefined}
      isDisabled={isDisabled}
    >
      <Label className="field-label">{label}</Label>
      <Group className="stepper">
        <Button slot="decrement" className="stepper-step">
          −
        </Button>
        <Input className="text-field-input stepper-number" />
        <Button slot="increment" className="stepper-step">
          +
        </Button>
      </Group>
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      {problem && <FieldProblem message={problem} />}
    </NumberField>
  );
}
