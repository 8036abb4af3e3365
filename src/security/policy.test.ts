import { afterEach, describe, expect, it } from "vitest";
import { enforcePolicy } from "./policy";

afterEach(() => {
  document.head.replaceChildren();
});

describe("enforcePolicy", () => {
  it("turns the page's inert policy into an http-equiv one, in the same place in <head>", () => {
    document.head.innerHTML = '<meta charset="utf-8"><meta name="content-security-policy" content="default-src \'self\'; connect-src \'self\' https://fhir.example"><title>x</title>';
    enforcePolicy();
    const metas = [...document.head.querySelectorAll("meta")];
    expect(metas.map((m) => m.getAttribute("http-equiv") ?? m.getAttribute("name") ?? "charset")).toEqual(["charset", "Content-Security-Policy"]);
    expect(metas[1]!.parentElement).toBe(document.head);
    expect(metas[1]!.content).toBe("default-src 'self'; connect-src 'self' https://fhir.example");
  });

  it("does nothing on a page without one (the development server), and nothing the second time", () => {
    document.head.innerHTML = "<title>x</title>";
    enforcePolicy();
    expect(document.head.innerHTML).toBe("<title>x</title>");
    document.head.innerHTML = '<meta name="content-security-policy" content="default-src \'self\'">';
    enforcePolicy();
    enforcePolicy();
    expect(document.head.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')).toHaveLength(1);
  });

  it("leaves a policy meta outside <head> alone: the browser would ignore it there", () => {
    document.body.innerHTML = '<meta name="content-security-policy" content="default-src \'self\'">';
    enforcePolicy();
    expect(document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')).toHaveLength(0);
    document.body.replaceChildren();
  });
});
