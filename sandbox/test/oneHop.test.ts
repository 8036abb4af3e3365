/** Which redirects the authorization server follows itself for an EHR launch, and in-memory answers. */
import { IncomingMessage, type ServerResponse } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { ownStep } from "../src/auth/oneHop.ts";
import { answerInMemory, sendHtml, type Answer } from "../src/http.ts";

function request(headers: Record<string, string>): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  req.headers = headers;
  return req;
}

const redirect = (location: string, status = 303): Answer => ({ status, headers: { location }, body: Buffer.alloc(0) });
const req = request({ host: "127.0.0.1:4400" });

describe("ownStep", () => {
  it("follows the interaction and resume steps under the mount path, relative or on the request's own host", () => {
    expect(ownStep(redirect("/auth/interaction/AbC-12_x"), req, "/auth")).toEqual({ kind: "interaction", path: "/auth/interaction/AbC-12_x" });
    expect(ownStep(redirect("http://127.0.0.1:4400/auth/authorize/AbC-12_x"), req, "/auth")).toEqual({ kind: "resume", path: "/auth/authorize/AbC-12_x" });
    expect(ownStep(redirect("/epic/auth/authorize/u1", 302), req, "/epic/auth")).toEqual({ kind: "resume", path: "/epic/auth/authorize/u1" });
    expect(ownStep(redirect("http://proxy.test/auth/authorize/u1"), request({ host: "127.0.0.1:4400", "x-forwarded-host": "proxy.test" }), "/auth")).toEqual({ kind: "resume", path: "/auth/authorize/u1" });
  });

  it("never follows anything else: the app's redirect, another host, another mount, a query, or no redirect", () => {
    expect(ownStep(redirect("http://localhost:5173/index.html?code=c&state=s"), req, "/auth")).toBeNull();
    expect(ownStep(redirect("http://evil.test/auth/authorize/u1"), req, "/auth")).toBeNull();
    expect(ownStep(redirect("http://127.0.0.1:4401/auth/authorize/u1"), req, "/auth")).toBeNull();
    expect(ownStep(redirect("/other/auth/authorize/u1"), req, "/auth")).toBeNull();
    expect(ownStep(redirect("/auth/authorize"), req, "/auth")).toBeNull();
    expect(ownStep(redirect("/auth/authorize/u1?next=1"), req, "/auth")).toBeNull();
    expect(ownStep(redirect("/auth/interaction/../token"), req, "/auth")).toBeNull();
    expect(ownStep({ status: 200, headers: { location: "/auth/authorize/u1" }, body: Buffer.alloc(0) }, req, "/auth")).toBeNull();
  });
});

describe("answerInMemory", () => {
  it("keeps the status, the headers given to writeHead or setHeader, and the body", async () => {
    const answer = await answerInMemory(request({ host: "h" }), (_req, res: ServerResponse) => {
      res.setHeader("Set-Cookie", ["a=1; path=/"]);
      sendHtml(res, 400, "<p>refused</p>");
    });
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(answer.headers["set-cookie"]).toEqual(["a=1; path=/"]);
    expect(answer.body.toString()).toBe("<p>refused</p>");
  });

  it("rejects when the handler fails before answering", async () => {
    await expect(answerInMemory(request({}), async () => Promise.reject(new Error("broken")))).rejects.toThrow("broken");
  });
});
