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

// jsdom does not lay out SVG text either; the pane's charts (@fluentui/react-charts) measure their
// labels. A fixed width per character stands in: the charts' layout is checked in Chromium.
if (typeof window !== 'undefined' && typeof SVGElement !== 'undefined') {
  const proto = SVGElement.prototype as unknown as Record<string, unknown>;
  const textWidth = function (this: SVGElement): number {
    return (this.textContent ?? '').length * 7;
  };
  if (!('getComputedTextLength' in proto)) proto.getComputedTextLength = textWidth;
  if (!('getBBox' in proto))
    proto.getBBox = function (this: SVGElement) {
      return { x: 0, y: 0, width: textWidth.call(this), height: 14 };
    };
}

// Nor does jsdom draw on a canvas; the charts measure label widths with a 2-D context's measureText.
if (typeof window !== 'undefined' && typeof HTMLCanvasElement !== 'undefined') {
  const measuring = { font: '', measureText: (text: string) => ({ width: String(text).length * 7 }) };
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', { value: () => measuring, configurable: true, writable: true });
}
