// Seats in use over time per product (one sample per minute), drawn with uPlot.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SeatHistory } from '../../../../src-shared/bridge/calls/seats.ts';

const COLORS = ['#2458d6', '#0f7a4f', '#b45309', '#9333ea', '#dc2626', '#0891b2', '#4b5563'];
const HEIGHT = 220;

function options(history: SeatHistory, width: number): uPlot.Options {
  return {
    width,
    height: HEIGHT,
    cursor: { drag: { x: false, y: false } },
    legend: { show: true, live: false },
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max + 1)] } },
    axes: [
      { stroke: '#6b7280', grid: { stroke: '#eef0f4' }, ticks: { stroke: '#e2e6ec' } },
      {
        stroke: '#6b7280',
        grid: { stroke: '#eef0f4' },
        ticks: { stroke: '#e2e6ec' },
        incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
        values: (_u, splits) => splits.map((v) => String(v)),
      },
    ],
    series: [
      {},
      ...history.products.map((p, i) => ({
        label: p.name,
        stroke: COLORS[i % COLORS.length],
        width: 2,
        paths: uPlot.paths.stepped?.({ align: 1 }),
        points: { show: false },
      })),
    ],
  };
}

function columns(history: SeatHistory): uPlot.AlignedData {
  return [history.times, ...history.products.map((p) => p.inUse)];
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

  return <div className="seat-chart" ref={box} role="img" aria-label="Seats in use over time" />;
}
