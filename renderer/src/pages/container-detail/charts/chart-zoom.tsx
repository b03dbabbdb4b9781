// Zoom by dragging across any chart of the Stats tab: while the pointer is down a shaded ReferenceArea
// marks the span, and on release every chart of the tab shows that window (one state in the tab, shared
// here through context, so the five charts need no extra props). A focused chart pans with ← and →.
import { createContext, useContext, useMemo, useState, type KeyboardEvent, type ReactElement } from 'react';
import { ReferenceArea } from 'recharts';
import type { MouseHandlerDataParam } from 'recharts';
import { zoomWindow, type TimeWindow } from '../../../stats/history/time-window';

export interface ChartZoom {
  /** Mouse handlers for a recharts chart. */
  handlers: {
    onMouseDown: (state: MouseHandlerDataParam) => void;
    onMouseMove: (state: MouseHandlerDataParam) => void;
    onMouseUp: () => void;
    onMouseLeave: () => void;
  };
  /** The span being dragged, drawn in every chart; null when no drag is under way. */
  selection: TimeWindow | null;
  onKeyDown: (event: KeyboardEvent) => void;
}

const ZoomContext = createContext<ChartZoom | null>(null);

export const ChartZoomProvider = ZoomContext.Provider;

/** The tab's zoom, or null in a chart drawn elsewhere (no zoom there). */
export function useChartZoom(): ChartZoom | null {
  return useContext(ZoomContext);
}

const labelTime = (state: MouseHandlerDataParam): number | null =>
  typeof state.activeLabel === 'number' ? state.activeLabel : state.activeLabel ? Number(state.activeLabel) : null;

/** The drag state machine behind ChartZoom: `onZoom` gets the selected window on release. */
export function useZoomDrag(onZoom: (window: TimeWindow) => void, onPan: (direction: -1 | 1) => void): ChartZoom {
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  return useMemo(() => {
    const finish = () => {
      if (drag) {
        const window = zoomWindow(drag.start, drag.end);
        if (window) onZoom(window);
      }
      setDrag(null);
    };
    return {
      handlers: {
        onMouseDown: (state) => {
          const t = labelTime(state);
          if (t !== null && Number.isFinite(t)) setDrag({ start: t, end: t });
        },
        onMouseMove: (state) => {
          const t = labelTime(state);
          if (drag && t !== null && Number.isFinite(t) && t !== drag.end) setDrag({ ...drag, end: t });
        },
        onMouseUp: finish,
        onMouseLeave: () => setDrag(null),
      },
      selection: drag && drag.start !== drag.end ? zoomWindowOrSpan(drag.start, drag.end) : null,
      onKeyDown: (event) => {
        if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
          event.preventDefault();
          onPan(event.key === 'ArrowLeft' ? -1 : 1);
        }
      },
    };
  }, [drag, onZoom, onPan]);
}

function zoomWindowOrSpan(a: number, b: number): TimeWindow {
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

/** The shaded span under a drag, for a chart's children (recharts reads direct children). */
export function selectionArea(zoom: ChartZoom | null, color: string, yAxisId: string | number = 0): ReactElement[] {
  if (!zoom?.selection) return [];
  return [
    <ReferenceArea
      key="zoom-selection"
      yAxisId={yAxisId}
      x1={zoom.selection.from}
      x2={zoom.selection.to}
      fill={color}
      fillOpacity={0.15}
      strokeOpacity={0}
      ifOverflow="hidden"
    />,
  ];
}
