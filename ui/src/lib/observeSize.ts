// Calls `measure` now and each time `element` changes size (the window resized, a panel opened), until the returned
// function is called: a scrolling list's height, a chart frame's width. Where nothing is laid out (tests) it measures
// once.
export function observeSize(element: Element, measure: () => void): () => void {
  measure();
  if (typeof ResizeObserver === "undefined") return () => {};
  const observer = new ResizeObserver(measure);
  observer.observe(element);
  return () => observer.disconnect();
}
