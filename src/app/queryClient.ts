import { QueryClient } from "@tanstack/react-query";
import { FhirRequestError } from "../fhir/errors";

/** Retry only what can succeed on a second try: no response, 408, 429 and 5xx (not 501). */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof FhirRequestError)) return false;
  const { status } = error;
  return status === 0 || status === 408 || status === 429 || (status >= 500 && status !== 501);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 2 && isRetryable(error),
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
    },
  });
}
