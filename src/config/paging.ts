/** config.json's `paging`, as the launch page checks it and passes it on: each limit optional (defaults in src/fhir/paging.ts). */
export interface PagingSettings {
  readonly maxPages?: number;
  readonly timeBudgetSeconds?: number;
}
