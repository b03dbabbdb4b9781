// The run dialog's text inputs: a React Aria TextField with its visible label (or an aria-label in dense
// rows), a hint under it, and its problem in words beside it, named by the input's aria-describedby.
import { useId } from 'react';
import { Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { FieldProblem } from '../components/field-problem';

export interface RunFieldProps {
  /** The visible label; in rows, where a column header says it, pass `ariaLabel` instead. */
  label?: string;
  ariaLabel?: string;
  value: string;
  onChange: (value: string) => void;
  problem?: string;
  description?: string;
  placeholder?: string;
  mono?: boolean;
  multiline?: boolean;
  className?: string;
  autoFocus?: boolean;
  inputMode?: 'numeric' | 'text';
}

export function RunField({
  label,
  ariaLabel,
  value,
  onChange,
  problem,
  description,
  placeholder,
  mono,
  multiline,
  className,
  autoFocus,
  inputMode,
}: RunFieldProps) {
  const problemId = useId();
  const inputClass = `text-field-input${mono ? ' mono' : ''}${multiline ? ' text-field-textarea' : ''}`;
  return (
    <TextField
      className={`form-field${className ? ` ${className}` : ''}`}
      value={value}
      onChange={onChange}
      aria-label={ariaLabel}
      isInvalid={problem !== undefined}
      // The problem is announced with the field; React Aria adds the description's id itself.
      aria-describedby={problem ? problemId : undefined}
      autoFocus={autoFocus}
    >
      {label && <Label className="field-label">{label}</Label>}
      {multiline ? (
        <TextArea className={inputClass} placeholder={placeholder} spellCheck={false} />
      ) : (
        <Input className={inputClass} placeholder={placeholder} spellCheck={false} inputMode={inputMode} />
      )}
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      {problem && <FieldProblem id={problemId} message={problem} />}
    </TextField>
  );
}
