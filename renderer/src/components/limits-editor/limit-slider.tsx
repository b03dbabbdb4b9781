// A limit's slider: React Aria's Slider with a thumb, the filled part up to it, and a marker on the track
// where the container's current use is, so limit and use are read on the same scale. The value a screen
// reader hears is the limit in its unit ("128 MiB", "0.5 cores"), not the slider's position (a stop index on
// the memory slider's log scale).
import { Slider, SliderFill, SliderThumb, SliderTrack } from 'react-aria-components';
import '../../styles/limit-slider.css';

export interface LimitSliderProps {
  /** Accessible name, e.g. "CPU limit". */
  label: string;
  position: number;
  minValue: number;
  maxValue: number;
  step: number;
  onChange: (position: number) => void;
  /** What a position means, in the limit's unit. */
  valueText: (position: number) => string;
  /** Current use on the same scale, and what it says (drawn, and described in the field's note). */
  usage?: { position: number; label: string } | null;
  isDisabled?: boolean;
  describedBy?: string;
}

export function LimitSlider({
  label,
  position,
  minValue,
  maxValue,
  step,
  onChange,
  valueText,
  usage,
  isDisabled,
  describedBy,
}: LimitSliderProps) {
  const span = maxValue - minValue;
  const usageLeft = usage && span > 0 ? Math.min(100, Math.max(0, ((usage.position - minValue) / span) * 100)) : null;
  return (
    <Slider
      className="limit-slider"
      aria-label={label}
      value={Math.min(maxValue, Math.max(minValue, position))}
      minValue={minValue}
      maxValue={maxValue}
      step={step}
      onChange={(next) => onChange(next as number)}
      isDisabled={isDisabled}
    >
      {({ state }) => {
        // React Aria's Slider takes only Intl number formats for its value text, and its thumb finds its
        // slider by this state object's identity (a WeakMap), so a copy would not do: the label function of
        // this render's state (a fresh object each render) is replaced before the thumb reads it.
        state.getThumbValueLabel = (index: number) => valueText(state.getThumbValue(index));
        return (
          <SliderTrack className="limit-slider-track">
            <span className="limit-slider-rail" aria-hidden="true" />
            <SliderFill className="limit-slider-fill" />
            {usageLeft !== null && usage && (
              // Positioned through the CSSOM (React's style prop), which the CSP allows, like the thumb itself.
              <span
                className="limit-slider-usage"
                style={{ left: `${usageLeft}%` }}
                title={usage.label}
                aria-hidden="true"
              />
            )}
            <SliderThumb className="limit-slider-thumb" aria-describedby={describedBy} />
          </SliderTrack>
        );
      }}
    </Slider>
  );
}
