// Tests of the undo/redo/find key decisions: app undo outside text fields, the browser's own undo inside them.
import { describe, expect, it } from "vitest";
import { appShortcut, isEditableTarget, shortcutFor, type KeyPress } from "./shortcuts";

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

function element(html: string): Element {
  const host = document.createElement("div");
  host.innerHTML = html;
  return host.firstElementChild!;
}

describe("shortcutFor", () => {
  it("reads Ctrl+Z as undo, Ctrl+Shift+Z and Ctrl+Y as redo", () => {
    expect(shortcutFor(press("z", { ctrlKey: true }))).toBe("undo");
    expect(shortcutFor(press("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(shortcutFor(press("y", { ctrlKey: true }))).toBe("redo");
  });

  it("accepts Cmd on a Mac keyboard", () => {
    expect(shortcutFor(press("z", { metaKey: true }))).toBe("undo");
  });

  it("reads / and Ctrl+F as find, and ignores plain letters and AltGr combinations", () => {
    expect(shortcutFor(press("/"))).toBe("find");
    expect(shortcutFor(press("f", { ctrlKey: true }))).toBe("find");
    expect(shortcutFor(press("z"))).toBeNull();
    expect(shortcutFor(press("z", { ctrlKey: true, altKey: true }))).toBeNull();
  });
});

describe("isEditableTarget", () => {
  it("treats text inputs, textareas, selects and contenteditable as editable", () => {
    expect(isEditableTarget(element('<input data-testid="process-name">'))).toBe(true);
    expect(isEditableTarget(element('<input type="search">'))).toBe(true);
    expect(isEditableTarget(element("<textarea></textarea>"))).toBe(true);
    expect(isEditableTarget(element("<select><option>Draft</option></select>"))).toBe(true);
    expect(isEditableTarget(element('<div contenteditable="true"></div>'))).toBe(true);
  });

  it("treats buttons, checkboxes, table rows and the page as not editable", () => {
    expect(isEditableTarget(element("<button>Save</button>"))).toBe(false);
    expect(isEditableTarget(element('<input type="checkbox">'))).toBe(false);
    expect(isEditableTarget(element('<div tabindex="0">Payroll processing</div>'))).toBe(false);
    expect(isEditableTarget(document.body)).toBe(false);
    expect(isEditableTarget(null)).toBe(false);
  });
});

describe("appShortcut", () => {
  const input = () => element('<input type="text">');
  const button = () => element("<button>Add process</button>");

  it("undoes in the app when focus is outside a text field", () => {
    expect(appShortcut(press("z", { ctrlKey: true }), button())).toBe("undo");
    expect(appShortcut(press("y", { ctrlKey: true }), document.body)).toBe("redo");
  });

  it("leaves Ctrl+Z to the browser inside a text field, so typing can be undone", () => {
    expect(appShortcut(press("z", { ctrlKey: true }), input())).toBeNull();
    expect(appShortcut(press("z", { ctrlKey: true, shiftKey: true }), input())).toBeNull();
  });

  it("types a / into a field instead of jumping to search, but Ctrl+F always finds", () => {
    expect(appShortcut(press("/"), input())).toBeNull();
    expect(appShortcut(press("/"), button())).toBe("find");
    expect(appShortcut(press("f", { ctrlKey: true }), input())).toBe("find");
  });
});
