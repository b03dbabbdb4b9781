// Where a new container's ports are published: this computer only (127.0.0.1, the default) or all interfaces
// (0.0.0.0), with a plain warning for the second. Used by the run dialog's Ports tab and by Settings.
import { ChoiceGroup } from '../components/choice-group';
import { publishAddress, type PublishInterface } from '@shared/settings-types';

const options: ReadonlyArray<{ value: PublishInterface; label: string }> = [
  { value: 'loopback', label: `This computer only (${publishAddress.loopback})` },
  { value: 'all', label: `All interfaces (${publishAddress.all})` },
];

/** Shown whenever "all interfaces" is chosen, before anything runs. */
export const allInterfacesWarning =
  'Ports published on all interfaces are reachable from other machines on your network.';

export interface PublishInterfaceChoiceProps {
  value: PublishInterface;
  onChange: (value: PublishInterface) => void;
  label: string;
  description: string;
  isDisabled?: boolean;
}

export function PublishInterfaceChoice({
  value,
  onChange,
  label,
  description,
  isDisabled,
}: PublishInterfaceChoiceProps) {
  return (
    <>
      <ChoiceGroup
        label={label}
        options={options}
        value={value}
        onChange={onChange}
        description={description}
        isDisabled={isDisabled}
      />
      {value === 'all' && (
        <p role="note" className="notice notice-warning">
          {allInterfacesWarning}
        </p>
      )}
    </>
  );
}
