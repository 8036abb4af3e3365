import { QueryClient } from "@tanstack/react-query";

/**
 * Failed FHIR reads are retried by the FHIR layer (src/fhir/retry.ts), which knows the status and the server's
 * Retry-After; a second retry loop here would multiply the tries and ignore both.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
    },
  });
}
