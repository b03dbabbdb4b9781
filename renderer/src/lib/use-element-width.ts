// The width of an element in CSS pixels, following resizes, rounded up to a multiple of `stepPx` so that
// dragging a window's edge re-renders what depends on it once per step rather than once per pixel.
import { useCallback, useRef, useState } from 'react';

const ownWidth = (element: Element) => element.getBoundingClientRect().width;

/**
 * A ref callback for the element, and its width (null until measured). `widthOf` reads another width when
 * the element resizes, e.g. of its first child (a grid's column); pass a function defined once (a new one each
 * render would observe anew each render).
 */
export function useElementWidth<T extends Element>(
  stepPx = 50,
  widthOf: (element: T) => number = ownWidth,
): [(element: T | null) => void, number | null] {
  const [width, setWidth] = useState<number | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback(
    (element: T | null) => {
      observer.current?.disconnect();
      observer.current = null;
      if (!element) return;
      const measure = () => {
        const px = widthOf(element);
        setWidth(px > 0 ? Math.ceil(px / stepPx) * stepPx : null);
      };
      measure();
      observer.current = new ResizeObserver(measure);
      observer.current.observe(element);
    },
    [stepPx, widthOf],
  );
  return [ref, width];
}
