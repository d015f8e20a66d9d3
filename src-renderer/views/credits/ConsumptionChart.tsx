// Consumption over time (docs/requirements.md §9): one bar per day, stacked by user, with the day's total.
import type { ConsumptionDay } from '../../../src-shared/domain/credits.ts';
import { formatDay } from '../../format/time.ts';
import { formatCredits } from './useCredits.ts';

const COLORS = ['#1f6feb', '#2da44e', '#bf8700', '#8250df', '#cf222e', '#0a7ea4', '#6e7781'];
const H = 160;
const BAR = 28;
const GAP = 18;

export function ConsumptionChart({ days }: { days: ConsumptionDay[] }) {
  if (days.length === 0)
    return <p className="card-note">No credits consumed yet: renders will show here by day.</p>;
  const users = [...new Set(days.flatMap((d) => Object.keys(d.byUser)))].sort();
  const max = Math.max(...days.map((d) => d.total), 0.001);
  const width = days.length * (BAR + GAP) + GAP;
  return (
    <figure className="credits-chart">
      <svg width={width} height={H + 40} role="img" aria-label="Credits consumed per day, by user">
        {days.map((d, i) => {
          let y = H;
          const x = GAP + i * (BAR + GAP);
          return (
            <g key={d.day}>
              {users.map((u, k) => {
                const h = ((d.byUser[u] ?? 0) / max) * (H - 20);
                y -= h;
                return (
                  <rect
                    key={u}
                    x={x}
                    y={y}
                    width={BAR}
                    height={h}
                    fill={COLORS[k % COLORS.length]}
                  />
                );
              })}
              <text x={x + BAR / 2} y={y - 4} textAnchor="middle" fontSize="11">
                {formatCredits(d.total)}
              </text>
              <text x={x + BAR / 2} y={H + 16} textAnchor="middle" fontSize="11">
                {formatDay(d.day)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="credits-legend">
        {users.map((u, k) => (
          <span key={u}>
            <i style={{ background: COLORS[k % COLORS.length] }} aria-hidden="true" /> {u}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
