"""What a file manager does when a file is dragged out of it, and no more:
a small window at the top left of the screen whose button offers FILE
(argv[1]) as a text/uri-list to an X drag-and-drop. Prints "ready" once
shown, and stays up until killed. import-drop.test.mjs presses the button
and moves the pointer onto the app with xdotool, so the app gets the real
native drop a person's drag gives it. Run with Debian's python3 (python3-gi)."""
import sys
import gi
gi.require_version("Gtk", "3.0")
from gi.repository import Gtk, Gdk, GLib

path = sys.argv[1]
uri = GLib.filename_to_uri(path, None)
win = Gtk.Window(title="bia-drag-source")
win.set_default_size(160, 80)
win.move(0, 0)
button = Gtk.Button(label="drag me")
button.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
button.drag_source_add_uri_targets()
def on_get(widget, context, data, info, time):
    data.set_uris([uri])
button.connect("drag-data-get", on_get)
win.add(button)
win.connect("destroy", Gtk.main_quit)
win.show_all()
print("ready", flush=True)
Gtk.main()
