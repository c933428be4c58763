// The calibration chart as plain data (no ECharts import): the unit's share of employees per predikat as
// bars, and each limit in force as a marker on the predikat it bounds (DOMAIN.md "Distribution
// (calibration) limits"), so a bar above an "at most" marker or below an "at least" one is visible.
import { formatPercent } from '../format/number.ts';

export const predikatOrder = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;

export interface DistributionForChart {
  readonly counts: readonly { predikat: string; employees: number; share: number }[];
  readonly limits: readonly { predikat: readonly string[]; bound: string; value: number; violated: boolean; description: string }[];
}

export interface ChartLabels {
  readonly predikat: Readonly<Record<string, string>>;
  readonly share: string;
  readonly atMost: string;
  readonly atLeast: string;
}

const percentLabel = (value: unknown) => formatPercent(typeof value === 'number' ? value : Number(value));

/** Shares 0–1 are drawn as percentages; AT_LEAST_COUNT limits (a number of employees) are listed, not drawn. */
export function distributionChartOption(distribution: DistributionForChart, labels: ChartLabels) {
  const categories = predikatOrder.map((p) => labels.predikat[p] ?? p);
  const shareOf = (predikat: string) => distribution.counts.find((c) => c.predikat === predikat)?.share ?? 0;
  const markers = (bound: 'AT_MOST' | 'AT_LEAST') =>
    distribution.limits
      .filter((limit) => limit.bound === bound)
      .flatMap((limit) => limit.predikat.map((p) => ({ value: [labels.predikat[p] ?? p, limit.value * 100], description: limit.description })));
  return {
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (value: number) => `${value}%` } },
    series: [
      {
        type: 'bar',
        name: labels.share,
        itemStyle: { color: '#0b5394' },
        label: { show: true, position: 'top', formatter: (params: { value: unknown }) => percentLabel(params.value) },
        data: predikatOrder.map((p) => Math.round(shareOf(p) * 1000) / 10),
      },
      { type: 'scatter', name: labels.atMost, symbol: 'triangle', symbolRotate: 180, symbolSize: 16, itemStyle: { color: '#b42318' }, data: markers('AT_MOST') },
      { type: 'scatter', name: labels.atLeast, symbol: 'triangle', symbolSize: 16, itemStyle: { color: '#067647' }, data: markers('AT_LEAST') },
    ],
  };
}
