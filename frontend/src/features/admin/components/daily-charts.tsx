import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

import type { DailySeries } from '../utils/daily-series';

const COLORS = ['#0b4f8a', '#b4590b', '#1b6b3a', '#7a2e8e', '#55636f', '#b42318'];
const HEIGHT = 240;

type ChartProps = {
  title: string;
  dates: string[];
  lines: { label: string; values: number[]; color: string }[];
};

/** One uPlot chart (canvas, so hidden from screen readers: the table under it carries the same data). */
function Chart({ title, dates, lines }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const x = dates.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
    const plot = new uPlot(
      {
        width: el.clientWidth || 600,
        height: HEIGHT,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        series: [{}, ...lines.map((l) => ({ label: l.label, stroke: l.color, width: 2, points: { show: true } }))],
        axes: [{}, { size: 60 }],
      },
      [x, ...lines.map((l) => l.values)],
      el,
    );
    const observer = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: HEIGHT }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [dates, lines]);

  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={ref} aria-hidden="true" />
      <details>
        <summary>{title} as a table</summary>
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                {lines.map((l) => (
                  <th key={l.label} scope="col" className="num">
                    {l.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {dates.map((date, i) => (
                <tr key={date}>
                  <td>{date}</td>
                  {lines.map((l) => (
                    <td key={l.label} className="num">
                      {l.values[i]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** Loaded lazily from the dashboard: uPlot stays out of the rest of the console. */
export default function DailyCharts({ series }: { series: DailySeries }) {
  // Stable line arrays: a new array would rebuild the chart on every render.
  const net = useMemo(
    () => series.net.map((n, i) => ({ label: n.currency, values: n.values, color: COLORS[i % COLORS.length] ?? '' })),
    [series],
  );
  const outcomes = useMemo(
    () => [
      { label: 'Succeeded', values: series.succeeded, color: '#1b6b3a' },
      { label: 'Failed', values: series.failed, color: '#b42318' },
    ],
    [series],
  );
  return (
    <div className="charts">
      <Chart title="Net revenue per day" dates={series.dates} lines={net} />
      <Chart title="Succeeded and failed payments per day" dates={series.dates} lines={outcomes} />
    </div>
  );
}
