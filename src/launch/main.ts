/**
 * The launch page (launch.html): EHR launch (`?iss=…&launch=…`), or with no parameters a standalone landing
 * page listing the configured servers. Plain DOM, no React: it only decides and redirects.
 */
import "./launch.css";
import { loadConfig, serverFor, type AppConfig, type ServerConfig } from "../config/config";
import { canonicalBase, checkIss } from "../config/allowList";
import { planLaunch } from "./plan";
import { sessionStorageAvailable, STORAGE_BLOCKED_MESSAGE } from "../fhir/storage";
import { startAuthorization } from "../fhir/authorize";

const root = document.getElementById("launch") as HTMLElement;
const status = document.getElementById("launch-status") as HTMLElement;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

function showAlert(message: string, ...actions: Node[]): void {
  document.getElementById("launch-alert")?.remove();
  status.textContent = "The app could not start.";
  const alert = element("div", { id: "launch-alert", className: "alert" }, element("p", { textContent: message }), ...actions);
  alert.setAttribute("role", "alert");
  root.append(alert);
}

function openInNewWindowButton(): HTMLButtonElement {
  const button = element("button", { type: "button", textContent: "Open in a new window" });
  button.addEventListener("click", () => window.open(window.location.href, "_blank", "noopener"));
  return button;
}

async function authorize(kind: "ehr" | "standalone", iss: string, server: ServerConfig | undefined, config: AppConfig, launch?: string): Promise<void> {
  const launchUrl = new URL(window.location.pathname, window.location.href);
  launchUrl.searchParams.set("iss", iss);
  if (launch) launchUrl.searchParams.set("launch", launch);
  status.textContent = kind === "ehr" ? "Connecting to your EHR…" : `Connecting to ${server?.name ?? iss}…`;
  try {
    await startAuthorization({
      kind,
      iss,
      launch,
      clientId: server?.clientId ?? config.clientId,
      scopeTemplate: config.scope,
      pkceMode: server?.pkceMode ?? "required",
      observationCategory: server?.observationCategory ?? null,
      launchUrl: launchUrl.href,
      paging: config.paging,
      labs: config.labs,
    });
  } catch (error) {
    showAlert(error instanceof Error ? error.message : String(error));
  }
}

function showLanding(config: AppConfig): void {
  status.textContent = "Choose where your health record is.";
  const servers = config.servers.filter((s) => s.standalone);
  const list = element(
    "ul",
    { className: "servers" },
    ...servers.map((server, i) => {
      const button = element("button", { type: "button", textContent: server.name ?? server.iss });
      button.addEventListener("click", () => void authorize("standalone", server.iss, server, config));
      if (!server.description) return element("li", {}, button);
      const description = element("p", { id: `server-${i}`, className: "server-note", textContent: server.description });
      button.setAttribute("aria-describedby", description.id);
      return element("li", {}, button, description);
    }),
  );
  const input = element("input", { id: "fhir-base", type: "url", name: "iss", placeholder: "https://…/fhir", required: true });
  const form = element(
    "form",
    { className: "other-server" },
    element("label", { htmlFor: "fhir-base", textContent: "Another FHIR server address" }),
    input,
    element("button", { type: "submit", textContent: "Connect" }),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const checked = checkIss(input.value, config.issAllowList);
    if (!checked.ok) return showAlert(checked.reason);
    const iss = canonicalBase(checked.url);
    void authorize("standalone", iss, serverFor(config, checked.url), config);
  });
  // What an EHR administrator registers: this copy's own addresses, wherever it is hosted.
  const here = (page: string) => new URL(page, window.location.href).href;
  const registration = element(
    "details",
    { className: "registration" },
    element("summary", { textContent: "Registering this app with an EHR" }),
    element(
      "dl",
      {},
      ...(
        [
          ["Launch URL", here("launch.html")],
          ["Redirect URI", here("index.html")],
          ["Client", `${config.clientId} (public: no secret, PKCE S256)`],
          ["Scopes", `${config.scope} launch (or launch/patient)`],
        ] as const
      ).flatMap(([term, value]) => [element("dt", { textContent: term }), element("dd", {}, element("code", { textContent: value }))]),
    ),
  );
  root.append(
    element("section", { className: "landing" }, element("h2", { textContent: "Sign in to your health record" }), list, form, registration),
  );
}

async function main(): Promise<void> {
  if (!sessionStorageAvailable()) return showAlert(STORAGE_BLOCKED_MESSAGE, openInNewWindowButton());
  let config: AppConfig;
  try {
    config = await loadConfig();
  } catch (error) {
    return showAlert(error instanceof Error ? error.message : String(error));
  }
  const plan = planLaunch(new URLSearchParams(window.location.search), config);
  switch (plan.kind) {
    case "refused":
      return showAlert(plan.message);
    case "landing":
      return showLanding(config);
    case "standalone":
      return authorize("standalone", plan.iss, plan.server, config);
    case "ehr":
      return authorize("ehr", plan.iss, plan.server, config, plan.launch);
  }
}

void main();
