// The calendar's cards and day cells are plain DOM nodes, not React (see eventContent.ts).
export function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
