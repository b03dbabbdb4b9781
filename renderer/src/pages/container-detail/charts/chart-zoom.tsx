// Zoom by dragging across any chart of the Stats tab: a transparent layer over each chart's plot area turns
// the pointer's x into a time with the axis' own inverse scale (so it works where the window has no data),
// a shaded ReferenceArea marks the span while the button is down, and on release every chart of the tab
// shows that window (one state in the tab, shared here through context). A focused chart pans with ← and →.
import {
  createContext,
  useContext,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactElement,
} from 'react';
import { ReferenceArea, usePlotArea, useXAxisInverseScale } from 'recharts';
import { zoomWindow, type TimeWindow } from '../../../stats/history/time-window';

export interface ChartZoom {
  start: (t: number) => void;
  move: (t: number) => void;
  end: () => void;
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

/**
 * The drag state machine behind ChartZoom: `onZoom` gets the selected window on release. The span lives in a
 * ref as well as in state: pointer moves are continuous events whose renders React may defer, so a quick drag
 * can be released before any move was rendered, and a release that read the rendered state would see no span.
 */
export function useZoomDrag(onZoom: (window: TimeWindow) => void, onPan: (direction: -1 | 1) => void): ChartZoom {
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const dragRef = useRef<{ start: number; end: number } | null>(null);
  const update = (next: { start: number; end: number } | null) => {
    dragRef.current = next;
    setDrag(next);
  };
  return useMemo(
    () => ({
      start: (t) => update({ start: t, end: t }),
      move: (t) => {
        const current = dragRef.current;
        if (current && current.end !== t) update({ ...current, end: t });
      },
      end: () => {
        const current = dragRef.current;
        const window = current ? zoomWindow(current.start, current.end) : null;
        update(null);
        if (window) onZoom(window);
      },
      selection:
        drag && drag.start !== drag.end
          ? { from: Math.min(drag.start, drag.end), to: Math.max(drag.start, drag.end) }
          : null,
      onKeyDown: (event) => {
        if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
          event.preventDefault();
          onPan(event.key === 'ArrowLeft' ? -1 : 1);
        }
      },
    }),
    [drag, onZoom, onPan],
  );
}

/** The shaded span under a drag and the layer that captures the drag, for a chart's children. */
export function selectionArea(zoom: ChartZoom | null, color: string, yAxisId: string | number = 0): ReactElement[] {
  if (!zoom) return [];
  const area = zoom.selection ? (
    <ReferenceArea
      key="zoom-selection"
      yAxisId={yAxisId}
      x1={zoom.selection.from}
      x2={zoom.selection.to}
      fill={color}
      fillOpacity={0.18}
      strokeOpacity={0}
      ifOverflow="hidden"
    />
  ) : null;
  return [...(area ? [area] : []), <ZoomCapture key="zoom-capture" zoom={zoom} />];
}

/** A transparent rectangle over the plot area; pointer events still bubble to recharts' tooltip handling. */
function ZoomCapture({ zoom }: { zoom: ChartZoom }) {
  const plot = usePlotArea();
  const invert = useXAxisInverseScale();
  if (!plot || !invert) return null;
  const timeAt = (event: PointerEvent<SVGRectElement>): number | null => {
    const svg = event.currentTarget.ownerSVGElement;
    if (!svg) return null;
    const t = Number(invert(event.clientX - svg.getBoundingClientRect().left));
    return Number.isFinite(t) ? t : null;
  };
  return (
    <rect
      className="chart-zoom-capture"
      x={plot.x}
      y={plot.y}
      width={Math.max(0, plot.width)}
      height={Math.max(0, plot.height)}
      fill="transparent"
      onPointerDown={(event) => {
        const t = timeAt(event);
        if (t === null || event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        zoom.start(t);
      }}
      onPointerMove={(event) => {
        const t = timeAt(event);
        if (t !== null) zoom.move(t);
      }}
      onPointerUp={() => zoom.end()}
      onPointerCancel={() => zoom.end()}
    />
  );
}
