/** Timing marks a measured page leaves in `window.__bench` (epoch milliseconds). */
export interface Marks {
  firstPoint?: number;
  allPoints?: number;
  /** Main-thread tasks over 50 ms (Long Tasks API), in the page's own clock. */
  longTasks?: { start: number; /** The same start in epoch ms. */ at: number; duration: number }[];
}

declare global {
  interface Window {
    __bench?: Marks;
    /** The benchmark's binding: the page's marks, as JSON, once every point is drawn. */
    __benchDone?: (json: string) => void;
  }
}
