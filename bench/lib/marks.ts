/** Timing marks a measured page leaves in `window.__bench` (epoch milliseconds). */
export interface Marks {
  firstPoint?: number;
  allPoints?: number;
}

declare global {
  interface Window {
    __bench?: Marks;
  }
}
