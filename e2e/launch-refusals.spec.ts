/** The launch page refuses what it must not act on, before any request or navigation. */
import { test, expect, APP, APP_LAUNCH } from "./fixtures";

const cases: [string, string, string][] = [
  ["a javascript: iss", `iss=${encodeURIComponent("javascript:alert(document.domain)")}&launch=abc`, 'must start with https:// (it uses "javascript:")'],
  ["a malformed iss", "iss=not%20a%20url&launch=abc", "is not a valid URL"],
  ["an iss with credentials", `iss=${encodeURIComponent("http://me:pw@127.0.0.1:4400/fhir")}&launch=abc`, "must not contain a user name or password"],
  ["fhirclient's fhirServiceUrl override", `iss=${encodeURIComponent("http://127.0.0.1:4400/fhir")}&launch=abc&fhirServiceUrl=${encodeURIComponent("https://evil.example/fhir")}`, '"fhirServiceUrl"'],
  ["a clientId override", `iss=${encodeURIComponent("http://127.0.0.1:4400/fhir")}&launch=abc&clientId=other-app`, '"clientId"'],
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
