/**
 * The baseline graph page: what the public SMART sample apps do — fetch every page with fhirclient
 * (`pageLimit: 0`), then draw once. It records `window.__bench.firstPoint`/`allPoints` when it draws.
 */
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import FHIR from "fhirclient";
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import type {} from "../lib/marks";

interface Point {
  readonly time: number;
  readonly value: number;
}

async function load(): Promise<Point[]> {
  const client = await FHIR.oauth2.ready();
  const patient = client.patient.id ?? "";
  const observations = await client.request<fhir4.Observation[]>(
    `Observation?patient=${encodeURIComponent(patient)}&code=${encodeURIComponent("http://loinc.org|4548-4")}&_sort=-date&_count=200`,
    { pageLimit: 0, flat: true },
  );
  return observations
    .filter((o) => o.valueQuantity?.value !== undefined && o.effectiveDateTime)
    .map((o) => ({ time: Date.parse(o.effectiveDateTime!), value: o.valueQuantity!.value! }))
    .sort((a, b) => a.time - b.time);
}

function Baseline() {
  const [points, setPoints] = useState<Point[] | undefined>();
  useEffect(() => {
    void load().then(setPoints);
  }, []);
  useEffect(() => {
    if (!points) return;
    requestAnimationFrame(() => {
      const at = performance.timeOrigin + performance.now();
      window.__bench = { firstPoint: at, allPoints: at };
    });
  }, [points]);
  if (!points) return <p>Loading…</p>;
  return (
    <figure aria-label="Baseline">
      <LineChart width={1000} height={320} data={points}>
        <CartesianGrid />
        <XAxis dataKey="time" type="number" domain={["dataMin", "dataMax"]} />
        <YAxis />
        <Line dataKey="value" isAnimationActive={false} dot />
      </LineChart>
    </figure>
  );
}

createRoot(document.getElementById("root")!).render(<Baseline />);
