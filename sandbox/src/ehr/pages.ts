/** The EHR simulator's pages: plain HTML forms, no script, so they work in any browser and in tests. */
import { FAULTS, FAULT_NAMES } from "../faultCatalog.ts";
import { escapeHtml } from "../http.ts";
import { MAX_LIFETIME } from "./launchOptions.ts";
import { MAX_COUNT } from "../fhir/search.ts";

export interface PatientSummary {
  readonly id: string;
  readonly name: string;
  readonly birthDate?: string;
  readonly gender?: string;
  readonly observations: number;
}

export interface PractitionerSummary {
  readonly id: string;
  readonly name: string;
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="stylesheet" href="/ehr.css"></head>
<body>${body}</body></html>`;
}

function options<T extends string>(values: readonly (readonly [T, string])[], selected: T): string {
  return values
    .map(([value, label]) => `<option value="${escapeHtml(value)}"${value === selected ? " selected" : ""}>${escapeHtml(label)}</option>`)
    .join("");
}

export function homePage(input: {
  readonly patients: readonly PatientSummary[];
  readonly practitioners: readonly PractitionerSummary[];
  /** The practitioner a launch signs in by default. */
  readonly practitioner: string | undefined;
  readonly servers: readonly { readonly id: string; readonly title: string; readonly fhirBase: string }[];
  readonly appUrl: string;
  readonly fhirBase: string;
  readonly openFhirBase: string;
  readonly query: string;
}): string {
  const needle = input.query.trim().toLowerCase();
  const shown = needle ? input.patients.filter((p) => p.name.toLowerCase().includes(needle) || p.id.includes(needle)) : input.patients;
  const rows = shown
    .map(
      (p) => `<tr><th scope="row" id="p-${escapeHtml(p.id)}">${escapeHtml(p.name)}</th><td><code>${escapeHtml(p.id)}</code></td>
<td>${escapeHtml(p.birthDate ?? "")}</td><td>${escapeHtml(p.gender ?? "")}</td><td>${p.observations}</td>
<td class="actions"><button type="submit" name="patient" value="${escapeHtml(p.id)}" aria-describedby="p-${escapeHtml(p.id)}">Launch</button>
<button type="submit" name="patient" value="${escapeHtml(p.id)}" formaction="/ehr" aria-describedby="p-${escapeHtml(p.id)}">Open in EHR frame</button>
<button type="submit" name="patient" value="${escapeHtml(p.id)}" formtarget="_blank" aria-describedby="p-${escapeHtml(p.id)}">New window</button></td></tr>`,
    )
    .join("\n");
  const practitioners = options(
    input.practitioners.map((p) => [p.id, p.name] as const),
    input.practitioner ?? "",
  );
  const servers = options(input.servers.map((s) => [s.id, `${s.fhirBase} — ${s.title}`] as const), "main");
  const errors = options([["", "None"] as const, ...FAULT_NAMES.map((name) => [name, `${name}: ${FAULTS[name].summary}`] as const)], "");
  return layout(
    "Sandbox EHR",
    `<header class="ehr-bar"><strong>Sandbox EHR</strong><span>FHIR base <code>${escapeHtml(input.fhirBase)}</code></span>
<span class="open-warning">Open FHIR endpoint, no authorization: <code>${escapeHtml(input.openFhirBase)}</code></span><a href="/debug">Token debugger</a></header>
<main>
<h1>Patients</h1>
<form method="get" action="/" role="search" class="search"><label for="q">Find a patient</label>
<input id="q" name="q" type="search" value="${escapeHtml(input.query)}"><button type="submit">Search</button></form>
<form method="get" action="/launch">
<fieldset class="launch-options"><legend>Launch options</legend>
<label for="app">App launch URL</label><input id="app" name="app" type="url" size="50" value="${escapeHtml(input.appUrl)}" required>
<label for="practitioner">Signed-in user</label><select id="practitioner" name="practitioner">${practitioners}</select>
<label for="banner">Patient banner</label><select id="banner" name="banner">${options([["true", "App shows a banner"], ["false", "EHR shows the banner"]], "true")}</select>
<label for="style">Style</label><select id="style" name="style">${options([["light", "Light"], ["dark", "Dark"], ["high-contrast", "High contrast"], ["none", "None"], ["hostile-css", "Hostile: values that try to inject CSS or script"], ["hostile-huge", "Hostile: a 1 MB document"], ["hostile-not-json", "Hostile: not JSON"]], "light")}</select>
<label for="encounter">Encounter</label><select id="encounter" name="encounter">${options([["", "None"], ["latest", "The patient's latest encounter"]], "")}</select>
<label for="lifetime">Token lifetime (seconds)</label><input id="lifetime" name="lifetime" type="number" min="1" max="${MAX_LIFETIME}" placeholder="3600">
<label for="max_count">Largest search page (results)</label><input id="max_count" name="max_count" type="number" min="1" max="${MAX_COUNT}" placeholder="${MAX_COUNT}">
<label for="server">Server</label><select id="server" name="server">${servers}</select>
<label for="error">Simulated error</label><select id="error" name="error">${errors}</select>
</fieldset>
<table class="patients"><caption>${shown.length} of ${input.patients.length} patients</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Id</th><th scope="col">Born</th><th scope="col">Sex</th><th scope="col">Observations</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>
${rows}
</tbody></table>
</form>
</main>`,
  );
}

export function framePage(input: { readonly patientName: string; readonly launchUrl: string }): string {
  return layout(
    `${input.patientName} · Sandbox EHR`,
    `<header class="ehr-bar"><a href="/">Sandbox EHR</a><span>Patient: <strong>${escapeHtml(input.patientName)}</strong></span></header>
<main class="ehr-frame"><iframe title="Lab graph app" src="${escapeHtml(input.launchUrl)}"></iframe></main>`,
  );
}

export function errorPage(title: string, message: string): string {
  return layout(title, `<main class="narrow"><h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p><p><a href="/">Back to the patient list</a></p></main>`);
}

export const EHR_CSS = `
:root { font-family: system-ui, sans-serif; color: #1b1f24; background: #f6f7f9; }
body { margin: 0; }
.ehr-bar { display: flex; gap: 1.5rem; align-items: baseline; flex-wrap: wrap; padding: .6rem 1rem; background: #16325c; color: #fff; }
.ehr-bar a { color: #fff; }
main { padding: 1rem; }
main.narrow { max-width: 40rem; margin: 0 auto; }
table.patients { border-collapse: collapse; width: 100%; background: #fff; }
table.patients caption { text-align: left; padding: .4rem 0; color: #444; }
table.patients th, table.patients td { border-bottom: 1px solid #d5d9e0; padding: .45rem .6rem; text-align: left; vertical-align: middle; }
td.actions { white-space: nowrap; }
button { font: inherit; padding: .3rem .7rem; border-radius: 4px; border: 1px solid #16325c; background: #fff; color: #16325c; cursor: pointer; }
button[type=submit]:first-child { background: #16325c; color: #fff; }
.launch-options { display: grid; grid-template-columns: max-content 1fr; gap: .4rem .8rem; margin-bottom: 1rem; border: 1px solid #d5d9e0; background: #fff; }
.search { display: flex; gap: .5rem; align-items: center; margin-bottom: 1rem; }
ul.patients { list-style: none; padding: 0; display: grid; gap: .5rem; }
ul.patients li { display: flex; gap: .8rem; align-items: center; }
ul.patients button { flex: 1; text-align: left; padding: .6rem; }
.ehr-frame { padding: 0; }
.ehr-frame iframe { border: 0; width: 100%; height: calc(100vh - 2.6rem); display: block; background: #fff; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
[role=alert] { color: #a4262c; font-weight: 600; }
.open-warning { background: #ffd166; color: #1b1f24; padding: 0 .4rem; border-radius: 3px; }
pre { background: #fff; border: 1px solid #d5d9e0; padding: .6rem; overflow-x: auto; }
textarea { width: 100%; font-family: monospace; }
`;
