/** The launch page refuses what it must not act on — hostile or broken launch links — before any request or navigation. */
import { test, expect, APP, APP_LAUNCH, SANDBOX } from "./fixtures";

const cases: [string, string, string][] = [
  ["a javascript: iss", `iss=${encodeURIComponent("javascript:alert(document.domain)")}&launch=abc`, 'must start with https:// (it uses "javascript:")'],
  ["a malformed iss", "iss=not%20a%20url&launch=abc", "is not a valid URL"],
  ["an iss with credentials", `iss=${encodeURIComponent(`${SANDBOX.replace("//", "//me:pw@")}/fhir`)}&launch=abc`, "must not contain a user name or password"],
  ["fhirclient's fhirServiceUrl override", `iss=${encodeURIComponent(`${SANDBOX}/fhir`)}&launch=abc&fhirServiceUrl=${encodeURIComponent("https://evil.example/fhir")}`, '"fhirServiceUrl"'],
  ["a clientId override", `iss=${encodeURIComponent(`${SANDBOX}/fhir`)}&launch=abc&clientId=other-app`, '"clientId"'],
  ["a patientId override", `iss=${encodeURIComponent(`${SANDBOX}/fhir`)}&launch=abc&patientId=no-labs`, '"patientId"'],
  ["a launch without iss", "launch=abc", "the launch link has no iss"],
  ["an empty iss", "iss=&launch=abc", "the launch link has no iss"],
  ["a data: iss", `iss=${encodeURIComponent("data:text/html,<script>alert(1)</script>")}&launch=abc`, 'must start with https:// (it uses "data:")'],
  ["an iss with a fragment", `iss=${encodeURIComponent(`${SANDBOX}/fhir#x`)}&launch=abc`, "must not contain a fragment"],
  ["an iss that extends an allowed one", `iss=${encodeURIComponent(`${SANDBOX}/fhirx`)}&launch=abc`, `not set up to connect to ${SANDBOX}/fhirx`],
  ["a look-alike host", `iss=${encodeURIComponent("https://launch.example.org.evil.test/")}&launch=abc`, "not set up to connect to https://launch.example.org.evil.test/"],
  ["a launch of 10 000 characters", `iss=${encodeURIComponent(`${SANDBOX}/fhir`)}&launch=${"x".repeat(10_000)}`, "is 10,000 characters long"],
];

for (const [name, query, message] of cases) {
  test(`refuses ${name} with an alert, and goes nowhere`, async ({ page, requests }) => {
    await page.goto(`${APP_LAUNCH}?${query}`);
    await expect(page.getByRole("alert")).toContainText(message);
    await expect(page.getByRole("status")).toHaveText("The app could not start.");
    expect(new URL(page.url()).origin).toBe(APP);
    expect(requests.filter((r) => !r.url.startsWith(APP))).toEqual([]);
  });
}
