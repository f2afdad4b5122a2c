//! calamine reads an .xlsx only as far as the scan has checked it. The
//! scan (`scan`) runs on the second core; calamine, on this one, reads the
//! archive through a [`Gated`] reader, which lets it into the compressed
//! bytes of an XML part only up to where the scan has inflated and lexed
//! them. So the two run side by side, and calamine still never builds a
//! cell the scan has not measured (it may be ahead by what the scan's
//! inflater reads at once, 32 KB of compressed bytes). When the scan stops
//! at a finding, every read fails and calamine gives up; the finding is
//! what the import reports.

use std::io::{self, Cursor, Read, Seek, SeekFrom};
use std::sync::{Condvar, Mutex};

#[derive(Default)]
pub(super) struct Gate {
    state: Mutex<State>,
    changed: Condvar,
}

#[derive(Default)]
struct State {
    /// The scan has said which ranges it guards (or that it guards none).
    ready: bool,
    /// The scan stopped: nothing more may be read.
    failed: bool,
    /// The compressed bytes of the parts the scan checks, each with how
    /// far it has checked (an offset in the file), in file order.
    ranges: Vec<Guarded>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Guarded {
    start: u64,
    end: u64,
    checked: u64,
}

impl State {
    /// How many bytes from `at` may be read now (up to `want`).
    fn readable(&self, at: u64, want: u64) -> u64 {
        for r in &self.ranges {
            if at < r.start {
                return want.min(r.start - at);
            }
            if at < r.end {
                return want.min(r.checked.saturating_sub(at));
            }
        }
        want
    }
}

impl Gate {
    /// The scan guards these byte ranges (`start..end` of the file);
    /// calamine may begin.
    pub(super) fn guard(&self, mut ranges: Vec<(u64, u64)>) -> Vec<usize> {
        let mut order: Vec<usize> = (0..ranges.len()).collect();
        order.sort_by_key(|&i| ranges[i].0);
        ranges.sort_unstable();
        let mut state = self.state.lock().expect("gate");
        state.ranges = ranges
            .into_iter()
            .map(|(start, end)| Guarded {
                start,
                end,
                checked: start,
            })
            .collect();
        state.ready = true;
        self.changed.notify_all();
        // Where each range, as given, now sits.
        let mut at = vec![0; order.len()];
        for (sorted, given) in order.into_iter().enumerate() {
            at[given] = sorted;
        }
        at
    }

    /// The scan has checked range `index` (as returned by `guard`) up to
    /// file offset `upto`.
    pub(super) fn checked(&self, index: usize, upto: u64) {
        let mut state = self.state.lock().expect("gate");
        if let Some(r) = state.ranges.get_mut(index) {
            let upto = upto.min(r.end);
            if upto > r.checked {
                r.checked = upto;
                self.changed.notify_all();
            }
        }
    }

    /// Everything may be read: the scan is done (or checks nothing).
    pub(super) fn open(&self) {
        let mut state = self.state.lock().expect("gate");
        if state.failed {
            return;
        }
        state.ready = true;
        for r in &mut state.ranges {
            r.checked = r.end;
        }
        self.changed.notify_all();
    }

    /// Nothing more may be read: the scan stopped at a finding (or failed).
    pub(super) fn fail(&self) {
        let mut state = self.state.lock().expect("gate");
        let open = state.ready && state.ranges.iter().all(|r| r.checked == r.end);
        if !open {
            state.failed = true;
            self.changed.notify_all();
        }
    }

    /// Waits until some of `want` bytes from `at` may be read; how many.
    fn wait(&self, at: u64, want: u64) -> io::Result<u64> {
        let mut state = self.state.lock().expect("gate");
        loop {
            if state.failed {
                return Err(io::Error::other(
                    "the check of the workbook's XML stopped the read",
                ));
            }
            if state.ready {
                let n = state.readable(at, want);
                if n > 0 || want == 0 {
                    return Ok(n);
                }
            }
            state = self.changed.wait(state).expect("gate");
        }
    }
}

/// Fails the gate when dropped unless [`Closing::done`] opened it: a scan
/// that panics or returns early never leaves calamine waiting.
pub(super) struct Closing<'g>(pub(super) &'g Gate);

impl Closing<'_> {
    pub(super) fn done(self) {
        self.0.open();
    }
}

impl Drop for Closing<'_> {
    fn drop(&mut self) {
        self.0.fail();
    }
}

/// The archive's bytes as calamine reads them: through the gate.
pub(super) struct Gated<'a> {
    cursor: Cursor<&'a [u8]>,
    gate: &'a Gate,
}

impl<'a> Gated<'a> {
    pub(super) fn new(bytes: &'a [u8], gate: &'a Gate) -> Gated<'a> {
        Gated {
            cursor: Cursor::new(bytes),
            gate,
        }
    }
}

impl Read for Gated<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let at = self.cursor.position();
        let left = (self.cursor.get_ref().len() as u64).saturating_sub(at);
        let want = left.min(buf.len() as u64);
        let n = self.gate.wait(at, want)?;
        self.cursor.read(&mut buf[..n as usize])
    }
}

impl Seek for Gated<'_> {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.cursor.seek(pos)
    }
}

/// The scan's view of the archive: a cursor that says where it stands, so
/// what it has checked can be passed on.
pub(super) struct Tracked<'a> {
    cursor: Cursor<&'a [u8]>,
    at: std::rc::Rc<std::cell::Cell<u64>>,
}

impl<'a> Tracked<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> (Tracked<'a>, std::rc::Rc<std::cell::Cell<u64>>) {
        let at = std::rc::Rc::new(std::cell::Cell::new(0));
        (
            Tracked {
                cursor: Cursor::new(bytes),
                at: at.clone(),
            },
            at,
        )
    }
}

impl Read for Tracked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.cursor.read(buf)?;
        self.at.set(self.cursor.position());
        Ok(n)
    }
}

impl Seek for Tracked<'_> {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        let at = self.cursor.seek(pos)?;
        self.at.set(at);
        Ok(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_waits_for_the_check_and_fails_with_the_scan() {
        let bytes: Vec<u8> = (0..100).collect();
        let gate = Gate::default();
        std::thread::scope(|scope| {
            let reader = scope.spawn(|| {
                let mut gated = Gated::new(&bytes, &gate);
                let mut out = Vec::new();
                gated.read_to_end(&mut out).map(|_| out)
            });
            // Bytes 10..60 are guarded; checked in two steps.
            let at = gate.guard(vec![(10, 60)]);
            gate.checked(at[0], 30);
            gate.checked(at[0], 60);
            gate.open();
            assert_eq!(reader.join().unwrap().unwrap(), bytes);
        });

        let gate = Gate::default();
        let at = gate.guard(vec![(50, 80), (10, 40)]);
        assert_eq!(at, vec![1, 0], "ranges are kept in file order");
        gate.checked(at[1], 25);
        let mut gated = Gated::new(&bytes, &gate);
        let mut buf = [0u8; 100];
        assert_eq!(gated.read(&mut buf).unwrap(), 10, "up to the range");
        assert_eq!(gated.read(&mut buf).unwrap(), 15, "up to what is checked");
        gate.checked(at[1], 40);
        assert_eq!(gated.read(&mut buf).unwrap(), 15, "to the range's end");
        assert_eq!(
            gated.read(&mut buf).unwrap(),
            10,
            "then up to the next range"
        );
        gate.fail();
        assert!(
            gated.read(&mut buf).is_err(),
            "a stopped scan stops the reader"
        );
    }

    #[test]
    fn a_scan_that_ends_without_saying_so_fails_the_gate() {
        let gate = Gate::default();
        gate.guard(vec![(0, 10)]);
        drop(Closing(&gate));
        let mut gated = Gated::new(&[0u8; 20], &gate);
        assert!(gated.read(&mut [0u8; 5]).is_err());

        let gate = Gate::default();
        Closing(&gate).done();
        let mut gated = Gated::new(&[0u8; 20], &gate);
        assert_eq!(gated.read(&mut [0u8; 5]).unwrap(), 5, "done opens it");
    }
}
