// Keyboard shortcut decisions: which key press means app undo/redo or "find",
// and when to leave the key to the browser (text undo inside a field).

/** The parts of a KeyboardEvent the decision needs (easy to build in tests). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export type ShortcutAction = "undo" | "redo" | "find";

/** Input types the user types text into (their own undo belongs to the browser). */
const TEXT_INPUT_TYPES = new Set([
  "",
  "text",
  "search",
  "email",
  "url",
  "tel",
  "password",
  "number",
  "date",
  "datetime-local",
  "month",
  "time",
  "week",
]);

/** Whether the target is a field whose edits the browser undoes itself. */
export function isEditableTarget(target: EventTarget | Element | null): boolean {
  if (target === null || typeof target !== "object" || !("tagName" in target)) return false;
  const element = target as HTMLElement;
  const tag = element.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  if (tag === "input") {
    const type = (element.getAttribute("type") ?? "").toLowerCase();
    return TEXT_INPUT_TYPES.has(type);
  }
  if (element.isContentEditable) return true;
  const editable = element.getAttribute("contenteditable");
  return editable !== null && editable !== "false";
}

/** The shortcut a key press names, ignoring where focus is. */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  const mod = press.ctrlKey || press.metaKey;
  const key = press.key.toLowerCase();
  if (mod && !press.altKey) {
    if (key === "z") return press.shiftKey ? "redo" : "undo";
    if (key === "y" && !press.shiftKey) return "redo";
    if (key === "f" && !press.shiftKey) return "find";
    return null;
  }
  if (!mod && !press.altKey && press.key === "/") return "find";
  return null;
}

/**
 * The app action for a key press with focus on `target`, or null to let the
 * browser handle it. Undo/redo and "/" belong to a text field while one has
 * focus; Ctrl+F always finds.
 */
export function appShortcut(press: KeyPress, target: EventTarget | Element | null): ShortcutAction | null {
  const action = shortcutFor(press);
  if (action === null) return null;
  const inField = isEditableTarget(target);
  if (action === "find") return press.key === "/" && inField ? null : "find";
  return inField ? null : action;
}
