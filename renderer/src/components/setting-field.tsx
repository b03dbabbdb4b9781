// A setting's text or number field: its label above, the problem with what was typed under it (announced, and
// named in the input's description through React Aria's errorMessage slot).
import { Input, Label, Text, TextField } from 'react-aria-components';

export interface SettingFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** What is wrong with the value, or null. */
  problem: string | null;
  isDisabled?: boolean;
  /** Width: `setting-number` (short) or `setting-wide`. */
  className: string;
  inputMode?: 'numeric' | 'text';
  placeholder?: string;
}

export function SettingField({
  label,
  value,
  onChange,
  problem,
  isDisabled,
  className,
  inputMode,
  placeholder,
}: SettingFieldProps) {
  return (
    <TextField
      className={`form-field ${className}`}
      value={value}
      onChange={onChange}
      isInvalid={problem !== null}
      isDisabled={isDisabled}
      inputMode={inputMode}
      autoComplete="off"
    >
      <Label className="field-label">{label}</Label>
      <Input className="text-field-input" placeholder={placeholder} />
      {problem && (
        <Text slot="errorMessage" elementType="p" className="field-problem" role="alert">
          {problem}
        </Text>
      )}
    </TextField>
  );
}
