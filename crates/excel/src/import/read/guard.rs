//! calamine's readers of whole books (.xls, .xlsb, .ods) index what a file
//! states; where a damaged file breaks what they expect, they panic. A
//! panic there is the file's damage, not the program's: it is caught and
//! reported as such, and the panic's own message (which would otherwise
//! print a backtrace note to the terminal) is kept quiet on this thread
//! while the read runs. Panics anywhere else reach the hook as before.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

static HOOK: Once = Once::new();

/// Runs `read`; a panic in it comes back as `Err` with its message.
pub(super) fn catching<R>(read: impl FnOnce() -> R) -> Result<R, String> {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let outcome = panic::catch_unwind(AssertUnwindSafe(read));
    QUIET.with(|q| q.set(was));
    outcome.map_err(|panic| {
        panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_comes_back_as_its_message_and_the_hook_sees_the_next() {
        let out: Result<(), String> = catching(|| panic!("sector {} of {}", 9, 3));
        assert_eq!(out, Err("sector 9 of 3".to_string()));
        assert_eq!(catching(|| 42), Ok(42));
        assert!(!QUIET.with(Cell::get), "quiet only while a read runs");
    }
}
