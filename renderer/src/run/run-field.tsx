// The run dialog's text inputs: a React Aria TextField with its visible label (or an aria-label in dense
// rows), a hint under it, and its problem in words beside it, named by the input's aria-describedby.
import { useId } from 'react';
import { Input, Label, Text, TextArea, TextField } from 'react-aria-components';

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

export function RunField({ label, ariaLabel, value, onChange, problem, description, placeholder, mono, multiline, className, autoFocus, inputMode }: RunFieldProps) {
  const problemId = useId();
  const inputClass = `run-input${mono ? ' mono' : ''}${multiline ? ' run-textarea' : ''}`;
  return (
    <TextField
      className={`run-field${className ? ` ${className}` : ''}`}
      value={value}
      onChange={onChange}
      aria-label={ariaLabel}
      isInvalid={problem !== undefined}
      // The problem is announced with the field; React Aria adds the description's id itself.
      aria-describedby={problem ? problemId : undefined}
      autoFocus={autoFocus}
    >
      {label && <Label className="run-label">{label}</Label>}
      {multiline ? (
        <TextArea className={inputClass} placeholder={placeholder} spellCheck={false} />
      ) : (
        <Input className={inputClass} placeholder={placeholder} spellCheck={false} inputMode={inputMode} />
      )}
      {description && (
        <Text slot="description" className="run-hint">
          {description}
        </Text>
      )}
      {problem && <FieldProblem id={problemId} message={problem} />}
    </TextField>
  );
}

export function FieldProblem({ id, message }: { id?: string; message: string }) {
  return (
    <p id={id} className="run-problem" role="alert">
      {message}
    </p>
  );
}
