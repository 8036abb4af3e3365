/**
 * Where a lab chart's plot area sits inside its figure, in pixels: the value axis on the left, a margin on the
 * right. What is drawn under the chart on its time axis (the medication bars) is inset the same, so dates line up.
 */
export const PLOT_INSET = { left: 48, right: 20 } as const;
