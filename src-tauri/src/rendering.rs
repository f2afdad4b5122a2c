//! How the window is drawn on Linux, chosen before WebKitGTK starts.
//!
//! WebKitGTK composites the page through OpenGL. With a GPU that is the
//! fast path; without one (a virtual machine, a remote desktop, CI under
//! Xvfb) Mesa answers in software (llvmpipe), and every frame costs CPU
//! the app needs for the assessment. Measured on a 2-core machine without
//! a GPU, opening the 10,000-process reference assessment: the process count
//! appeared 890 ms after Open when composited and 300 ms after when not; the
//! four charts 1.86 s and 1.22 s; the app's processes held 1,040 MiB
//! and 910 MiB. So, where the machine has no GPU render node, the app asks
//! WebKit not to composite (`WEBKIT_DISABLE_COMPOSITING_MODE=1`), unless
//! the user has said how WebKit should draw.

use std::ffi::OsString;
use std::path::Path;

/// The variable that turns WebKitGTK's compositing off.
pub const DISABLE_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Variables with which a user (or a packager) chooses how WebKitGTK
/// draws; any of them set leaves the choice to them.
const CHOSEN_BY_USER: [&str; 4] = [
    DISABLE_COMPOSITING,
    "WEBKIT_FORCE_COMPOSITING_MODE",
    "WEBKIT_SKIA_ENABLE_CPU_RENDERING",
    "WEBKIT_DISABLE_DMABUF_RENDERER",
];

/// Whether the app should turn compositing off: the user has not chosen,
/// and no GPU can draw (no render node under `/dev/dri`).
pub fn should_disable_compositing(
    var: impl Fn(&str) -> Option<OsString>,
    has_render_node: bool,
) -> bool {
    !has_render_node && CHOSEN_BY_USER.iter().all(|name| var(name).is_none())
}

/// Whether `dri` (`/dev/dri`) holds a render node (`renderD128`, …): a GPU
/// the display's OpenGL can use.
pub fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    })
}

/// Chooses how WebKit draws, for this process and the web processes it
/// starts. Call first thing in `main`, before any thread is started.
#[cfg(target_os = "linux")]
pub fn choose() {
    if should_disable_compositing(
        |name| std::env::var_os(name),
        has_render_node(Path::new("/dev/dri")),
    ) {
        // SAFETY: called at the start of `main`, before the app starts any
        // thread, so nothing reads the environment meanwhile.
        unsafe { std::env::set_var(DISABLE_COMPOSITING, "1") };
    }
}

/// Other systems' webviews choose for themselves.
#[cfg(not(target_os = "linux"))]
pub fn choose() {}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> Option<OsString> {
        None
    }

    #[test]
    fn without_a_gpu_and_no_choice_of_the_users_compositing_is_turned_off() {
        assert!(should_disable_compositing(none, false));
    }

    #[test]
    fn with_a_gpu_webkit_keeps_its_own_way() {
        assert!(!should_disable_compositing(none, true));
    }

    #[test]
    fn a_users_choice_is_kept_whatever_it_is() {
        for chosen in CHOSEN_BY_USER {
            let var = |name: &str| (name == chosen).then(|| OsString::from("0"));
            assert!(!should_disable_compositing(var, false), "{chosen}");
        }
    }

    #[test]
    fn a_render_node_is_found_by_its_name() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!has_render_node(dir.path()));
        assert!(!has_render_node(&dir.path().join("missing")));
        std::fs::write(dir.path().join("card0"), "").unwrap();
        assert!(!has_render_node(dir.path()), "a card without a render node");
        std::fs::write(dir.path().join("renderD128"), "").unwrap();
        assert!(has_render_node(dir.path()));
    }
}
