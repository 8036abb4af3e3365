/**
 * Searchset Bundles and their page links: entries with absolute `fullUrl`s, and `self`/`next`/`previous`
 * links whose `_cursor` is signed (cursors.ts) and names the search type it belongs to, so a page
 * link is refused on another type's search or with other parameters.
 */
import { badRequest } from "./outcome.ts";
import type { ContextType } from "./contextSearch.ts";
import type { CursorCodec } from "./cursors.ts";
import type { ObservationQuery } from "./search.ts";

export type ListType = "Patient" | "Encounter" | "Goal" | "Medication" | ContextType;
type ListCursor = { t: ListType; p: string; o: number };
type ObservationCursor = { t: "Observation"; q: ObservationQuery; o: number };

export class Bundles {
  constructor(
    private readonly base: string,
    private readonly cursors: CursorCodec,
  ) {}

  entry(resource: fhir4.Resource, mode: "match" | "include" = "match"): fhir4.BundleEntry {
    return { fullUrl: `${this.base}/${resource.resourceType}/${resource.id}`, resource, search: { mode } };
  }

  async observationPageUrl(query: ObservationQuery, offset: number): Promise<string> {
    return `${this.base}/Observation?_cursor=${await this.cursors.encode({ t: "Observation", q: query, o: offset } satisfies ObservationCursor)}`;
  }

  /** An Observation search's page cursor, if `params` is a page link. */
  observationCursor(params: URLSearchParams): Promise<ObservationCursor | undefined> {
    return this.#cursor(params, "Observation");
  }

  /** A list search's parameters and offset: from its page cursor, or the request's own from the first result. */
  async listQuery(params: URLSearchParams, type: ListType): Promise<{ query: URLSearchParams; offset: number }> {
    const cursor = await this.#cursor(params, type);
    return cursor ? { query: new URLSearchParams(cursor.p), offset: cursor.o } : { query: params, offset: 0 };
  }

  async listBundle(
    type: ListType,
    matches: readonly fhir4.Resource[],
    query: URLSearchParams,
    offset: number,
    count: number,
    include?: (page: readonly fhir4.Resource[]) => fhir4.Resource[],
  ): Promise<fhir4.Bundle> {
    const url = async (o: number) => `${this.base}/${type}?_cursor=${await this.cursors.encode({ t: type, p: query.toString(), o } satisfies ListCursor)}`;
    const link: fhir4.BundleLink[] = [{ relation: "self", url: offset === 0 ? `${this.base}/${type}?${query}` : await url(offset) }];
    if (count > 0 && offset + count < matches.length) link.push({ relation: "next", url: await url(offset + count) });
    if (offset > 0 && count > 0) link.push({ relation: "previous", url: await url(Math.max(0, offset - count)) });
    const page = matches.slice(offset, offset + count);
    return {
      resourceType: "Bundle",
      type: "searchset",
      total: matches.length,
      link,
      entry: [...page.map((resource) => this.entry(resource)), ...(include?.(page) ?? []).map((resource) => this.entry(resource, "include"))],
    };
  }

  async #cursor<T extends ObservationCursor["t"] | ListCursor["t"]>(params: URLSearchParams, type: T): Promise<(T extends "Observation" ? ObservationCursor : ListCursor) | undefined> {
    const cursor = params.get("_cursor");
    if (cursor === null) return undefined;
    if ([...params.keys()].some((k) => k !== "_cursor")) throw badRequest("A page link takes no other parameters.");
    const payload = (await this.cursors.decode(cursor)) as { t?: unknown };
    if (payload.t !== type) throw badRequest(`This page cursor belongs to another search than ${type}.`);
    return payload as T extends "Observation" ? ObservationCursor : ListCursor;
  }
}
