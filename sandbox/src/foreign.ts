/**
 * A listener on another port: the "other origin" that `fhir_next_foreign` page links point to. It records
 * every request that reaches it and whether it carried an Authorization header (a leaked bearer token), and
 * answers like a permissive server would (CORS allowed, an empty searchset), so a careless client goes on.
 * It holds no data, so any origin may read it; but, like the sandbox, it answers only to its own names (421
 * otherwise), so that a page on a rebinding DNS name cannot write into the record the tests read.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { OPEN_CORS, sendJson } from "./http.ts";
import { ownHostNames, refuseForeignHost } from "./guard.ts";

export interface ForeignRequest {
  readonly at: string;
  readonly method: string;
  readonly url: string;
  readonly authorization: boolean;
}

const MAX_RECORDS = 1000;

export class ForeignListener {
  readonly requests: ForeignRequest[] = [];
  #origin = "";
  #hostNames: readonly string[] = [];

  private constructor(private readonly server: Server) {}

  static async start(host: string, port = 0): Promise<ForeignListener> {
    const server = createServer();
    const listener = new ForeignListener(server);
    server.on("request", (req, res) => {
      if (refuseForeignHost(req, res, listener.#hostNames)) return;
      listener.requests.push({ at: new Date().toISOString(), method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization !== undefined });
      if (listener.requests.length > MAX_RECORDS) listener.requests.shift();
      if (req.method === "OPTIONS") {
        res.writeHead(204, OPEN_CORS);
        return void res.end();
      }
      sendJson(res, 200, { resourceType: "Bundle", type: "searchset", total: 0, entry: [] }, OPEN_CORS, "application/fhir+json; charset=utf-8");
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    listener.#origin = `http://${host}:${address.port}`;
    listener.#hostNames = ownHostNames(listener.#origin, address.port);
    return listener;
  }

  get origin(): string {
    return this.#origin;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.closeAllConnections();
      this.server.close((error) => (error ? reject(error) : resolve()));
    });
  }
}
