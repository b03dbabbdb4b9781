// The filter box above a table: a React Aria SearchField (role searchbox) named by `label`; Escape clears it.
import { Button, Input, SearchField } from 'react-aria-components';

export function FilterField(props: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <SearchField aria-label={props.label} value={props.value} onChange={props.onChange} className="filter-field">
      <Input placeholder={props.placeholder} className="filter-input" />
      <Button aria-label={`Clear ${props.label.toLowerCase()}`} className="filter-clear">
        ×
      </Button>
    </SearchField>
  );
}
