/**
 * The plain page: the plainest public SMART app (the client-js-examples React example) without React. One
 * small bundle with fhirclient only: ready(), then the Patient read in parallel with an Observation search
 * that follows every page at the server's default page size (`pageLimit: 0`, no `_count`), then one trivial
 * SVG polyline. It records `window.__bench.firstPoint`/`allPoints` in the animation frame after drawing.
 */
import FHIR from "fhirclient";
import type {} from "../lib/marks";

const WIDTH = 1000;
const HEIGHT = 320;

async function load(): Promise<{ patient: fhir4.Patient; observations: fhir4.Observation[] }> {
  const client = await FHIR.oauth2.ready();
  const [patient, observations] = await Promise.all([
    client.patient.read() as Promise<fhir4.Patient>,
    client.request<fhir4.Observation[]>(`Observation?patient=${encodeURIComponent(client.patient.id ?? "")}&code=${encodeURIComponent("http://loinc.org|4548-4")}`, { pageLimit: 0, flat: true }),
  ]);
  return { patient, observations };
}

function draw(observations: readonly fhir4.Observation[]): number {
  const points = observations
    .filter((o) => o.valueQuantity?.value !== undefined && o.effectiveDateTime)
    .map((o) => ({ time: Date.parse(o.effectiveDateTime!), value: o.valueQuantity!.value! }))
    .sort((a, b) => a.time - b.time);
  const times = points.map((p) => p.time);
  const values = points.map((p) => p.value);
  const [t0, t1, v0, v1] = [Math.min(...times), Math.max(...times), Math.min(...values), Math.max(...values)];
  const x = (t: number) => (t1 > t0 ? ((t - t0) / (t1 - t0)) * WIDTH : WIDTH / 2);
  const y = (v: number) => (v1 > v0 ? HEIGHT - ((v - v0) / (v1 - v0)) * HEIGHT : HEIGHT / 2);
  const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
  line.setAttribute("points", points.map((p) => `${x(p.time).toFixed(1)},${y(p.value).toFixed(1)}`).join(" "));
  line.setAttribute("fill", "none");
  line.setAttribute("stroke", "steelblue");
  document.getElementById("chart")!.append(line);
  return points.length;
}

void load().then(({ patient, observations }) => {
  const count = draw(observations);
  document.getElementById("status")!.textContent = `${patient.name?.[0]?.family ?? patient.id}: ${count} results`;
  requestAnimationFrame(() => {
    const at = performance.timeOrigin + performance.now();
    window.__bench = { firstPoint: at, allPoints: at };
  });
});
