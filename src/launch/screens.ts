/**
 * What the launch page shows besides a redirect: the standalone landing and the failures, in the reader's language
 * (the kept choice, else the browser's). Loaded only when one is shown, with i18n and the `.launch` part of the
 * language's catalog: main.ts and an EHR launch that goes well carry no words.
 */
import { canonicalBase, checkIss } from "../config/allowList";
import { serverFor, type AppConfig, type ServerConfig } from "../config/config";
import { language, t } from "../i18n/i18n";
import { chooseAndKeep, LANGUAGES, showPreferredLanguage } from "../i18n/languages";
import { ConfigError } from "../config/file";
import { DiscoveryError } from "../fhir/discovery";
import { sayProblem, type Problem } from "./problems";
import { signIn } from "./signIn";
import "./launch.css";

/**
 * Why the app could not start: `"storage-blocked"`, a refused launch link or address (a `Problem`), or whatever was
 * thrown on the way (a `DiscoveryError` or `ConfigError` is said in the reader's language, another error as it is).
 */
export type Failure = unknown;

interface State {
  config?: AppConfig;
  landing: boolean;
  /** The server a standalone sign-in is connecting to. */
  connecting?: string;
  failure?: Failure;
  /** What the reader typed as another server's address (kept when the page is drawn again in another language). */
  address: string;
}
const state: State = { landing: false, address: "" };
const ready = showPreferredLanguage("launch") ?? Promise.resolve();

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

/** A language's name in itself ("English", "Español"). */
function nameOf(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: "language" }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

function languageControl(): HTMLLabelElement {
  const select = element(
    "select",
    { id: "language" },
    ...LANGUAGES.map((tag) => {
      const option = element("option", { value: tag, textContent: nameOf(tag), selected: tag === language() });
      option.lang = tag;
      return option;
    }),
  );
  select.addEventListener("change", () => {
    void chooseAndKeep(select.value, "launch").then(() => {
      draw();
      document.getElementById("language")?.focus();
    });
  });
  return element("label", { className: "language" }, element("span", { textContent: t("Language") }), select);
}

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && !(value instanceof Error) && typeof (value as Problem).why === "string";
}

function failureAlert(failure: Failure): HTMLElement {
  const alert = element("div", { id: "launch-alert", className: "alert" });
  alert.setAttribute("role", "alert");
  if (failure === "storage-blocked") {
    const button = element("button", { type: "button", textContent: t("Open in a new window") });
    button.addEventListener("click", () => window.open(window.location.href, "_blank", "noopener"));
    alert.append(
      element("p", {
        textContent: t(
          "This browser does not let the app keep its sign-in inside the EHR window (storage for embedded apps is blocked, for example by strict privacy settings). Open the app in its own window to continue.",
        ),
      }),
      button,
    );
  } else if (isProblem(failure) || failure instanceof DiscoveryError || failure instanceof ConfigError) {
    alert.append(element("p", { textContent: sayProblem(isProblem(failure) ? failure : failure.problem) }));
  } else {
    // Another library's words (fhirclient's): shown as they are, in English, and marked so.
    const text = element("p", { textContent: failure instanceof Error ? failure.message : String(failure) });
    if (!language().startsWith("en")) text.lang = "en";
    alert.append(text);
  }
  return alert;
}

function serverList(config: AppConfig): HTMLUListElement {
  return element(
    "ul",
    { className: "servers" },
    ...config.servers
      .filter((s) => s.standalone)
      .map((server, i) => {
        const button = element("button", { type: "button", textContent: server.name ?? server.iss });
        button.addEventListener("click", () => connect(server.iss, server, config));
        if (!server.description) return element("li", {}, button);
        const description = element("p", { id: `server-${i}`, className: "server-note", textContent: server.description });
        button.setAttribute("aria-describedby", description.id);
        return element("li", {}, button, description);
      }),
  );
}

function otherServer(config: AppConfig): HTMLFormElement {
  const input = element("input", { id: "fhir-base", type: "url", name: "iss", placeholder: "https://…/fhir", required: true, value: state.address });
  input.addEventListener("input", () => (state.address = input.value));
  const form = element(
    "form",
    { className: "other-server" },
    element("label", { htmlFor: "fhir-base", textContent: t("Another FHIR server address") }),
    input,
    element("button", { type: "submit", textContent: t("Connect") }),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const checked = checkIss(input.value, config.issAllowList);
    if (!checked.ok) return show({ failure: checked.reason });
    connect(canonicalBase(checked.url), serverFor(config, checked.url), config);
  });
  return form;
}

/** What an EHR administrator registers: this copy's own addresses, wherever it is hosted. */
function registration(config: AppConfig): HTMLDetailsElement {
  const here = (page: string) => new URL(page, window.location.href).href;
  const rows: [string, string][] = [
    [t("Launch URL"), here("launch.html")],
    [t("Redirect URI"), here("index.html")],
    [t("Client"), t("{client} (public: no secret, PKCE S256)", { client: config.clientId })],
    [t("Scopes"), t("{scope} launch (or launch/patient)", { scope: config.scope })],
  ];
  return element(
    "details",
    { className: "registration" },
    element("summary", { textContent: t("Registering this app with an EHR") }),
    element("dl", {}, ...rows.flatMap(([term, value]) => [element("dt", { textContent: term }), element("dd", {}, element("code", { textContent: value }))])),
  );
}

function connect(iss: string, server: ServerConfig | undefined, config: AppConfig): void {
  show({ connecting: server?.name ?? iss, failure: undefined });
  void signIn("standalone", iss, server, config);
}

function statusText(): string {
  const { landing, connecting, failure } = state;
  if (failure !== undefined) return t("The app could not start.");
  if (connecting) return t("Connecting to {server}…", { server: connecting });
  return landing ? t("Choose where your health record is.") : "";
}

/** Draws the whole page from `state` in the language shown (again when the reader chooses another). */
function draw(): void {
  const root = document.getElementById("launch") as HTMLElement;
  const { config, landing, failure } = state;
  document.title = t("Lab graph · Launch");
  const status = element("p", { id: "launch-status", textContent: statusText() });
  status.setAttribute("role", "status");
  const page: Node[] = [element("header", { className: "launch-header" }, element("h1", { textContent: t("Lab graph") }), languageControl()), status];
  if (landing && config) {
    page.push(element("section", { className: "landing" }, element("h2", { textContent: t("Sign in to your health record") }), serverList(config), otherServer(config), registration(config)));
  }
  if (failure !== undefined) page.push(failureAlert(failure));
  root.replaceChildren(...page);
  root.removeAttribute("aria-busy");
  root.hidden = false;
}

/** Changes what the page says: the status and the alert in place (the rest, and the reader's focus, stay). */
function show(change: Partial<State>): void {
  const first = !document.getElementById("launch-status")?.isConnected || !document.querySelector(".launch-header");
  Object.assign(state, change);
  if (first || change.landing) return draw();
  (document.getElementById("launch-status") as HTMLElement).textContent = statusText();
  document.getElementById("launch-alert")?.remove();
  if (state.failure !== undefined) document.getElementById("launch")?.append(failureAlert(state.failure));
}

/** The standalone landing: the configured servers, another server's address, and what to register. */
export async function showLanding(config: AppConfig): Promise<void> {
  await ready.catch(() => undefined);
  show({ config, landing: true });
}

/** Says why the app could not start, and what the reader can do. */
export async function showFailure(failure: Failure): Promise<void> {
  await ready.catch(() => undefined);
  show({ failure, connecting: undefined });
}
