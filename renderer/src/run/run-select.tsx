// A React Aria Select for the run dialog's short choices (protocol, mount type, network), styled like the
// limits editor's restart policy select.
import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text } from 'react-aria-components';
import '../styles/select.css';

export interface RunSelectOption {
  id: string;
  label: string;
}

export interface RunSelectProps {
  label?: string;
  ariaLabel?: string;
  options: readonly RunSelectOption[];
  selected: string;
  onChange: (id: string) => void;
  description?: string;
  className?: string;
  isDisabled?: boolean;
}

export function RunSelect({
  label,
  ariaLabel,
  options,
  selected,
  onChange,
  description,
  className,
  isDisabled,
}: RunSelectProps) {
  return (
    <Select
      className={`form-field${className ? ` ${className}` : ''}`}
      aria-label={ariaLabel}
      selectedKey={selected}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
      isDisabled={isDisabled}
    >
      {label && <Label className="field-label">{label}</Label>}
      <Button className="select-button run-select-button">
        <SelectValue />
        <span className="select-chevron" aria-hidden="true">
          ▾
        </span>
      </Button>
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <Popover className="select-popover">
        <ListBox className="select-list" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} className="select-item" textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
