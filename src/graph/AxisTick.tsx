import type { XAxisTickContentProps, YAxisTickContentProps } from "recharts";

/**
 * An axis label as plain SVG text. Recharts' own tick text measures each label in the DOM (to wrap it, and to
 * drop labels that would collide), forcing a layout per label on every redraw and zoom; the chart instead
 * asks for no more ticks than its width holds (`maxTimeTicks`), so nothing needs measuring.
 */
export function AxisTick({ x, y, textAnchor, fill, payload, tickFormatter, index, orientation }: XAxisTickContentProps | YAxisTickContentProps) {
  const value = payload.value as number;
  return (
    <text x={x} y={y} textAnchor={textAnchor} fill={fill} dy={orientation === "bottom" ? "0.71em" : "0.32em"} className={`recharts-text recharts-cartesian-axis-tick-value tick-${orientation}`}>
      {tickFormatter ? tickFormatter(value, index) : String(value)}
    </text>
  );
}
