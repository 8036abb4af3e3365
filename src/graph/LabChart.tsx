import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartPoint {
  readonly time: number;
  readonly value: number;
  /** The date as people read it (recorded precision). */
  readonly label: string;
}

export interface LabChartProps {
  /** The lab's catalog name: the chart's accessible label. */
  readonly name: string;
  readonly unit: string;
  /** Oldest first. */
  readonly points: readonly ChartPoint[];
}

const axisDate = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short" });

/** Draws the points it is given; knows nothing of FHIR or queries. */
export function LabChart({ name, unit, points }: LabChartProps) {
  return (
    <figure aria-label={name} className="chart">
      <ResponsiveContainer width="100%" height={320} initialDimension={{ width: 720, height: 320 }}>
        <LineChart data={points as ChartPoint[]} margin={{ top: 12, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(t: number) => axisDate.format(t)}
            stroke="var(--muted)"
            minTickGap={24}
          />
          <YAxis domain={["auto", "auto"]} unit={` ${unit}`} stroke="var(--muted)" width={64} />
          <Tooltip
            labelFormatter={(_, payload) => (payload?.[0]?.payload as ChartPoint | undefined)?.label ?? ""}
            formatter={(value) => [`${String(value)} ${unit}`, name]}
          />
          <Line dataKey="value" type="linear" stroke="var(--series)" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
