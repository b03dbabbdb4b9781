// Where a new container's ports are published: this computer only (127.0.0.1, the default) or all interfaces
// (0.0.0.0), with a plain warning for the second. Used by the run dialog's Ports tab and by Settings.
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { publishAddress, type PublishInterface } from '../../../main/shared/run-types';

const options: ReadonlyArray<{ value: PublishInterface; label: string }> = [
  { value: 'loopback', label: `This computer only (${publishAddress.loopback})` },
  { value: 'all', label: `All interfaces (${publishAddress.all})` },
];

/** Shown whenever "all interfaces" is chosen, before anything runs. */
export const allInterfacesWarning = 'Ports published on all interfaces are reachable from other machines on your network.';

export interface PublishInterfaceChoiceProps {
  value: PublishInterface;
  onChange: (value: PublishInterface) => void;
  label: string;
  description: string;
  isDisabled?: boolean;
}

export function PublishInterfaceChoice({ value, onChange, label, description, isDisabled }: PublishInterfaceChoiceProps) {
  return (
    <>
      <RadioGroup className="radio-group" value={value} onChange={(next) => onChange(next as PublishInterface)} isDisabled={isDisabled}>
        <Label className="field-label">{label}</Label>
        {options.map((option) => (
          <Radio key={option.value} value={option.value} className="radio">
            <span className="radio-circle" aria-hidden="true" />
            {option.label}
          </Radio>
        ))}
        <Text slot="description" className="field-description">
          {description}
        </Text>
      </RadioGroup>
      {value === 'all' && (
        <p role="note" className="notice notice-warning">
          {allInterfacesWarning}
        </p>
      )}
    </>
  );
}
