// jsdom has no layout, so it lacks ResizeObserver, which Fluent's MessageBar uses to reflow.
// A no-op observer is faithful here: nothing in jsdom ever resizes.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class NoLayoutResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(window, { ResizeObserver: NoLayoutResizeObserver });
}
