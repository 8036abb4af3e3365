/** Recording the steps of a seed replay: each step's name, outcome and a one-line result. */

export interface Step {
  readonly seed: string;
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export class StepFailed extends Error {}

export class Replay {
  readonly steps: Step[] = [];

  constructor(
    readonly seed: string,
    private readonly onStep: (step: Step) => void = () => {},
  ) {}

  /** Runs one step; `run` returns its value and what to print. A failure is recorded, then rethrown. */
  async step<T>(name: string, run: () => Promise<readonly [T, string]>): Promise<T> {
    try {
      const [value, detail] = await run();
      this.#record({ seed: this.seed, name, ok: true, detail });
      return value;
    } catch (error) {
      this.#record({ seed: this.seed, name, ok: false, detail: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  #record(step: Step): void {
    this.steps.push(step);
    this.onStep(step);
  }
}

/** Throws a StepFailed with `message` unless `condition` holds. */
export function expectThat(condition: unknown, message: string): asserts condition {
  if (!condition) throw new StepFailed(message);
}

export async function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { headers: { accept: "application/json", ...headers } });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
  } catch {
    throw new StepFailed(`${url} answered ${response.status} with a body that is not JSON: ${text.slice(0, 120)}`);
  }
}

export async function sendJson(method: "POST" | "PUT", url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { method, headers: { "content-type": "application/json", accept: "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const bearerHeader = (token: unknown) => ({ authorization: `Bearer ${String(token)}` });

export function basicHeader(clientId: string, secret: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString("base64")}` };
}
