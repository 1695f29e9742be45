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

// jsdom lacks TextEncoder/TextDecoder, which every browser the pane runs in has (the CSV reader
// decodes with them): Node's own are the same WHATWG classes.
if (typeof window !== 'undefined' && typeof globalThis.TextDecoder === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const util = require('node:util') as typeof import('node:util');
  Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });
}
