// Seats in use over time per product (one sample per minute), drawn with uPlot, with two more
// lines over all products: checkouts refused (denials) and checkouts waiting in the queue.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SeatHistory } from '../../../../src-shared/bridge/calls/seats.ts';
import { formatDateTime, formatTime } from '../../../format/time.ts';

// No red among the products: red is the Denied line's alone.
const COLORS = ['#2458d6', '#0f7a4f', '#b45309', '#9333ea', '#0891b2', '#db2777', '#4b5563'];
const HEIGHT = 220;

function options(history: SeatHistory, width: number): uPlot.Options {
  return {
    width,
    height: HEIGHT,
    cursor: { drag: { x: false, y: false } },
    legend: { show: true, live: false },
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max + 1)] } },
    axes: [
      {
        stroke: '#6b7280',
        grid: { stroke: '#eef0f4' },
        ticks: { stroke: '#e2e6ec' },
        // The one time formatter (issue 18), not uPlot's own "12/2/26, 1:35pm".
        values: (_u, splits) => splits.map((v) => formatTime(new Date(v * 1000).toISOString())),
      },
      {
        stroke: '#6b7280',
        grid: { stroke: '#eef0f4' },
        ticks: { stroke: '#e2e6ec' },
        incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
        values: (_u, splits) => splits.map((v) => String(v)),
      },
    ],
    series: [
      { value: (_u, v) => (v == null ? '' : formatDateTime(new Date(v * 1000).toISOString())) },
      ...history.products.map((p, i) => ({
        label: p.name,
        stroke: COLORS[i % COLORS.length],
        width: 2,
        paths: uPlot.paths.stepped?.({ align: 1 }),
        points: { show: false },
      })),
      {
        label: 'Denied',
        stroke: '#dc2626',
        width: 2,
        dash: [4, 3],
        points: { show: true, size: 5 },
      },
      {
        label: 'Queued',
        stroke: '#6b7280',
        width: 1.5,
        dash: [2, 2],
        points: { show: true, size: 4 },
      },
    ],
  };
}

/** Per sample, the sum over products; null where it is 0, so only minutes with denials or
 *  waiters show (as points) instead of a line lying on the axis over the products' lines. */
function total(
  history: SeatHistory,
  pick: (p: SeatHistory['products'][number]) => (number | null)[] | undefined,
) {
  return history.times.map((_, i) => {
    let sum: number | null = null;
    for (const p of history.products) {
      const v = pick(p)?.[i];
      if (typeof v === 'number') sum = (sum ?? 0) + v;
    }
    return sum === 0 ? null : sum;
  });
}

function columns(history: SeatHistory): uPlot.AlignedData {
  return [
    history.times,
    ...history.products.map((p) => p.inUse),
    total(history, (p) => p.denied),
    total(history, (p) => p.queued),
  ];
}

export function SeatChart({ history }: { history: SeatHistory }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = history.products.map((p) => p.product).join('|');

  // A new set of products is a new chart; new samples only refresh its data.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const u = new uPlot(options(history, el.clientWidth || 600), columns(history), el);
    plot.current = u;
    const ro = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height: HEIGHT }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt only when the products change
  }, [shape]);

  useEffect(() => {
    plot.current?.setData(columns(history));
  }, [history]);

  return (
    <div
      className="seat-chart"
      ref={box}
      role="img"
      aria-label="Seats in use, denials and queue over time"
    />
  );
}
