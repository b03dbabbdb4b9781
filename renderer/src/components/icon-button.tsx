// A compact button showing only an icon: its aria-label is its name, and a React Aria tooltip shows the
// same words on hover and keyboard focus.
import { Button, OverlayArrow, Tooltip, TooltipTrigger } from 'react-aria-components';
import { Icon, type IconName } from './icons';

export interface IconButtonProps {
  /** The accessible name, e.g. `Stop web-1`. */
  label: string;
  /** The visible tooltip; the label when absent. */
  tooltip?: string;
  icon: IconName;
  onPress: () => void;
  isDisabled?: boolean;
  /** Shows a spinner instead of the icon while an action runs. */
  isBusy?: boolean;
  tone?: 'default' | 'danger';
}

export function IconButton({ label, tooltip, icon, onPress, isDisabled, isBusy, tone = 'default' }: IconButtonProps) {
  return (
    <TooltipTrigger delay={400} closeDelay={0}>
      <Button
        aria-label={label}
        className={`icon-button icon-button-${tone}`}
        isDisabled={isDisabled || isBusy}
        isPending={isBusy}
        onPress={onPress}
      >
        <Icon name={isBusy ? 'spinner' : icon} size={16} />
      </Button>
      <Tooltip className="tooltip" offset={6}>
        <OverlayArrow className="tooltip-arrow">
          <svg width={8} height={8} viewBox="0 0 8 8" aria-hidden="true">
            <path d="M0 0 L4 4 L8 0" />
          </svg>
        </OverlayArrow>
        {tooltip ?? label}
      </Tooltip>
    </TooltipTrigger>
  );
}
