/**
 * EHR launches: in the EHR's frame, in a new window, and two launches in one tab — through the default FHIR base
 * and through each EHR profile (`/epic/fhir`, `/oracle/fhir`: their documented habits, README "EHR profiles").
 */
import { test, expect, SANDBOX, APP_LAUNCH, launchFromEhr } from "./fixtures";

const SERVERS = [
  { server: "main", path: "/fhir" },
  { server: "epic", path: "/epic/fhir" },
  { server: "oracle", path: "/oracle/fhir" },
] as const;

for (const { server, path } of SERVERS) {
  test.describe(`through ${server === "main" ? "the default base" : `the ${server} profile`} (${path})`, () => {
    test("EHR launch in the EHR's frame: the chart, who is signed in, and the encounter", async ({ page }) => {
      const params = new URLSearchParams({ app: APP_LAUNCH, patient: "single-result", practitioner: "prac-2", encounter: "latest", server });
      await page.goto(`${SANDBOX}/ehr?${params}`);
      const app = page.frameLocator('iframe[title="Lab graph app"]');
      await expect(app.getByRole("status")).toHaveText("Loaded 1 results");
      await expect(app.getByText("Signed in as Dr. Samuel Okafor")).toBeVisible();
      await expect(app.getByText(/^Encounter \S+$/)).toBeVisible();
      await expect(app.getByRole("region", { name: "Patient", exact: true })).toContainText("Grace Adaeze Okonkwo");
    });

    test("EHR launch in a new window: the app signs in and charts there", async ({ page, context }) => {
      await page.goto(`${SANDBOX}/`);
      await page.getByLabel("Server", { exact: true }).selectOption(server);
      const opened = context.waitForEvent("page");
      await page.getByRole("row", { name: /Amelia Jane Rhodes/ }).getByRole("button", { name: "New window" }).click();
      const app = await opened;
      await expect(app.getByRole("status")).toHaveText("Loaded 136 results");
      await expect(app.getByText("Signed in as Dr. Priya Natarajan")).toBeVisible();
      expect(new URL(app.url()).search).toBe("");
      await expect(page.getByRole("heading", { name: "Patients" })).toBeVisible();
    });

    test("two launches in one tab: the later replaces the earlier's stored sign-in, and a reload never shows the other patient", async ({ page }) => {
      await page.goto(`${SANDBOX}/`);
      const frame = async (name: string, patient: string) => {
        await page.evaluate(
          ({ name, src }) => {
            const iframe = document.createElement("iframe");
            iframe.title = name;
            iframe.src = src;
            iframe.style.cssText = "width: 900px; height: 600px";
            document.body.append(iframe);
          },
          { name, src: `/launch?${new URLSearchParams({ app: APP_LAUNCH, patient, server })}` },
        );
        return page.frameLocator(`iframe[title="${name}"]`);
      };
      const first = await frame("first", "hba1c-long");
      await expect(first.getByRole("status")).toHaveText("Loaded 136 results");
      const second = await frame("second", "no-labs");
      await expect(second.getByRole("status")).toHaveText("Loaded 0 results");
      await expect(second.getByRole("region", { name: "Patient", exact: true })).toContainText("Jonah Whitfield");

      await first.locator("body").evaluate(() => window.location.reload());
      await expect(first.getByRole("alert")).toContainText("does not belong to this browser tab");
      await expect(first.getByText("Jonah Whitfield")).toHaveCount(0);
      await second.locator("body").evaluate(() => window.location.reload());
      await expect(second.getByRole("status")).toHaveText("Loaded 0 results");
      await expect(second.getByRole("region", { name: "Patient", exact: true })).toContainText("Jonah Whitfield");
    });

    test("an EHR that writes its FHIR base loosely (upper-case scheme and host, trailing slash): the app goes on with the base it checked, one discovery, and the server accepts it as the audience", async ({ page }) => {
      const discoveries: string[] = [];
      page.on("request", (r) => void (r.url().includes("/.well-known/smart-configuration") && discoveries.push(r.url())));
      const launched = await fetch(`${SANDBOX}/launch?${new URLSearchParams({ app: APP_LAUNCH, patient: "hba1c-long", server })}`, { redirect: "manual" });
      const url = new URL(launched.headers.get("location")!);
      const loose = url.searchParams.get("iss")!.replace(/^http:\/\/127\.0\.0\.1/, "HTTP://127.0.0.1").concat("/");
      url.searchParams.set("iss", loose);
      await page.goto(url.href);
      await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
      expect(discoveries).toEqual([`${SANDBOX}${path}/.well-known/smart-configuration`]);
    });
  });
}

test("a launch page that waits on a slow server shows that it is busy, then goes on", async ({ page }) => {
  // A slow discovery answer (held back 1.5 s on its way from the real sandbox): a delay, not a made-up answer.
  await page.route("**/.well-known/smart-configuration", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await launchFromEhr(page, "hba1c-long");
  const launch = page.locator("main#launch");
  await expect(launch).toBeVisible();
  await expect(launch).toHaveAttribute("aria-busy", "true");
  await expect(page.getByRole("heading", { name: "Lab graph", level: 1 })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
});
