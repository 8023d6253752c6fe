import type * as PlotlyTypes from 'plotly.js';

/** Chart types without the Plotly loader, so pure figure builders (and their Node tests) need no DOM. */
export type Figure = { data: PlotlyTypes.Data[]; layout: Partial<PlotlyTypes.Layout> };

/** The theme's colours, read from the CSS variables at draw time, so charts follow light and dark. */
export interface ChartColors {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  accent: string;
  danger: string;
  warning: string;
  success: string;
  font: string;
}
