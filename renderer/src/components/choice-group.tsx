// One labelled group of radio choices with an optional description, in the form's field styles: the shape the
// theme, publish-address and other one-of-N settings share.
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';

export interface ChoiceGroupProps<T extends string> {
  label: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T;
  onChange: (value: T) => void;
  description?: string;
  isDisabled?: boolean;
}

export function ChoiceGroup<T extends string>({
  label,
  options,
  value,
  onChange,
  description,
  isDisabled,
}: ChoiceGroupProps<T>) {
  return (
    <RadioGroup className="radio-group" value={value} onChange={(next) => onChange(next as T)} isDisabled={isDisabled}>
      <Label className="field-label">{label}</Label>
      {options.map((option) => (
        <Radio key={option.value} value={option.value} className="radio">
          <span className="radio-circle" aria-hidden="true" />
          {option.label}
        </Radio>
      ))}
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
    </RadioGroup>
  );
}
