/*
 * Charts drawn on the server as SVG: no script, no library, readable without the picture. Each chart
 * is an image with a title and a description for screen readers, followed by the same numbers as a
 * table. Colours and sizes come from public/css/monitoring.css (the CSP allows no inline style).
 */

export interface ChartPoint {
  label: string;
  value: number | null;
}

const WIDTH = 600;
const HEIGHT = 200;
const PAD = { top: 16, right: 8, bottom: 32, left: 52 };

export function BarChart({
  id,
  title,
  description,
  points,
  max: fixedMax,
  unit = '',
}: {
  id: string;
  title: string;
  description: string;
  points: ChartPoint[];
  /** the top of the scale (100 for percentages); the largest value otherwise */
  max?: number;
  unit?: string;
}) {
  const max = fixedMax ?? Math.max(1, ...points.map((p) => p.value ?? 0));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(points.length, 1);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  return (
    <figure class="chart">
      <svg
        class="chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line class="chart__axis" x1={PAD.left} y1={y(0)} x2={WIDTH - PAD.right} y2={y(0)} />
        <text class="chart__tick" x={PAD.left - 4} y={y(max) + 4} text-anchor="end">
          {`${max}${unit}`}
        </text>
        <text class="chart__tick" x={PAD.left - 4} y={y(0)} text-anchor="end">
          0
        </text>
        {points.map((p, i) => {
          const x = PAD.left + i * slot + slot * 0.15;
          const v = p.value ?? 0;
          return (
            <g key={p.label}>
              {p.value !== null ? (
                <rect
                  class="chart__bar"
                  x={x}
                  y={y(v)}
                  width={slot * 0.7}
                  height={Math.max(y(0) - y(v), 0)}
                />
              ) : null}
              <text class="chart__label" x={x + slot * 0.35} y={HEIGHT - 12} text-anchor="middle">
                {p.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="chart__caption">{title}</figcaption>
    </figure>
  );
}
