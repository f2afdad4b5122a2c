//! Records the real core's answers for the UI: the component tests and the
//! browser preview (`?mock`) replay them instead of a TypeScript copy of the
//! core. Drives the shell as the UI does (the demo, then commands by name)
//! and writes one JSON file per scenario into `ui/src/testing/recordings/`,
//! the way ts-rs writes the bindings: a change in the core's answers shows as
//! a change in `git status`, and CI fails on it (`x test`).
//!
//! The files are deterministic: every UUID becomes `00000000-0000-4000-8000-N`
//! numbered in order of first appearance (the same demo row gets the same id
//! in every file, as the scenarios run in one session in a fixed order),
//! timestamps become one fixed instant, and the temporary home folder becomes
//! `/home/facilitator`. Arguments are recorded with the same ids, so a replay
//! finds an answer by command and arguments.
//!
//! Besides the scenarios written out below, every script in
//! `ui/src/testing/scenarios/*.json` (`{"about", "calls": [{"cmd", "args"}]}`,
//! ids as recorded) is played against a fresh demo (or, with `"start":
//! "closed"`, from the start screen) and recorded under its
//! name: a UI test that needs the core's answer to a sequence of its own
//! (an edit, then what the screen re-reads) says so there.
//!
//! Regenerate: `cargo test -p bia-workbench --test commands recordings`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use bia_workbench::Startup;
use serde_json::{Map, Value, json};
use tauri::Listener;

use super::Shell;

/// The events the shell sends while a command runs; the replay sends them again, in order.
const EVENTS: [&str; 2] = ["export-progress", "import-progress"];

/// When to press Cancel during an import: given an `import-progress` payload, true to cancel there.
type CancelWhen = Box<dyn Fn(&Value) -> bool + Send>;

/// Where the UI reads the recordings.
fn recordings_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/testing/recordings")
}

/// The instant every recorded timestamp is replaced with.
const INSTANT: &str = "2026-12-01T09:00:00Z";

/// A shell whose calls are recorded, normalised, into the current scenario.
struct Recorder {
    shell: Shell,
    /// The temporary folder standing for the user's home.
    home: String,
    /// Real UUID → recorded id, in order of first appearance.
    ids: HashMap<String, String>,
    calls: Vec<Value>,
    /// Events sent during the current call, as `(event, payload)`.
    events: Arc<Mutex<Vec<(String, Value)>>>,
    /// Set before an import to press Cancel at a step; taken when pressed.
    cancel_when: Arc<Mutex<Option<CancelWhen>>>,
    /// The answer of `cancel_import` when it was pressed during the current call.
    cancelled: Arc<Mutex<Option<Result<Value, Value>>>>,
}

fn is_uuid(s: &[u8]) -> bool {
    s.len() == 36
        && s.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// "2026-12-06T02:47:42…" (an RFC 3339 instant, whatever its precision and offset).
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 19
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[..4].iter().all(u8::is_ascii_digit)
}

/// "…before-import-20261206-025516.bia" → "…before-import-20261201-090000.bia".
fn stamps_out(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let stamp = i + 15 <= b.len()
            && b[i + 8] == b'-'
            && b[i..i + 8].iter().all(u8::is_ascii_digit)
            && b[i + 9..i + 15].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && (i + 15 == b.len() || !b[i + 15].is_ascii_digit());
        if stamp {
            out.push_str("20261201-090000");
            i += 15;
        } else {
            let c = s[i..].chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The store lists dependencies and scores in the order of their (random)
/// ids; put them in the order of their recorded ids so a recording does not
/// change from run to run. The UI orders them itself.
fn in_stable_order(items: &mut [Value]) {
    let all = |keys: &[&str]| {
        !items.is_empty()
            && items
                .iter()
                .all(|x| keys.iter().all(|k| x.get(*k).is_some()))
    };
    let key = |x: &Value, k: &str| x[k].as_str().unwrap_or_default().to_string();
    if all(&["process_id", "category_id", "horizon_id", "severity"]) {
        items.sort_by_key(|x| (key(x, "category_id"), key(x, "horizon_id")));
    } else if all(&["id", "from", "to", "strength"]) {
        items.sort_by_key(|x| key(x, "id"));
    }
}

impl Recorder {
    fn start(home: &Path) -> Recorder {
        let data = home.join(".local/share/bia-workbench");
        std::fs::create_dir_all(&data).unwrap();
        let shell = Shell::start(&data, Startup::StartScreen);
        let events: Arc<Mutex<Vec<(String, Value)>>> = Arc::default();
        let cancel_when: Arc<Mutex<Option<CancelWhen>>> = Arc::default();
        let cancelled: Arc<Mutex<Option<Result<Value, Value>>>> = Arc::default();
        for name in EVENTS {
            let (events, cancel_when, cancelled) =
                (events.clone(), cancel_when.clone(), cancelled.clone());
            let window = shell.window.clone();
            shell.window.listen_any(name, move |event| {
                let payload: Value = serde_json::from_str(event.payload()).unwrap();
                let press = cancel_when
                    .lock()
                    .unwrap()
                    .as_ref()
                    .is_some_and(|when| when(&payload));
                events.lock().unwrap().push((name.to_string(), payload));
                if press {
                    // The user presses Cancel while the import runs: the command, as the UI sends it.
                    cancel_when.lock().unwrap().take();
                    *cancelled.lock().unwrap() =
                        Some(super::invoke(&window, "cancel_import", json!({})));
                }
            });
        }
        Recorder {
            shell,
            home: home.display().to_string(),
            ids: HashMap::new(),
            calls: Vec::new(),
            events,
            cancel_when,
            cancelled,
        }
    }

    /// A recorder with the demo freshly opened (recorded) and its ids numbered: each recording starts
    /// from there, as the replay does, so a write in one does not change what another's answers follow.
    fn demo(home: &Path) -> Recorder {
        let mut rec = Recorder::start(home);
        rec.ok("open_demo", json!({}));
        rec.number_the_demo();
        rec
    }

    /// The demo's processes, units and methodology in this session, not recorded.
    fn demo_rows(&self) -> (Value, Value, Value) {
        (
            self.shell.ok("list_processes", json!({})),
            self.shell.ok("list_units", json!({})),
            self.shell.ok("get_methodology", json!({})),
        )
    }

    /// A script's value with recorded ids and paths turned back into this run's.
    fn real(&self, value: &Value) -> Value {
        match value {
            Value::String(s) => {
                let mut text = s.replace("/home/facilitator", &self.home);
                for (uuid, recorded) in &self.ids {
                    if text.contains(recorded.as_str()) {
                        text = text.replace(recorded.as_str(), uuid);
                    }
                }
                Value::String(text)
            }
            Value::Array(items) => Value::Array(items.iter().map(|v| self.real(v)).collect()),
            Value::Object(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.clone(), self.real(v)))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    fn id_for(&mut self, uuid: &str) -> String {
        let next = self.ids.len() + 1;
        self.ids
            .entry(uuid.to_ascii_lowercase())
            .or_insert_with(|| format!("00000000-0000-4000-8000-{next:012}"))
            .clone()
    }

    /// Numbers the demo's ids in an order that does not depend on the ids
    /// themselves (the store lists some rows by id): units and processes by
    /// name, the methodology as listed, resources by kind and name,
    /// dependencies by the names at both ends, scores by process, category
    /// and horizon, decisions by process, field and value. Nothing is recorded.
    fn number_the_demo(&mut self) {
        let get = |cmd: &str, args: Value| self.shell.ok(cmd, args);
        let units = get("list_units", json!({}));
        let processes = get("list_processes", json!({}));
        let methodology = get("get_methodology", json!({}));
        let resources = get("list_resources", json!({}));
        let dependencies = get("list_dependencies", json!({}));
        let decisions = get("decisions", json!({ "processId": null }));
        let mut impacts = Vec::new();
        let mut objectives = Vec::new();
        for p in processes.as_array().unwrap() {
            impacts.push(get("get_process_impact", json!({ "processId": p["id"] })));
            objectives.push(get("get_objectives", json!({ "processId": p["id"] })));
        }
        let sorted = |list: &Value, key: &dyn Fn(&Value) -> String| {
            let mut items = list.as_array().unwrap().clone();
            items.sort_by_key(|x| key(x));
            items
        };
        let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
        let mut names: HashMap<String, String> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for u in sorted(&units, &|u| text(&u["name"])) {
            names.insert(text(&u["id"]), text(&u["name"]));
            order.push(text(&u["id"]));
        }
        for p in sorted(&processes, &|p| text(&p["name"])) {
            names.insert(text(&p["id"]), text(&p["name"]));
            order.push(text(&p["id"]));
        }
        for part in ["categories", "scale", "horizons", "tiers"] {
            for row in methodology[part].as_array().unwrap() {
                order.push(text(&row["id"]));
            }
        }
        for r in sorted(&resources, &|r| {
            format!("{}/{}", text(&r["kind"]), text(&r["name"]))
        }) {
            names.insert(text(&r["id"]), text(&r["name"]));
            order.push(text(&r["id"]));
        }
        let end = |n: &Value| names.get(&text(&n["id"])).cloned().unwrap_or_default();
        for d in sorted(&dependencies, &|d| {
            format!("{}→{}", end(&d["from"]), end(&d["to"]))
        }) {
            order.push(text(&d["id"]));
        }
        let position = |part: &str, id: &Value| {
            methodology[part]
                .as_array()
                .unwrap()
                .iter()
                .position(|row| row["id"] == *id)
                .unwrap_or(usize::MAX)
        };
        for impact in &impacts {
            for s in sorted(&impact["scores"], &|s| {
                format!(
                    "{:04}/{:04}",
                    position("categories", &s["category_id"]),
                    position("horizons", &s["horizon_id"])
                )
            }) {
                if let Some(id) = s.get("id") {
                    order.push(text(id));
                }
            }
        }
        for o in objectives.iter().filter(|o| !o.is_null()) {
            if let Some(id) = o.get("id") {
                order.push(text(id));
            }
        }
        for d in sorted(&decisions, &|d| {
            format!(
                "{}/{}/{}/{}",
                text(&d["process_name"]),
                text(&d["field"]),
                text(&d["old_value"]),
                text(&d["new_value"])
            )
        }) {
            order.push(text(&d["id"]));
        }
        for id in order {
            if is_uuid(id.as_bytes()) {
                self.id_for(&id);
            }
        }
    }

    fn text(&mut self, s: &str) -> String {
        if is_timestamp(s) {
            return INSTANT.to_string();
        }
        let s = stamps_out(&s.replace(&self.home, "/home/facilitator"));
        let bytes = s.as_bytes();
        let mut out = String::with_capacity(s.len());
        let mut i = 0;
        while i < s.len() {
            if i + 36 <= s.len() && s.is_char_boundary(i + 36) && is_uuid(&bytes[i..i + 36]) {
                let id = self.id_for(&s[i..i + 36]);
                out.push_str(&id);
                i += 36;
            } else {
                let c = s[i..].chars().next().unwrap();
                out.push(c);
                i += c.len_utf8();
            }
        }
        out
    }

    fn normalise(&mut self, value: &Value) -> Value {
        match value {
            Value::String(s) => Value::String(self.text(s)),
            Value::Array(items) => {
                // Dependencies new to this recording (an import's) are numbered by their ends, which
                // were numbered before (the register and resources list in name order), not in the
                // order of their random ids.
                let mut items = items.clone();
                let dependency = |x: &Value| {
                    ["id", "from", "to", "strength"]
                        .iter()
                        .all(|k| x.get(*k).is_some())
                };
                if !items.is_empty() && items.iter().all(dependency) {
                    let mut ends: Vec<(String, String, Value)> = items
                        .into_iter()
                        .map(|x| {
                            let end = |e: &str| x[e]["id"].as_str().unwrap_or_default().to_string();
                            (self.text(&end("from")), self.text(&end("to")), x)
                        })
                        .collect();
                    ends.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
                    items = ends.into_iter().map(|(_, _, x)| x).collect();
                }
                let mut items: Vec<Value> = items.iter().map(|v| self.normalise(v)).collect();
                in_stable_order(&mut items);
                Value::Array(items)
            }
            Value::Object(fields) => {
                let mut out = Map::new();
                for (k, v) in fields {
                    out.insert(k.clone(), self.normalise(v));
                }
                Value::Object(out)
            }
            other => other.clone(),
        }
    }

    /// Calls a command and records it (answer or error).
    fn call(&mut self, cmd: &str, args: Value) -> Result<Value, Value> {
        self.events.lock().unwrap().clear();
        let answer = self.shell.call(cmd, args.clone());
        let events = std::mem::take(&mut *self.events.lock().unwrap());
        let cancelled = self.cancelled.lock().unwrap().take();
        let args = self.normalise(&args);
        let mut entry = match &answer {
            Ok(result) => json!({ "cmd": cmd, "args": args, "result": self.normalise(result) }),
            Err(error) => json!({ "cmd": cmd, "args": args, "error": self.normalise(error) }),
        };
        if !events.is_empty() {
            let events: Vec<Value> = events
                .iter()
                .map(|(event, payload)| json!({ "event": event, "payload": self.normalise(payload) }))
                .collect();
            entry["events"] = Value::Array(events);
        }
        let pressed = cancelled.map(|answer| match answer {
            Ok(result) => json!({ "cmd": "cancel_import", "args": {}, "result": result }),
            Err(error) => json!({ "cmd": "cancel_import", "args": {}, "error": error }),
        });
        if pressed.is_some() {
            // The replay gives this answer when Cancel is pressed while the command runs.
            entry["cancelled"] = json!(true);
        }
        self.calls.push(entry);
        self.calls.extend(pressed);
        answer
    }

    /// Calls `apply_import` pressing Cancel at the first step `when` picks.
    fn apply_cancelled(&mut self, args: Value, when: CancelWhen) -> Value {
        *self.cancel_when.lock().unwrap() = Some(when);
        let error = self.refused("apply_import", args);
        assert!(
            self.cancel_when.lock().unwrap().take().is_none(),
            "Cancel was pressed"
        );
        error
    }

    fn ok(&mut self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    fn refused(&mut self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .err()
            .unwrap_or_else(|| panic!("{cmd} should be refused"))
    }

    /// Writes the calls recorded since the last scenario as `<name>.json`.
    fn write(&mut self, name: &str, about: &str) {
        let calls = std::mem::take(&mut self.calls);
        let dir = recordings_dir();
        std::fs::create_dir_all(&dir).unwrap();
        // One call a line: a change in the core's answers shows as a change of the calls it touches.
        let mut text = format!(
            "{{\"scenario\": {}, \"about\": {}, \"calls\": [\n",
            json!(name),
            json!(about)
        );
        for (i, call) in calls.iter().enumerate() {
            let comma = if i + 1 < calls.len() { "," } else { "" };
            text.push_str(&format!("{call}{comma}\n"));
        }
        text.push_str("]}\n");
        std::fs::write(dir.join(format!("{name}.json")), text).unwrap();
    }
}

fn named<'a>(list: &'a Value, name: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == name)
        .unwrap_or_else(|| panic!("the demo has {name}"))
}

fn process_input(process: &Value) -> Value {
    let mut input = Map::new();
    for field in [
        "name",
        "unit_id",
        "owner",
        "description",
        "peak_periods",
        "minimum_staff",
        "workaround",
        "notes",
        "claimed_tier",
        "status",
        "custom_fields",
    ] {
        input.insert(field.into(), process[field].clone());
    }
    Value::Object(input)
}

/// The scripts the UI's tests asked for, by name, in name order.
fn scripts() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/testing/scenarios");
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    found.retain(|p| p.extension().is_some_and(|e| e == "json"));
    found.sort();
    found
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let script =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (name, script)
        })
        .collect()
}

/// A home folder with the legacy spreadsheets in Documents, and the demo not yet open.
fn fresh_home() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let documents = home.path().join("Documents");
    std::fs::create_dir_all(&documents).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/finance-bia-2024.csv"),
        documents.join("Finance BIA 2024.csv"),
    )
    .unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/questionnaire-bia-2025.xlsx"),
        documents.join("Questionnaires 2025.xlsx"),
    )
    .unwrap();
    // A register whose "Dependencies" column mixes a process of the demo
    // (Complaints handling), a resource of it (Harbourline WMS), a process of
    // its own, and two systems it names nowhere else (to classify).
    std::fs::write(
        documents.join("Customer Service BIA 2025.csv"),
        "Process,Department,RTO (hrs),Dependencies\n\
         Parcel claims,Customer Service,8,Complaints handling; Citrix / Zendesk\n\
         Click and collect,Operations,24,Parcel claims; Zendesk; Harbourline WMS\n",
    )
    .unwrap();
    std::fs::write(documents.join("minutes.bia"), "not a database").unwrap();
    // A password-protected workbook: an OLE compound file holding an `EncryptedPackage` stream.
    let mut protected = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    protected.extend([0u8; 504]);
    protected.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    protected.extend([0u8; 512]);
    std::fs::write(documents.join("Payroll (protected).xlsx"), protected).unwrap();
    home
}

/// For a script with `"prepare": "damaged-and-read-only"`: in Documents, the
/// demo with one byte of a description made unreadable, `Harbourline
/// (damaged).bia`, and a backup of it from before; in Documents/Shared, a
/// read-only copy of the demo, `Harbourline (read-only).bia`.
fn damaged_and_read_only(home: &Path) {
    let documents = home.join("Documents");
    let damaged = documents.join("Harbourline (damaged).bia");
    bia::Workbench::create_demo(&damaged)
        .unwrap()
        .close()
        .unwrap();
    std::fs::copy(
        &damaged,
        documents.join("Harbourline (damaged).before-import-20261130-101700.bia"),
    )
    .unwrap();
    let mut bytes = std::fs::read(&damaged).unwrap();
    let text = b"Match supplier invoices";
    let at = bytes.windows(text.len()).position(|w| w == text).unwrap();
    bytes[at + 6] = 0xFF;
    std::fs::write(&damaged, bytes).unwrap();

    large_and_damaged(&documents.join("Harbourline (large, damaged).bia"));

    let shared = documents.join("Shared");
    std::fs::create_dir_all(&shared).unwrap();
    let read_only = shared.join("Harbourline (read-only).bia");
    bia::Workbench::create_demo(&read_only)
        .unwrap()
        .close()
        .unwrap();
    let mut perms = std::fs::metadata(&read_only).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&read_only, perms).unwrap();
}

/// For a script with `"prepare": "copy-given"`: the demo in the app's data
/// folder (where `open_demo` opens it) has given Priya Raman a copy,
/// `Documents/Harbourline - copy for Priya Raman.bia`, which she has edited:
/// Shipment tracking enquiries' RTO to 12 h, Key account management's MBCO
/// to 40 %. The demo itself reads as the demo always does (giving a copy is
/// no edit); only `copy_info` knows of the copy.
fn copy_given(home: &Path) {
    let data = home.join(".local/share/bia-workbench");
    std::fs::create_dir_all(&data).unwrap();
    let copy = home.join("Documents/Harbourline - copy for Priya Raman.bia");
    let mut demo =
        bia::Workbench::create_demo(&data.join(bia_workbench::commands::files::DEMO_FILE)).unwrap();
    demo.give_copy(&copy, "Priya Raman").unwrap();
    demo.close().unwrap();
    let mut theirs = bia::Workbench::open(&copy).unwrap();
    for (process, change) in [
        ("Shipment tracking enquiries", ("rto", "12 h")),
        ("Key account management", ("mbco", "40")),
    ] {
        let id = theirs.process_named(process).unwrap().id;
        let mut input = theirs.objectives(id).unwrap().unwrap().to_input();
        match change {
            ("rto", value) => input.rto = value.into(),
            (_, value) => input.mbco = value.into(),
        }
        theirs.agree_objectives(id, &input).unwrap();
    }
    theirs.close().unwrap();
}

/// The demo at `path`, made larger than a file opening checks in full (it
/// once held 40 MB it no longer needs: free pages), with a page of its undo
/// history made unreadable: it opens, and the check after opening finds the
/// damage.
fn large_and_damaged(path: &Path) {
    bia::Workbench::create_demo(path).unwrap().close().unwrap();
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TABLE scratch (b BLOB);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
         INSERT INTO scratch SELECT zeroblob(1048576) FROM n;
         DROP TABLE scratch;",
    )
    .unwrap();
    let page: i64 = conn
        .query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'edit_change'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let size: i64 = conn
        .pragma_query_value(None, "page_size", |r| r.get(0))
        .unwrap();
    drop(conn);
    let mut bytes = std::fs::read(path).unwrap();
    assert!(bytes.len() > 40 << 20, "the file keeps its free pages");
    let at = usize::try_from((page - 1) * size).unwrap();
    bytes[at] = 0x00; // no kind of page
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn recordings_of_the_scripts_the_ui_tests_ask_for() {
    for (name, script) in scripts() {
        let home = fresh_home();
        if script["prepare"] == "damaged-and-read-only" {
            damaged_and_read_only(home.path());
        }
        if script["prepare"] == "large-register" {
            super::large_register(&home.path().join("Documents"), 1_200);
        }
        if script["prepare"] == "copy-given" {
            copy_given(home.path());
        }
        if script["prepare"] == "built-apart" {
            // In Documents, the Leeds site's BIA built apart from the demo, and the workbook it was exported to.
            super::merge::leeds_built_apart(&home.path().join("Documents"));
        }
        let mut rec = Recorder::start(home.path());
        // A script starts with the demo open, or (`"start": "closed"`) on the start screen.
        if script["start"] != "closed" {
            rec.ok("open_demo", json!({}));
            rec.number_the_demo();
        }
        for call in script["calls"].as_array().unwrap() {
            let cmd = call["cmd"].as_str().unwrap();
            let args = rec.real(&call["args"]);
            let _ = rec.call(cmd, args);
        }
        rec.write(&name, script["about"].as_str().unwrap_or_default());
    }
}

#[test]
fn recordings_of_the_demo_for_the_ui() {
    let home = fresh_home();
    let mut rec = Recorder::start(home.path());

    // --- the demo as every screen first reads it ---------------------------
    rec.ok("current_session", json!({}));
    let session = rec.ok("open_demo", json!({}));
    assert_eq!(session["info"]["organisation"], "Harbourline Logistics Ltd");
    rec.number_the_demo();
    rec.ok("recent_files", json!({}));
    rec.ok("history", json!({}));
    let counts = rec.ok("counts", json!({}));
    assert_eq!(counts["processes"], 25);
    rec.ok("list_units", json!({}));
    let processes = rec.ok("list_processes", json!({}));
    rec.ok("get_methodology", json!({}));
    rec.ok("list_resources", json!({}));
    rec.ok("list_dependencies", json!({}));
    let analysis = rec.ok("analyze", json!({}));
    assert_eq!(analysis["processes"].as_array().unwrap().len(), 25);
    let overview = rec.ok("overview", json!({}));
    assert_eq!(overview["critical"].as_array().unwrap().len(), 5);
    rec.ok("decisions", json!({ "processId": null }));
    for process in processes.as_array().unwrap() {
        let id = &process["id"];
        rec.ok("get_process_impact", json!({ "processId": id }));
        rec.ok("analyze_process", json!({ "processId": id }));
        rec.ok("get_objectives", json!({ "processId": id }));
        rec.ok("decisions", json!({ "processId": id }));
    }
    for (kind, options) in [
        ("tiers", json!({})),
        ("heatmap", json!({})),
        ("gaps", json!({})),
        ("categories", json!({ "horizon": "1 d" })),
    ] {
        rec.ok("chart_svg", json!({ "kind": kind, "options": options }));
    }
    rec.write(
        "demo",
        "Harbourline Logistics as opened: session, register, methodology, resources, dependencies, \
         the analysis, decisions, every process's impact, analysis and objectives, the Dashboard's charts.",
    );

    // --- what the forms ask while the user types ---------------------------
    let home = fresh_home();
    let mut rec = Recorder::demo(home.path());
    let (processes, units, _) = rec.demo_rows();
    let payroll = named(&processes, "Payroll processing").clone();
    let desk = named(&processes, "IT service desk").clone();
    let finance = named(&units, "Finance")["id"].clone();
    let blank = json!({ "name": "", "unit_id": finance, "owner": "", "description": "",
        "peak_periods": "", "minimum_staff": null, "workaround": "", "notes": "",
        "claimed_tier": "", "status": "draft", "custom_fields": [] });
    rec.ok("check_process", json!({ "input": blank, "id": null }));
    let mut duplicate = blank.clone();
    duplicate["name"] = json!("payroll processing");
    rec.ok("check_process", json!({ "input": duplicate, "id": null }));
    rec.refused("create_process", json!({ "input": duplicate }));
    let mut own_name = process_input(&payroll);
    rec.ok(
        "check_process",
        json!({ "input": own_name, "id": payroll["id"] }),
    );
    own_name["minimum_staff"] = json!(2_000_000);
    rec.ok(
        "check_process",
        json!({ "input": own_name, "id": payroll["id"] }),
    );
    let objectives = |rto: &str, rpo: &str| {
        json!({ "mtpd_override": "", "mtpd_override_reason": "", "rto": rto, "rpo": rpo, "wrt": "",
                "mbco": "", "rationale": "", "agreed_by": "", "agreed_on": "" })
    };
    for (rto, rpo) in [("1 d", "4 h"), ("soon", ""), ("1 w", "4 h")] {
        rec.ok(
            "check_objectives",
            json!({ "processId": desk["id"], "input": objectives(rto, rpo) }),
        );
    }
    rec.write(
        "checks",
        "The core's checks of typed input: process fields (blank, duplicate name, too many staff), \
         objectives of IT service desk (valid, unreadable, RTO beyond its MTPD of 3 days).",
    );

    // --- an edit and what the screens re-read after it ---------------------
    let home = fresh_home();
    let mut rec = Recorder::demo(home.path());
    let (processes, _, methodology) = rec.demo_rows();
    let payroll = named(&processes, "Payroll processing").clone();
    let desk = named(&processes, "IT service desk").clone();
    let complaints = named(&processes, "Complaints handling").clone();
    let categories = methodology["categories"].as_array().unwrap();
    let horizons = methodology["horizons"].as_array().unwrap();
    let cell = json!({ "category_id": categories[0]["id"], "horizon_id": horizons[0]["id"], "severity": 5 });
    rec.refused(
        "set_scores",
        json!({ "processId": payroll["id"], "inputs": [cell] }),
    );
    rec.ok(
        "set_scores",
        json!({ "processId": complaints["id"], "inputs": [cell] }),
    );
    rec.ok("analyze_process", json!({ "processId": complaints["id"] }));
    rec.ok("analyze", json!({}));
    rec.ok("history", json!({}));
    rec.ok("undo", json!({}));
    rec.ok("analyze_process", json!({ "processId": complaints["id"] }));
    rec.ok(
        "set_objectives",
        json!({ "processId": desk["id"], "input": objectives("2 d", "4 h") }),
    );
    rec.ok("analyze", json!({}));
    rec.ok("decisions", json!({ "processId": desk["id"] }));
    rec.ok("undo", json!({}));
    rec.ok("history", json!({}));
    rec.write(
        "edits",
        "Payroll processing (approved) refuses a score; Complaints handling (unscored) scored 5 at the \
         first horizon in the first category, re-analysed, undone; IT service desk's objectives agreed \
         (RTO 2 d, RPO 4 h), re-analysed, undone.",
    );

    // --- a legacy spreadsheet imported --------------------------------------
    let home = fresh_home();
    let mut rec = Recorder::demo(home.path());
    let path = home
        .path()
        .join("Documents/Finance BIA 2024.csv")
        .display()
        .to_string();
    let summary = rec.ok("plan_import", json!({ "path": path, "choices": [] }));
    assert!(
        !summary["processes"]["rows"].as_array().unwrap().is_empty(),
        "the legacy register is read"
    );
    rec.ok(
        "import_cell_context",
        json!({ "path": path, "sheet": summary["plan"]["tables"][0]["sheet"], "cell": "C8" }),
    );
    rec.ok("apply_import", json!({ "path": path, "choices": [] }));
    rec.ok("list_processes", json!({}));
    rec.ok("list_units", json!({}));
    rec.ok("history", json!({}));
    rec.ok("undo", json!({}));
    rec.write(
        "import",
        "tests/fixtures/finance-bia-2024.csv (a department's legacy register: title block, table, \
         footer) planned, a cell's neighbours, applied, re-read, undone.",
    );
}

#[test]
fn recordings_of_export_and_a_cancelled_import() {
    // --- the workbook exported, with its progress ---------------------------
    let home = fresh_home();
    let documents = home.path().join("Documents");
    let at = |name: &str| documents.join(name).display().to_string();
    let mut rec = Recorder::demo(home.path());
    let saved = at("Harbourline Logistics — BIA 2026.xlsx");
    let report = rec.ok("export_workbook", json!({ "path": saved }));
    assert_eq!(report["warnings"], json!([]));
    rec.ok(
        "export_workbook",
        json!({ "path": at("Board pack March.xlsx") }),
    );
    // "Show in folder" once the workbook was moved away (the replay shows a workbook it wrote).
    std::fs::remove_file(&saved).unwrap();
    rec.refused("reveal_in_folder", json!({ "path": saved }));
    rec.refused(
        "export_workbook",
        json!({ "path": at("Old share/Harbourline Logistics — BIA 2026.xlsx") }),
    );
    rec.refused("export_workbook", json!({ "path": at("board.xls") }));
    rec.write(
        "export",
        "The executive workbook exported with its progress (under the assessment's name, and as \
         Board pack March.xlsx), Show in folder once it was moved away, refused into a folder that \
         does not exist and as .xls.",
    );

    // --- a text longer than a cell, cut on export ---------------------------
    let home = fresh_home();
    let mut rec = Recorder::demo(home.path());
    let (processes, _, _) = rec.demo_rows();
    let complaints = named(&processes, "Complaints handling").clone();
    let mut input = process_input(&complaints);
    input["description"] = json!("Complaints are logged by hand from e-mail. ".repeat(1000));
    rec.ok(
        "update_process",
        json!({ "id": complaints["id"], "input": input }),
    );
    let path = home
        .path()
        .join("Documents/Harbourline Logistics — BIA 2026.xlsx");
    let report = rec.ok("export_workbook", json!({ "path": path }));
    assert_eq!(report["warnings"].as_array().unwrap().len(), 1, "{report}");
    rec.write(
        "export-long-text",
        "Complaints handling's description made 43,000 characters long (more than an Excel cell \
         holds), then the workbook exported: the core cuts it and says where.",
    );

    // --- an import cancelled before its commit ------------------------------
    let home = fresh_home();
    let path = home
        .path()
        .join("Documents/Finance BIA 2024.csv")
        .display()
        .to_string();
    let mut rec = Recorder::demo(home.path());
    rec.ok("plan_import", json!({ "path": path, "choices": [] }));
    let error = rec.apply_cancelled(
        json!({ "path": path, "choices": [] }),
        Box::new(|p| p["stage"] == "processes" && p["done"] == 3),
    );
    assert_eq!(error["code"], "import_cancelled");
    rec.ok("history", json!({}));
    rec.write(
        "import-cancelled",
        "tests/fixtures/finance-bia-2024.csv planned, then applied with Cancel pressed at the third \
         process: nothing changes, nothing to undo.",
    );
}
