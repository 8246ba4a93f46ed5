// The charts the platform draws (internal/stats/statsweb: the dashboard's
// months as lines, growth by unit as bars, the year's target as a gauge),
// with the tooltip, legend and grid they use, on the canvas renderer.
import * as echarts from "echarts/core";
import { BarChart, GaugeChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([LineChart, BarChart, GaugeChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
window.echarts = echarts;
