// An on/off setting: React Aria's Switch with Berth's track and thumb, its label beside it.
import { Switch } from 'react-aria-components';

export interface SettingSwitchProps {
  label: string;
  isSelected: boolean;
  isDisabled?: boolean;
  onChange: (selected: boolean) => void;
}

export function SettingSwitch({ label, isSelected, isDisabled, onChange }: SettingSwitchProps) {
  return (
    <Switch className="switch setting-switch" isSelected={isSelected} isDisabled={isDisabled} onChange={onChange}>
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      {label}
    </Switch>
  );
}
