// Chart options as plain data (no ECharts import), so the figures and labels are unit-tested.
// Every number is shown the Indonesian way (formatInteger/formatGap: 1.234.567, -0,25).
import { formatGap, formatInteger } from '../format/number.ts';

export interface RegionHeadcount {
  readonly code: string;
  readonly name: string;
  readonly headcount: number;
}

export interface RegionGaps {
  readonly code: string;
  readonly name: string;
  readonly competencyGaps?: readonly { competency: { code: string; name: string }; averageGap: number | null; assessedEmployees: number }[] | null | undefined;
}

export interface NeedLevels {
  readonly competency: { code: string; name: string };
  readonly byNeedLevel: readonly { level: number; employees: number }[];
}

const blue = '#0b5394';
type Formatter = (value: unknown) => string;
const integerLabel: Formatter = (value) => formatInteger(typeof value === 'number' ? value : Number(value));

/** Pixels for a chart with one band per row (regions down the side), so long lists stay readable. */
export function bandChartHeight(rows: number): number {
  return Math.max(240, rows * 22 + 80);
}

/** Horizontal bars, largest first; `data[i].code` lets a click drill into that region. */
export function headcountChartOption(regions: readonly RegionHeadcount[]) {
  const sorted = [...regions].sort((a, b) => a.headcount - b.headcount);
  return {
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', valueFormatter: integerLabel },
    xAxis: { type: 'value', axisLabel: { formatter: integerLabel } },
    yAxis: { type: 'category', data: sorted.map((region) => region.name), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: 'Jumlah pegawai',
        cursor: 'pointer',
        itemStyle: { color: blue },
        label: { show: true, position: 'right', formatter: (params: { value: unknown }) => integerLabel(params.value) },
        data: sorted.map((region) => ({ value: region.headcount, code: region.code, name: region.name })),
      },
    ],
  };
}

/** Regions with at least one assessed employee: the rows of the heatmap. */
export function regionsWithAssessments(regions: readonly RegionGaps[]): RegionGaps[] {
  return regions.filter((region) => (region.competencyGaps ?? []).some((gap) => gap.assessedEmployees > 0));
}

/** Regions × competencies, colour = average gap (red below standard); regions without assessments are left out. */
export function gapHeatmapOption(regions: readonly RegionGaps[]) {
  const assessed = regionsWithAssessments(regions);
  const competencies: { code: string; name: string }[] = [];
  for (const region of assessed) {
    for (const gap of region.competencyGaps ?? []) if (!competencies.some((c) => c.code === gap.competency.code)) competencies.push(gap.competency);
  }
  const cells: { value: [number, number, number]; code: string }[] = [];
  let largest = 0.1;
  assessed.forEach((region, y) => {
    for (const gap of region.competencyGaps ?? []) {
      if (gap.averageGap === null) continue;
      largest = Math.max(largest, Math.abs(gap.averageGap));
      cells.push({ value: [competencies.findIndex((c) => c.code === gap.competency.code), y, gap.averageGap], code: region.code });
    }
  });
  return {
    grid: { left: 8, right: 8, top: 8, bottom: 64, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: { value: [number, number, number] }) =>
        `${assessed[params.value[1]]?.name ?? ''}<br>${competencies[params.value[0]]?.name ?? ''}: ${formatGap(params.value[2])}`,
    },
    xAxis: { type: 'category', data: competencies.map((c) => c.code), splitArea: { show: true } },
    yAxis: { type: 'category', data: assessed.map((region) => region.name), axisLabel: { width: 160, overflow: 'truncate' } },
    visualMap: {
      min: -largest,
      max: largest,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      text: ['di atas standar', 'di bawah standar'],
      formatter: (value: unknown) => formatGap(Number(value)),
      inRange: { color: ['#b42318', '#fef3f2', '#e8f1fb', blue] },
    },
    series: [
      {
        type: 'heatmap',
        name: 'Rata-rata kesenjangan',
        cursor: 'pointer',
        label: { show: true, fontSize: 10, formatter: (params: { value: [number, number, number] }) => formatGap(params.value[2]) },
        data: cells,
      },
    ],
  };
}

/** People below standard per competency, stacked by the level they must reach (levels 1–5). */
export function needLevelChartOption(competencies: readonly NeedLevels[], levelLabel: (level: number) => string) {
  const levels = [...new Set(competencies.flatMap((c) => c.byNeedLevel.map((entry) => entry.level)))].sort((a, b) => a - b);
  const palette = ['#c7dcf0', '#8fb8e0', '#4f8fcc', '#0b5394', '#06294a'];
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: integerLabel },
    xAxis: { type: 'category', data: competencies.map((c) => c.competency.code) },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: integerLabel } },
    series: levels.map((level, index) => ({
      type: 'bar',
      stack: 'pegawai',
      name: levelLabel(level),
      itemStyle: { color: palette[Math.min(index, palette.length - 1)] },
      data: competencies.map((c) => c.byNeedLevel.find((entry) => entry.level === level)?.employees ?? 0),
    })),
  };
}
