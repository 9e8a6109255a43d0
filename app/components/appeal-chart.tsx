// Appeals filed and corrected per period, as an SVG drawn on the server: no script, scales with
// the page, labelled for assistive technology (the figures are also in the table beside it).
import { useId } from "react";
import { useT } from "~/i18n/use-lang";

type Stat = { period: string; filed: number; corrected: number };

export function AppealChart({ stats }: { stats: Stat[] }) {
  const { t, num } = useT();
  const id = useId();
  if (!stats.length) return null;
  const rows = [...stats].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const max = Math.max(1, ...rows.map((r) => r.filed));
  const barW = 18;
  const group = barW * 2 + 16;
  const chartH = 120;
  const left = 8;
  const width = left + rows.length * group + 8;
  const height = chartH + 40;
  const y = (v: number) => 10 + chartH - (v / max) * chartH;
  return (
    <svg className="appeal-chart" role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${width} ${height}`} width={Math.min(width * 2, 640)} preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-t`}>{t("appealChartTitle")}</title>
      <desc id={`${id}-d`}>{t("appealChartDesc")}</desc>
      <line x1={left} x2={width - 4} y1={10 + chartH} y2={10 + chartH} stroke="#333" strokeWidth="1" />
      {rows.map((r, i) => {
        const x = left + 8 + i * group;
        return (
          <g key={r.period}>
            <rect x={x} y={y(r.filed)} width={barW} height={10 + chartH - y(r.filed)} fill="#1d3557" />
            <rect x={x + barW + 2} y={y(r.corrected)} width={barW} height={10 + chartH - y(r.corrected)} fill="#7fa7d8" />
            <text x={x + barW / 2} y={y(r.filed) - 3} fontSize="9" textAnchor="middle" fill="#111">
              {num(r.filed)}
            </text>
            <text x={x + barW * 1.5 + 2} y={y(r.corrected) - 3} fontSize="9" textAnchor="middle" fill="#111">
              {num(r.corrected)}
            </text>
            <text x={x + barW + 1} y={chartH + 26} fontSize="10" textAnchor="middle" fill="#111">
              {r.period}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
