/** Counts as people read them in any locale: groups of three digits split by a space ("10 000"). */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}
