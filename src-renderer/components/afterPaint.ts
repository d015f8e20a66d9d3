// Runs work after the next frame is painted (a frame callback, then a task after it): for work
// that must not hold up a frame already due, such as closing a modal dialog, which restyles the
// whole page when its background stops being inert.
export function afterPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}
