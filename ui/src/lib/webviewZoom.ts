// Sets the window's zoom (WebKit's own page zoom: text, images and layout
// scale together). Outside the desktop shell (tests) there is no webview to
// zoom, and the call is a no-op that says so.
import { getCurrentWebview } from "@tauri-apps/api/webview";

/** Whether the zoom was set. */
export async function setWebviewZoom(level: number): Promise<boolean> {
  try {
    await getCurrentWebview().setZoom(level);
    return true;
  } catch {
    return false;
  }
}
