/** The EHR profiles (`/epic/fhir`, `/oracle/fhir`): each documented habit, and the default base left as it was. */
import { describe, expect, it } from "vitest";
import { useSandbox } from "./useSandbox.ts";
import { TEST_REDIRECT, authorize, bearer, choosePatient, ehrLaunch, pkcePair, postForm } from "./client.ts";

const sandbox = useSandbox();

const V1_SCOPE = "launch openid fhirUser offline_access patient/Patient.read patient/Observation.read";
const V2_SCOPE = "launch openid fhirUser patient/Patient.rs patient/Observation.rs";
const HBA1C = "http://loinc.org|4548-4";

type Searchset = fhir4.Bundle & { entry?: fhir4.BundleEntry[] };

async function search(base: string, token: unknown, query: Record<string, string>): Promise<{ status: number; body: Searchset }> {
  const response = await fetch(`${base}/Observation?${new URLSearchParams(query)}`, bearer(token));
  return { status: response.status, body: (await response.json()) as Searchset };
}

const matches = (bundle: Searchset) => (bundle.entry ?? []).filter((e) => e.search?.mode === "match").map((e) => e.resource as fhir4.Observation);
const outcomes = (bundle: Searchset) => (bundle.entry ?? []).filter((e) => e.search?.mode === "outcome").map((e) => e.resource as fhir4.OperationOutcome);
const timeOf = (o: fhir4.Observation) => Date.parse(o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued ?? "");

function isSorted(times: readonly number[], order: "date" | "-date"): boolean {
  return times.every((t, i) => i === 0 || (order === "date" ? times[i - 1]! <= t : times[i - 1]! >= t));
}

describe("launching through a profile", () => {
  it("`server=epic` and `server=oracle` launch with that profile's FHIR base as iss; `fhir=` still works; two different names are refused", async () => {
    for (const server of ["epic", "oracle"]) {
      const response = await fetch(`${sandbox.origin}/launch?patient=hba1c-long&server=${server}`, { redirect: "manual" });
      expect(response.status).toBe(302);
      expect(new URL(response.headers.get("location") ?? "").searchParams.get("iss")).toBe(`${sandbox.origin}/${server}/fhir`);
    }
    const older = await fetch(`${sandbox.origin}/launch?patient=hba1c-long&fhir=oracle`, { redirect: "manual" });
    expect(new URL(older.headers.get("location") ?? "").searchParams.get("iss")).toBe(`${sandbox.origin}/oracle/fhir`);
    const both = await fetch(`${sandbox.origin}/launch?patient=hba1c-long&server=epic&fhir=oracle`, { redirect: "manual" });
    expect(both.status).toBe(400);
    expect(await both.text()).toContain("name different servers");
    const unknown = await fetch(`${sandbox.origin}/launch?patient=hba1c-long&server=cerner`, { redirect: "manual" });
    expect(unknown.status).toBe(400);
  });

  it("the EHR page offers both profiles in a control named Server", async () => {
    const html = await (await fetch(`${sandbox.origin}/`)).text();
    const select = /<label for="server">Server<\/label><select id="server" name="server">([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
    expect(select).toContain('value="epic"');
    expect(select).toContain('value="oracle"');
    expect(select).toContain(`${sandbox.origin}/epic/fhir`);
  });

  it("each profile has its own discovery, metadata and issuer; a token of one is refused by another", async () => {
    for (const server of ["epic", "oracle"]) {
      const base = `${sandbox.origin}/${server}/fhir`;
      const discovery = (await (await fetch(`${base}/.well-known/smart-configuration`)).json()) as { issuer: string; capabilities: string[] };
      expect(discovery.issuer).toBe(`${sandbox.origin}/${server}/auth`);
      const metadata = (await (await fetch(`${base}/metadata`)).json()) as fhir4.CapabilityStatement;
      expect(metadata.implementation?.url).toBe(base);
      expect(metadata.implementation?.description).toMatch(server === "epic" ? /Epic profile/ : /Oracle Health profile/);
    }
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long", server: "epic" }, V1_SCOPE);
    expect((await fetch(`${sandbox.origin}/oracle/fhir/Patient/hba1c-long`, bearer(token.access_token))).status).toBe(401);
    expect((await fetch(`${sandbox.fhirBase}/Patient/hba1c-long`, bearer(token.access_token))).status).toBe(401);
  });
});

describe("the Epic profile", () => {
  const base = () => `${sandbox.origin}/epic/fhir`;

  it("advertises SMART v1 only and grants the v1 `.read` scopes, not v2 ones", async () => {
    const discovery = (await (await fetch(`${base()}/.well-known/smart-configuration`)).json()) as { capabilities: string[] };
    expect(discovery.capabilities).toContain("permission-v1");
    expect(discovery.capabilities).not.toContain("permission-v2");
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long", server: "epic" }, `${V1_SCOPE} patient/Condition.rs`);
    expect(String(token.scope).split(" ")).toEqual(expect.arrayContaining(["patient/Patient.read", "patient/Observation.read"]));
    expect(String(token.scope)).not.toContain("patient/Condition.rs");
  });

  it("sends need_patient_banner as a string", async () => {
    const shown = await ehrLaunch(sandbox.origin, { patient: "hba1c-long", server: "epic" }, V1_SCOPE);
    expect(shown.token.need_patient_banner).toBe("true");
    const hidden = await ehrLaunch(sandbox.origin, { patient: "hba1c-long", server: "epic", banner: "false" }, V1_SCOPE);
    expect(hidden.token.need_patient_banner).toBe("false");
  });

  it("refuses an Observation search with neither code nor category (400), and serves one with either", async () => {
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long", server: "epic" }, V1_SCOPE);
    const bare = await search(base(), token.access_token, { patient: "hba1c-long" });
    expect(bare.status).toBe(400);
    expect(JSON.stringify(bare.body)).toContain("code or a category");
    expect((await search(base(), token.access_token, { patient: "hba1c-long", category: "laboratory" })).status).toBe(200);
    expect((await search(base(), token.access_token, { patient: "hba1c-long", code: HBA1C })).status).toBe(200);
  });

  it("puts Epic's message 4119 on every Observation page as an outcome entry, not counted as a result", async () => {
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long", server: "epic" }, V1_SCOPE);
    let page = (await search(base(), token.access_token, { patient: "hba1c-long", category: "laboratory", code: HBA1C, _count: "100" })).body;
    const total = page.total;
    let seen = 0;
    for (let pages = 0; ; pages++) {
      const notices = outcomes(page);
      expect(notices).toHaveLength(1);
      expect(notices[0]!.issue[0]!.details?.coding?.[0]?.code).toBe("4119");
      expect(notices[0]!.issue[0]!.severity).toBe("warning");
      seen += matches(page).length;
      const next = page.link?.find((l) => l.relation === "next")?.url;
      if (!next) break;
      expect(pages).toBeLessThan(5);
      page = (await (await fetch(next, bearer(token.access_token))).json()) as Searchset;
    }
    expect(seen).toBe(total);
    expect(total).toBe(140);
  });

  it("ignores `_sort` (any value, no 400) and sends results oldest first", async () => {
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long", server: "epic" }, V1_SCOPE);
    for (const sort of ["-date", "date", "bogus"]) {
      const { status, body } = await search(base(), token.access_token, { patient: "hba1c-long", category: "laboratory", code: HBA1C, _sort: sort, _count: "200" });
      expect(status).toBe(200);
      const times = matches(body).map(timeOf).filter((t) => !Number.isNaN(t));
      expect(times.length).toBeGreaterThan(100);
      expect(isSorted(times, "date")).toBe(true);
    }
  });
});

describe("the Oracle Health profile", () => {
  const base = () => `${sandbox.origin}/oracle/fhir`;

  it("sends results newest first by effective date whatever `_sort` says", async () => {
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long", server: "oracle" }, V2_SCOPE);
    for (const sort of ["date", "-date", "bogus"]) {
      const { status, body } = await search(base(), token.access_token, { patient: "hba1c-long", code: HBA1C, _sort: sort, _count: "200" });
      expect(status).toBe(200);
      const times = matches(body).map(timeOf).filter((t) => !Number.isNaN(t));
      expect(times.length).toBeGreaterThan(100);
      expect(isSorted(times, "-date")).toBe(true);
    }
  });

  it("pages 50 results by default and at most 200, and needs no category", async () => {
    const { token } = await ehrLaunch(sandbox.origin, { patient: "scale-10k", server: "oracle" }, V2_SCOPE);
    expect(matches((await search(base(), token.access_token, { patient: "scale-10k" })).body)).toHaveLength(50);
    const big = (await search(base(), token.access_token, { patient: "scale-10k", _count: "1000" })).body;
    expect(matches(big)).toHaveLength(200);
    expect(big.link?.some((l) => l.relation === "next")).toBe(true);
    expect(outcomes(big)).toEqual([]);
  });

  it("issues access tokens for 570 seconds unless the launch sets a lifetime", async () => {
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long", server: "oracle" }, V2_SCOPE);
    expect(token.expires_in).toBe(570);
    expect(token.need_patient_banner).toBe(true);
    const longer = await ehrLaunch(sandbox.origin, { patient: "hba1c-long", server: "oracle", lifetime: "3600" }, V2_SCOPE);
    expect(longer.token.expires_in).toBe(3600);
  });

  it("refuses offline_access to a practitioner's launch (no refresh token), gives a refresh token for online_access", async () => {
    const offline = await ehrLaunch(sandbox.origin, { patient: "hba1c-long", server: "oracle" }, `${V2_SCOPE} offline_access`);
    expect(String(offline.token.scope).split(" ")).not.toContain("offline_access");
    expect(offline.token.refresh_token).toBeUndefined();
    expect((await fetch(`${base()}/Patient/hba1c-long`, bearer(offline.token.access_token))).status).toBe(200);
    const online = await ehrLaunch(sandbox.origin, { patient: "hba1c-long", server: "oracle" }, `${V2_SCOPE} online_access`);
    expect(String(online.token.scope).split(" ")).toContain("online_access");
    const refreshed = await postForm(online.tokenEndpoint, { grant_type: "refresh_token", refresh_token: String(online.token.refresh_token), client_id: "lab-graph" });
    expect(refreshed.status).toBe(200);
  });

  it("grants offline_access to a patient (standalone launch): a refresh token", async () => {
    const { verifier, challenge } = pkcePair();
    const result = await authorize({
      authorizeUrl: `${sandbox.origin}/oracle/auth/authorize`,
      redirectUri: TEST_REDIRECT,
      answerPage: choosePatient("hba1c-long"),
      params: {
        response_type: "code",
        client_id: "lab-graph",
        scope: "launch/patient openid fhirUser offline_access patient/Observation.rs",
        redirect_uri: TEST_REDIRECT,
        aud: base(),
        state: "st",
        code_challenge: challenge,
        code_challenge_method: "S256",
      },
    });
    const token = await postForm(`${sandbox.origin}/oracle/auth/token`, { grant_type: "authorization_code", code: result.code ?? "", redirect_uri: TEST_REDIRECT, client_id: "lab-graph", code_verifier: verifier });
    expect(token.status).toBe(200);
    expect(String(token.body.scope).split(" ")).toContain("offline_access");
    expect(typeof token.body.refresh_token).toBe("string");
  });
});

describe("the default base is unchanged", () => {
  it("/fhir: a search without code or category works, an unknown `_sort` is a 400, no outcome entries, a boolean banner, offline_access granted", async () => {
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long" }, `${V2_SCOPE} offline_access`);
    expect(token.need_patient_banner).toBe(true);
    expect(token.expires_in).toBe(3600);
    expect(typeof token.refresh_token).toBe("string");
    const bare = await search(sandbox.fhirBase, token.access_token, { patient: "hba1c-long" });
    expect(bare.status).toBe(200);
    expect(outcomes(bare.body)).toEqual([]);
    expect((await search(sandbox.fhirBase, token.access_token, { patient: "hba1c-long", _sort: "bogus" })).status).toBe(400);
    const newest = matches((await search(sandbox.fhirBase, token.access_token, { patient: "hba1c-long", code: HBA1C, _sort: "-date", _count: "200" })).body).map(timeOf);
    expect(isSorted(newest.filter((t) => !Number.isNaN(t)), "-date")).toBe(true);
  });
});
