/**
 * Reading the patient's active Goals (docs/clinical-rules.md §5). Never a failure of the page: a server that
 * has no Goals to give (scope not granted, 400/403/404/405/501) is "unavailable" and the default goal is drawn
 * silently; any other failure is returned with a short message the summary shows.
 */
import type { GoalRead } from "../labs/goals";
import { FhirRequestError } from "./errors";
import { scopeAllows } from "./scopes";
import type { Session } from "./session";

/** Answers that mean "this server has no Goals for this app", not "something went wrong". */
const NOT_HERE = new Set([400, 403, 404, 405, 501]);

export async function readGoals(session: Session, patientId: string, signal?: AbortSignal): Promise<GoalRead> {
  if (!scopeAllows(session.grantedScope, "Goal", "s")) return { status: "unavailable" };
  const params = new URLSearchParams({ patient: patientId, "lifecycle-status": "active", _count: "100" });
  try {
    const bundle = await session.get<Partial<fhir4.Bundle> | null>(`Goal?${params.toString()}`, signal);
    if (bundle?.resourceType !== "Bundle") return { status: "failed", message: "the answer was not a search result" };
    const goals = (Array.isArray(bundle.entry) ? bundle.entry : []).map((e) => e?.resource).filter((r): r is fhir4.Goal => r?.resourceType === "Goal");
    return { status: "read", goals };
  } catch (error) {
    if (signal?.aborted) throw error;
    if (error instanceof FhirRequestError && NOT_HERE.has(error.status)) return { status: "unavailable" };
    return { status: "failed", message: error instanceof Error ? error.message : String(error) };
  }
}
