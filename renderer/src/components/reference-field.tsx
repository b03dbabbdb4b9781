// An image name typed as docker takes it (pull box, tag dialog): a mono text field whose hint gives way to
// the problem while there is one, so the line under it never holds both.
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';

export interface ReferenceFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown instead of the description, and marks the field invalid. */
  error: string | null;
  description: string;
  placeholder?: string;
  className?: string;
  autoFocus?: boolean;
}

export function ReferenceField({
  label,
  value,
  onChange,
  error,
  description,
  placeholder,
  className,
  autoFocus,
}: ReferenceFieldProps) {
  return (
    <TextField
      className={`form-field${className ? ` ${className}` : ''}`}
      value={value}
      onChange={onChange}
      isInvalid={error !== null}
      autoComplete="off"
      autoFocus={autoFocus}
      spellCheck="false"
    >
      <Label className="field-label">{label}</Label>
      <Input className="text-field-input mono" placeholder={placeholder} />
      {error !== null ? (
        <FieldError className="text-field-error">{error}</FieldError>
      ) : (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
    </TextField>
  );
}
