/**
 * Who may call the sandbox, over HTTP (guard.ts): the routes that give out tokens, data or clients answer
 * browsers only from the sandbox's own origin or a loopback app, preflights included; requests without an
 * Origin header work as before; the debug mint takes only JSON; a Host the sandbox does not own is refused.
 * Requests go through node:http, which sends the Origin and Host headers exactly as given.
 */
import { request, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { SEED_REDIRECT_URI } from "../src/auth/clients.ts";
import type { Sandbox } from "../src/sandbox.ts";
import { useSandbox } from "./useSandbox.ts";

const sandbox = useSandbox();

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  json(): Record<string, unknown>;
}

const portOf = (s: Sandbox) => (s.server.address() as AddressInfo).port;

function send(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers: body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

const JSON_HEADERS = { "content-type": "application/json" };

/** Each guarded route as a script or an allowed page calls it, and the status it answers then. */
interface GuardedRoute {
  readonly name: string;
  readonly method: string;
  readonly path: () => string;
  readonly headers: Record<string, string>;
  readonly body?: () => string;
  readonly ok: number;
}

let clients = 0;
const GUARDED: readonly GuardedRoute[] = [
  {
    name: "the debug mint",
    method: "POST",
    path: () => "/auth/debug/token",
    headers: JSON_HEADERS,
    body: () => JSON.stringify({ client_id: "lab-graph", scope: "patient/*.rs", patient_id: "hba1c-long" }),
    ok: 200,
  },
  { name: "the debug inspection", method: "GET", path: () => "/auth/debug/introspect?token=nope", headers: {}, ok: 200 },
  { name: "the v1 server's debug mint", method: "POST", path: () => "/v1/auth/debug/token", headers: JSON_HEADERS, body: () => JSON.stringify({ client_id: "lab-graph", scope: "patient/Patient.read", patient_id: "hba1c-long" }), ok: 200 },
  { name: "the token debugger page", method: "POST", path: () => "/debug", headers: { "content-type": "application/x-www-form-urlencoded" }, body: () => "token=nope", ok: 200 },
  { name: "the foreign listener's record", method: "GET", path: () => "/debug/foreign-requests", headers: {}, ok: 200 },
  { name: "the open FHIR endpoint", method: "GET", path: () => "/open-fhir/Patient/hba1c-long", headers: {}, ok: 200 },
  {
    name: "PUT /Client",
    method: "PUT",
    path: () => `/Client/guarded-${++clients}`,
    headers: JSON_HEADERS,
    body: () => JSON.stringify({ resourceType: "Client", auth: { authorization_code: { redirect_uri: SEED_REDIRECT_URI } } }),
    ok: 201,
  },
  {
    name: "POST /rpc",
    method: "POST",
    path: () => "/rpc",
    headers: JSON_HEADERS,
    body: () => JSON.stringify({ method: "aidbox.smart/get-launch-uri", params: { user: "prac-1", iss: sandbox.fhirBase, client: "lab-graph", ctx: { patient: "hba1c-long" } } }),
    ok: 200,
  },
  {
    name: "dynamic registration",
    method: "POST",
    path: () => "/auth/register",
    headers: JSON_HEADERS,
    body: () => JSON.stringify({ client_name: "guarded", redirect_uris: [SEED_REDIRECT_URI], token_endpoint_auth_method: "none" }),
    ok: 201,
  },
];

const call = (route: GuardedRoute, headers: Record<string, string> = {}) =>
  send(portOf(sandbox), route.method, route.path(), { ...route.headers, ...headers }, route.body?.());

const preflight = (route: GuardedRoute, origin: string) =>
  send(portOf(sandbox), "OPTIONS", route.path(), { origin, "access-control-request-method": route.method, "access-control-request-headers": "content-type" });

const FOREIGN = "https://attacker.example";

describe("a page on another origin", () => {
  it.each(GUARDED.map((r) => [r.name, r] as const))("is refused %s with a 403 that says why, and no CORS header", async (_, route) => {
    const answer = await call(route, { origin: FOREIGN });
    expect(answer.status).toBe(403);
    expect(answer.json()).toMatchObject({ error: "origin_not_allowed", error_description: expect.stringContaining(FOREIGN) });
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
    expect(answer.headers.vary).toContain("Origin");
  });

  it.each(GUARDED.map((r) => [r.name, r] as const))("is refused the preflight of %s", async (_, route) => {
    const answer = await preflight(route, FOREIGN);
    expect(answer.status).toBe(403);
    expect(answer.json()).toMatchObject({ error: "origin_not_allowed" });
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
    expect(answer.headers["access-control-allow-methods"]).toBeUndefined();
  });

  it.each([
    "null",
    "http://localhost.attacker.example:5173",
    "http://127.0.0.1.nip.io:4400",
    "https://localhost:5173",
    "http://localhost:5173/",
    "http://user@localhost:5173",
    "file://",
  ])("%s is not a loopback app", async (origin) => {
    const answer = await call(GUARDED[0]!, { origin });
    expect(answer.status).toBe(403);
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("a null origin is refused unless the browser says the request came from the sandbox itself", async () => {
    for (const site of [undefined, "cross-site", "same-site", "none"]) {
      const answer = await call(GUARDED[3]!, { origin: "null", ...(site ? { "sec-fetch-site": site } : {}) });
      expect(answer.status, site).toBe(403);
    }
  });

  it("creates nothing: a refused PUT /Client leaves no client behind", async () => {
    const answer = await send(portOf(sandbox), "PUT", "/Client/refused-client", { ...JSON_HEADERS, origin: FOREIGN }, JSON.stringify({ auth: { authorization_code: { redirect_uri: SEED_REDIRECT_URI } } }));
    expect(answer.status).toBe(403);
    expect(await sandbox.auth.hasClient("refused-client")).toBe(false);
  });

  it.each([
    ["dot segments", "/fhir/../open-fhir/Patient/hba1c-long", "GET"],
    ["encoded dot segments", "/fhir/%2e%2e/open-fhir/Patient/hba1c-long", "GET"],
    ["another case, as oidc-provider's routes match", "/auth/REGISTER", "POST"],
    ["a trailing slash", "/auth/register/", "POST"],
    ["dot segments into the mint", "/auth/x/../debug/token", "POST"],
  ])("is refused a guarded route reached through %s", async (_, path, method) => {
    const answer = await send(portOf(sandbox), method, path, { ...JSON_HEADERS, origin: FOREIGN }, method === "POST" ? "{}" : undefined);
    expect(answer.status).toBe(403);
  });

  it("still reads discovery and reaches the FHIR API and its preflight with `*`: any app may be launched", async () => {
    const discovery = await send(portOf(sandbox), "GET", "/fhir/.well-known/smart-configuration", { origin: FOREIGN });
    expect(discovery.status).toBe(200);
    expect(discovery.headers["access-control-allow-origin"]).toBe("*");
    const fhir = await send(portOf(sandbox), "GET", "/fhir/Patient/hba1c-long", { origin: FOREIGN });
    expect(fhir.status).toBe(401);
    expect(fhir.headers["access-control-allow-origin"]).toBe("*");
    const options = await send(portOf(sandbox), "OPTIONS", "/fhir/Observation", { origin: FOREIGN, "access-control-request-method": "GET", "access-control-request-headers": "authorization" });
    expect(options.status).toBe(204);
    expect(options.headers["access-control-allow-origin"]).toBe("*");
    const style = await send(portOf(sandbox), "GET", "/styles/light.json", { origin: FOREIGN });
    expect(style.headers["access-control-allow-origin"]).toBe("*");
  });
});

describe("the sandbox's own origin and loopback apps", () => {
  const allowed = () => [sandbox.origin, "http://localhost:5173", "http://127.0.0.1:9999", "http://[::1]:3000", "http://localhost"];

  it.each(GUARDED.map((r) => [r.name, r] as const))("are answered %s, their origin echoed, never `*`", async (_, route) => {
    for (const origin of allowed()) {
      const answer = await call(route, { origin });
      expect(answer.status, `${origin}: ${answer.text.slice(0, 200)}`).toBe(route.ok);
      expect(answer.headers["access-control-allow-origin"], origin).toBe(origin);
      expect(answer.headers.vary, origin).toContain("Origin");
    }
  });

  it.each(GUARDED.map((r) => [r.name, r] as const))("pass the preflight of %s", async (_, route) => {
    for (const origin of allowed()) {
      const answer = await preflight(route, origin);
      expect(answer.status, origin).toBe(204);
      expect(answer.headers["access-control-allow-origin"], origin).toBe(origin);
      expect(answer.headers["access-control-allow-methods"], origin).toContain(route.method);
      expect(String(answer.headers["access-control-allow-headers"]).toLowerCase(), origin).toContain("content-type");
      expect(answer.headers.vary, origin).toContain("Origin");
    }
  });

  it("a form on the sandbox's own page is served: it posts with Origin null (no-referrer) and Sec-Fetch-Site same-origin", async () => {
    const answer = await call(GUARDED[3]!, { origin: "null", "sec-fetch-site": "same-origin" });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain("Token debugger");
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("get the origin echoed on errors too", async () => {
    const missing = await send(portOf(sandbox), "GET", "/open-fhir/Patient/nobody", { origin: "http://localhost:5173" });
    expect(missing.status).toBe(404);
    expect(missing.headers["access-control-allow-origin"]).toBe("http://localhost:5173");
    const badRpc = await send(portOf(sandbox), "POST", "/rpc", { ...JSON_HEADERS, origin: "http://localhost:5173" }, '{"method": "nope"}');
    expect(badRpc.status).toBe(400);
    expect(badRpc.headers["access-control-allow-origin"]).toBe("http://localhost:5173");
  });
});

describe("requests without an Origin header (scripts, tests, seeds)", () => {
  it.each(GUARDED.map((r) => [r.name, r] as const))("are answered %s as before, without a CORS header", async (_, route) => {
    const answer = await call(route);
    expect(answer.status, answer.text.slice(0, 200)).toBe(route.ok);
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("the debug mint's content type", () => {
  it.each([["text/plain", "text/plain;charset=UTF-8"], ["a form", "application/x-www-form-urlencoded"], ["multipart", "multipart/form-data; boundary=x"]])(
    "%s is refused with 415, which names JSON",
    async (_, type) => {
      const asked: Record<string, string>[] = [{}, { origin: "http://localhost:5173" }];
      for (const headers of asked) {
        const answer = await send(portOf(sandbox), "POST", "/auth/debug/token", { "content-type": type, ...headers }, JSON.stringify({ client_id: "lab-graph", scope: "patient/*.rs" }));
        expect(answer.status).toBe(415);
        expect(answer.json()).toMatchObject({ error: "invalid_request", error_description: expect.stringContaining("application/json") });
        expect(answer.json().access_token).toBeUndefined();
      }
    },
  );

  it("no content type is refused too", async () => {
    const answer = await send(portOf(sandbox), "POST", "/auth/debug/token", {}, JSON.stringify({ client_id: "lab-graph", scope: "patient/*.rs" }));
    expect(answer.status).toBe(415);
  });
});

describe("the Host header", () => {
  it.each([
    ["a rebinding name on the sandbox's port", (port: number) => `attacker.example:${port}`],
    ["a rebinding name without a port", () => "attacker.example"],
    ["a name that merely starts with 127.0.0.1", (port: number) => `127.0.0.1.nip.io:${port}`],
    ["a loopback name on another port", () => "localhost:1"],
    ["an IPv4 form the sandbox does not use", (port: number) => `0.0.0.0:${port}`],
  ])("%s is refused with 421, naming the Host seen and those accepted", async (_, host) => {
    const port = portOf(sandbox);
    for (const path of ["/fhir/metadata", "/fhir/Patient/hba1c-long", "/auth/.well-known/openid-configuration", "/open-fhir/Patient/hba1c-long", "/"]) {
      const answer = await send(port, "GET", path, { host: host(port) });
      expect(answer.status, path).toBe(421);
      const body = answer.json();
      expect(body).toMatchObject({ error: "misdirected_request", host: host(port), accepted_hosts: expect.arrayContaining([`127.0.0.1:${port}`, `localhost:${port}`]) });
      expect(body.error_description).toContain(host(port));
      expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
    }
  });

  it("a token request under a rebinding name is refused before it reaches the authorization server", async () => {
    const port = portOf(sandbox);
    const answer = await send(port, "POST", "/auth/token", { host: `attacker.example:${port}`, "content-type": "application/x-www-form-urlencoded" }, "grant_type=refresh_token&refresh_token=x&client_id=lab-graph");
    expect(answer.status).toBe(421);
  });

  it("the sandbox's own names are accepted, in any case", async () => {
    const port = portOf(sandbox);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`]) {
      expect((await send(port, "GET", "/fhir/metadata", { host })).status, host).toBe(200);
    }
  });
});

describe("the Host header behind a proxy (publicOrigin)", () => {
  const proxied = useSandbox({ publicOrigin: "http://sandbox.test:8080" });
  const published = useSandbox({ publicOrigin: "https://ehr.example.org" });

  it("accepts the public origin's host and the loopback names, and nothing else", async () => {
    const port = portOf(proxied);
    for (const host of ["sandbox.test:8080", `127.0.0.1:${port}`, `localhost:${port}`]) {
      expect((await send(port, "GET", "/fhir/metadata", { host })).status, host).toBe(200);
    }
    for (const host of ["sandbox.test", "sandbox.test:8081", "attacker.example:8080"]) {
      expect((await send(port, "GET", "/fhir/metadata", { host })).status, host).toBe(421);
    }
  });

  it("accepts a public origin's host with or without its default port", async () => {
    const port = portOf(published);
    for (const host of ["ehr.example.org", "ehr.example.org:443"]) {
      expect((await send(port, "GET", "/fhir/metadata", { host })).status, host).toBe(200);
    }
    expect((await send(port, "GET", "/fhir/metadata", { host: "ehr.example.org:80" })).status).toBe(421);
  });

  it("takes the public origin as its own origin on guarded routes", async () => {
    const answer = await send(portOf(proxied), "GET", "/open-fhir/Patient/hba1c-long", { host: "sandbox.test:8080", origin: "http://sandbox.test:8080" });
    expect(answer.status).toBe(200);
    expect(answer.headers["access-control-allow-origin"]).toBe("http://sandbox.test:8080");
  });
});

describe("the foreign-origin listener", () => {
  it("answers its own names and records them; refuses and does not record a rebinding name", async () => {
    const { port } = new URL(sandbox.foreign.origin);
    const before = sandbox.foreign.requests.length;
    const refused = await send(Number(port), "GET", "/fhir/Observation?rebound=1", { host: `attacker.example:${port}` });
    expect(refused.status).toBe(421);
    expect(refused.json()).toMatchObject({ error: "misdirected_request", host: `attacker.example:${port}` });
    expect(sandbox.foreign.requests.length).toBe(before);
    const answered = await send(Number(port), "GET", "/fhir/Observation?own=1", { origin: FOREIGN });
    expect(answered.status).toBe(200);
    expect(answered.headers["access-control-allow-origin"]).toBe("*");
    expect(sandbox.foreign.requests.at(-1)?.url).toBe("/fhir/Observation?own=1");
  });
});
