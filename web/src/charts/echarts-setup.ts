// Apache ECharts through vue-echarts, with only the parts the pages use registered (tree-shaken
// `echarts/core` imports). SVG rendering keeps labels as text: crisp when zoomed, readable by tests.
import { use } from 'echarts/core';
import { BarChart, HeatmapChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import VChart from 'vue-echarts';

use([BarChart, HeatmapChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export { VChart };
