//! Import benchmark: a generated wide workbook of 10,000 processes (7
//! categories × 8 horizons of impact under a band of merged group headers,
//! plus 16 other columns: names, units, owners, objectives as text and
//! numbers, label severities, lists of dependencies, columns no BIA models).
//! Reports the time to read and plan its import, the floor — calamine alone
//! reading every cell of the same file, in the same run — and their ratio
//! (target ≤ 1.5×), warm and cold (a fresh process per run); then, once,
//! the whole import into a new file as `bia import --into new.bia` does
//! it, and the plan applied to the assessment open in the desktop, that
//! file's size and the undo journal's share of it; the floor of that
//! write (SQLite alone writing the processes and scores in one
//! transaction), the whole import's ratio to the sum of the two floors
//! (target ≤ 1.5×) and the file's to the plain one (target ≤ 2×), and the
//! same against a fuller floor (everything the plan holds: custom fields,
//! objectives, resources, dependencies too); and opening the imported file.
//! Then `bia export` of the imported file against the rust_xlsxwriter
//! floor. Run with `cargo bench --bench import` (`BIA_BENCH_KEEP=DIR` keeps
//! the workbook and the imported reference assessment in DIR;
//! `BIA_BENCH_EXPORT=FILE` measures only the export of FILE, such as the
//! kept `reference.bia`).

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use bia::Store;
use bia::excel::import::{Limits, Mapping, plan as plan_workbook, read_and_plan, read_workbook};
use bia::model::AssessmentInput;
use calamine::{Reader, Xlsx};
use common::wide::generate;
use rust_xlsxwriter::Workbook;

const PROCESSES: u32 = 10_000;

/// Runs `f` `reps` times and reports the times. What `f` returns is freed
/// after its run is timed, so freeing is in no run's time (the floor's
/// cells and the import's workbook and plan alike; the desktop keeps both
/// for the preview), and each run reuses the memory the last one freed,
/// as a session that previews again does. The last result is returned.
fn median<T>(name: &str, reps: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut kept = None;
    let mut times: Vec<Duration> = (0..reps)
        .map(|_| {
            let t = Instant::now();
            let out = f();
            let time = t.elapsed();
            kept = Some(out);
            time
        })
        .collect();
    times.sort();
    println!(
        "{name:<52} best {:>9.2?}  median {:>9.2?}  worst {:>9.2?}  ({reps} runs)",
        times[0],
        times[reps / 2],
        times[reps - 1]
    );
    (times[reps / 2], kept.expect("at least one run"))
}

/// calamine alone: open the workbook and touch every cell of every sheet.
fn floor(path: &Path) -> (usize, Vec<calamine::Range<calamine::Data>>) {
    let mut book: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let mut cells = 0;
    let mut ranges = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        cells += range.used_cells().count();
        ranges.push(range);
    }
    (cells, ranges)
}

/// The floor and the import as a first import meets them: each run in a
/// fresh process of its own, whose memory the kernel still has to hand
/// over page by page (the runs above reuse what the run before freed).
fn cold(path: &Path) {
    let exe = std::env::current_exe().expect("the bench's own path");
    let run = |what: &str| -> Duration {
        let mut times: Vec<f64> = (0..5)
            .map(|_| {
                let out = std::process::Command::new(&exe)
                    .args(["--cold", what])
                    .arg(path)
                    .output()
                    .expect("the bench runs itself");
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
                String::from_utf8_lossy(&out.stdout)
                    .trim()
                    .parse()
                    .expect("a time in milliseconds")
            })
            .collect();
        times.sort_by(f64::total_cmp);
        Duration::from_secs_f64(times[2] / 1000.0)
    };
    let (floor_time, import_time) = (run("floor"), run("import"));
    println!(
        "cold, a fresh process per run: floor median {floor_time:.2?}, import median \
         {import_time:.2?}: {:.2} (target ≤ 1.50)",
        import_time.as_secs_f64() / floor_time.as_secs_f64()
    );
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("wide.xlsx");
    // `--cold WHAT FILE`: one run of the floor or the import in this fresh
    // process (see `cold` below), timed and printed in milliseconds.
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--cold") {
        let (what, path) = (&args[at + 1], Path::new(&args[at + 2]));
        let dir = tempfile::tempdir().expect("temp dir");
        let store = new_assessment(&dir.path().join("cold.bia"), "Cold");
        let assessment = store.load().expect("it loads");
        let t = Instant::now();
        if what == "floor" {
            std::hint::black_box(floor(path));
        } else {
            let read = read_and_plan(path, &Limits::default(), &assessment, &Mapping::default());
            std::hint::black_box(read.unwrap().1.unwrap());
        }
        println!("{}", t.elapsed().as_secs_f64() * 1000.0);
        return;
    }
    if let Some(file) = std::env::var_os("BIA_BENCH_EXPORT") {
        export(dir.path(), Path::new(&file));
        return;
    }
    let t = Instant::now();
    generate(&path, PROCESSES);
    let size = std::fs::metadata(&path).unwrap().len();
    println!(
        "generated {PROCESSES} processes × 72 columns ({:.1} MB) in {:.2?}",
        size as f64 / 1e6,
        t.elapsed()
    );
    let target = dir.path().join("target.bia");
    let store = new_assessment(&target, "Benchmark");
    let assessment = store.load().unwrap();
    let mapping = Mapping::default();

    // `BIA_BENCH_RUNS=1`: one run of each (to profile what follows).
    let reps: usize = std::env::var("BIA_BENCH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let (floor_time, (cells, _)) =
        median("floor: calamine reads every cell", reps, || floor(&path));
    let (_, workbook) = median("  of which reading (read_workbook)", reps, || {
        read_workbook(&path, &Limits::default()).unwrap()
    });
    median("  of which planning (tables, mapping, plan)", reps, || {
        plan_workbook(&path, &workbook, &assessment, &mapping).unwrap()
    });
    median("  read, then plan (one core at a time)", reps, || {
        let workbook = read_workbook(&path, &Limits::default()).unwrap();
        let plan = plan_workbook(&path, &workbook, &assessment, &mapping).unwrap();
        (workbook, plan)
    });
    let (import_time, (_, plan)) =
        median("import: read and plan (planned while read)", reps, || {
            let (workbook, plan) =
                read_and_plan(&path, &Limits::default(), &assessment, &mapping).unwrap();
            (workbook, plan.unwrap())
        });
    println!(
        "{cells} cells; plan: {} processes, {} scores, {} resources, {} dependencies, {} issues",
        plan.counts.processes_new,
        plan.counts.scores,
        plan.counts.resources_new,
        plan.counts.dependencies_new,
        plan.issues.len()
    );
    println!(
        "import / floor = {:.2} (target ≤ 1.50)",
        import_time.as_secs_f64() / floor_time.as_secs_f64()
    );
    if reps > 1 {
        cold(&path);
    }
    if std::env::var_os("BIA_BENCH_NO_APPLY").is_some() {
        return;
    }
    // As `bia import big.xlsx --into new.bia` does, end to end: a new
    // file built under a hidden name, the workbook read and planned
    // against it, the plan applied as one journaled edit, and the file put
    // at its name (closed, opened and checked there, closed).
    let fresh = dir.path().join("new.bia");
    let t = Instant::now();
    let mut new = Store::create_new(
        &fresh,
        &AssessmentInput {
            name: "Benchmark".into(),
            ..Default::default()
        },
        bia::model::Currency::fallback(),
    )
    .unwrap();
    let (_, fresh_plan) =
        read_and_plan(&path, &Limits::default(), &new.load().unwrap(), &mapping).unwrap();
    let planned = t.elapsed();
    bia::import::apply(&mut new, &fresh_plan.unwrap(), &mut |_| true).unwrap();
    let applied = t.elapsed();
    new.finish().unwrap().close().unwrap();
    let whole_new = t.elapsed();
    println!(
        "import into a new file, as `bia import --into new.bia`, end to end: {whole_new:.2?} \
         (of which reading and planning {planned:.2?}, applying {:.2?}, placing the file {:.2?})",
        applied - planned,
        whole_new - applied
    );
    let mut store = store;
    let t = Instant::now();
    bia::import::apply(&mut store, &plan, &mut |_| true).unwrap();
    let apply_time = t.elapsed();
    println!(
        "apply the plan to the empty assessment open in the desktop (backup + one journaled \
         edit): {apply_time:.2?}"
    );
    if std::env::var_os("BIA_BENCH_ONLY_APPLY").is_some() {
        return;
    }
    store.close().unwrap();
    // `BIA_BENCH_KEEP=DIR`: the workbook and the imported assessment (the
    // reference assessment, to open in the desktop) copied into DIR.
    if let Some(keep) = std::env::var_os("BIA_BENCH_KEEP") {
        let keep = Path::new(&keep);
        std::fs::create_dir_all(keep).unwrap();
        std::fs::copy(&path, keep.join("reference.xlsx")).unwrap();
        std::fs::copy(&target, keep.join("reference.bia")).unwrap();
    }
    let (size, share) = common::journal_share(&target);
    println!(
        "the imported file, closed: {:.1} MB, of which the undo journal {:.1} %",
        size as f64 / 1e6,
        share * 100.0
    );
    {
        let conn = rusqlite::Connection::open(&target).unwrap();
        let mut stmt = conn
            .prepare("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8")
            .unwrap();
        let parts: Vec<String> = stmt
            .query_map([], |r| {
                Ok(format!(
                    "{} {:.1} MB",
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)? as f64 / 1e6
                ))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        println!("  its largest tables and indexes: {}", parts.join(", "));
    }
    let (sqlite_time, plain_size) = sqlite_floor(dir.path(), &plan, Floor::ProcessesAndScores);
    println!(
        "floor: SQLite writes the processes and scores in one transaction: {sqlite_time:.2?}, \
         a file of {:.1} MB",
        plain_size as f64 / 1e6
    );
    let (all_time, all_size) = sqlite_floor(dir.path(), &plan, Floor::Everything);
    println!(
        "floor: SQLite writes everything the plan holds (processes and their custom fields, \
         scores, objectives, resources, dependencies) in one transaction: {all_time:.2?}, a file \
         of {:.1} MB",
        all_size as f64 / 1e6
    );
    let floors = floor_time + sqlite_time;
    let whole = import_time + apply_time;
    println!(
        "whole import into a new file (`bia import --into new.bia`) {whole_new:.2?} / (calamine + \
         SQLite floors) {floors:.2?} = {:.2} (target ≤ 1.50); into the open assessment (read, \
         plan, backup, apply) {whole:.2?} = {:.2}; file / plain file = {:.1} (target ≤ 2)",
        whole_new.as_secs_f64() / floors.as_secs_f64(),
        whole.as_secs_f64() / floors.as_secs_f64(),
        size as f64 / plain_size as f64
    );
    let floors_all = floor_time + all_time;
    println!(
        "  against calamine + SQLite writing all the plan holds {floors_all:.2?}: into a new file \
         {:.2}, into the open assessment {:.2}; file / that plain file = {:.1}",
        whole_new.as_secs_f64() / floors_all.as_secs_f64(),
        whole.as_secs_f64() / floors_all.as_secs_f64(),
        size as f64 / all_size as f64
    );
    small(dir.path());
    opening(&target);
    export(dir.path(), &target);
    undo_and_redo(&target);
}

/// Opening the imported file, for editing (`bia process add`, the
/// desktop) and to read (`bia process list`, `bia dump`), and loading it
/// (target: opening ≤ 200 ms).
fn opening(target: &Path) {
    type Open = fn(&Path) -> bia::store::Result<Store>;
    let ways: [(&str, Open); 2] = [
        ("for editing (Store::open)", Store::open),
        ("to read (Store::open_to_read)", Store::open_to_read),
    ];
    for (how, open) in ways {
        let (mut opens, mut loads) = (Vec::new(), Vec::new());
        for _ in 0..3 {
            let t = Instant::now();
            let store = open(target).unwrap();
            opens.push(t.elapsed());
            let t = Instant::now();
            let assessment = store.load().unwrap();
            loads.push(t.elapsed());
            drop(assessment);
            store.close().unwrap();
        }
        opens.sort();
        loads.sort();
        println!(
            "open the imported file {how}: median {:.2?} (target ≤ 200 ms); then load it: median {:.2?}",
            opens[1], loads[1]
        );
    }
    let store = Store::open(target).unwrap();
    let t = Instant::now();
    store.check().unwrap();
    println!("the full check on demand (bia check): {:.2?}", t.elapsed());
    store.close().unwrap();
}

/// `bia export` of the imported file end to end (open to read, load,
/// write the workbook) against the floor: rust_xlsxwriter alone writing
/// as many string and number cells as the export holds (target ≤ 1.5×).
fn export(dir: &Path, target: &Path) {
    let out = dir.join("export.xlsx");
    let (mut ends, mut opens, mut writes) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..3 {
        let _ = std::fs::remove_file(&out);
        let t = Instant::now();
        let store = Store::open_to_read(target).unwrap();
        let assessment = store.load().unwrap();
        let decisions = store.decisions(None).unwrap();
        store.close().unwrap();
        let loaded = t.elapsed();
        bia::workbench::export(&assessment, &decisions, &out, &mut |_| {}).unwrap();
        ends.push(t.elapsed());
        opens.push(loaded);
        writes.push(t.elapsed() - loaded);
    }
    for v in [&mut ends, &mut opens, &mut writes] {
        v.sort();
    }
    let mut book: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let (mut strings, mut numbers) = (0usize, 0usize);
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut cells = Vec::new();
        for (r, c, d) in range.used_cells() {
            let (row, col) = (top + r as u32, (left as usize + c) as u16);
            match d {
                calamine::Data::String(s) => {
                    strings += 1;
                    cells.push((row, col, Some(s.clone()), 0.0));
                }
                calamine::Data::Float(x) => {
                    numbers += 1;
                    cells.push((row, col, None, *x));
                }
                calamine::Data::Int(n) => {
                    numbers += 1;
                    cells.push((row, col, None, *n as f64));
                }
                _ => {}
            }
        }
        sheets.push((name, cells));
    }
    let plain = dir.join("plain.xlsx");
    let pool: Vec<String> = (0..2_000).map(|i| format!("Process {i:05} text")).collect();
    let (pooled, _) = median(
        "floor: rust_xlsxwriter writes as many cells (2,000 texts)",
        3,
        || {
            let mut wb = Workbook::new();
            let ws = wb.add_worksheet();
            for i in 0..strings + numbers {
                let (row, col) = ((i / 80) as u32, (i % 80) as u16);
                if i < strings {
                    ws.write_string(row, col, &pool[i % pool.len()]).unwrap();
                } else {
                    ws.write_number(row, col, (i % 6) as f64).unwrap();
                }
            }
            wb.save(&plain).unwrap();
        },
    );
    let (same, _) = median(
        "floor: rust_xlsxwriter writes the export's own cells",
        3,
        || {
            let mut wb = Workbook::new();
            for (name, cells) in &sheets {
                let ws = wb.add_worksheet();
                ws.set_name(name).unwrap();
                for (row, col, text, number) in cells {
                    match text {
                        Some(t) => ws.write_string(*row, *col, t).unwrap(),
                        None => ws.write_number(*row, *col, *number).unwrap(),
                    };
                }
            }
            wb.save(&plain).unwrap();
        },
    );
    println!(
        "bia export of the imported file, end to end: median {:.2?} (opening and loading {:.2?}, \
         the workbook {:.2?}; {strings} strings, {numbers} numbers); / floor {pooled:.2?} = {:.2}, \
         / the same cells' floor {same:.2?} = {:.2} (target ≤ 1.50)",
        ends[1],
        opens[1],
        writes[1],
        ends[1].as_secs_f64() / pooled.as_secs_f64(),
        ends[1].as_secs_f64() / same.as_secs_f64()
    );
}

/// One undo takes the whole import back, one redo puts it again.
fn undo_and_redo(target: &Path) {
    let mut store = Store::open(target).unwrap();
    let processes = store.load().unwrap().processes.len();
    let t = Instant::now();
    store.undo().unwrap();
    let undo = t.elapsed();
    assert!(store.load().unwrap().processes.is_empty());
    let t = Instant::now();
    store.redo().unwrap();
    let redo = t.elapsed();
    assert_eq!(store.load().unwrap().processes.len(), processes);
    store.close().unwrap();
    println!("undo the import: {undo:.2?}; redo it: {redo:.2?}");
}

/// A new, empty assessment named `name` at `path`.
fn new_assessment(path: &Path, name: &str) -> Store {
    let input = AssessmentInput {
        name: name.into(),
        ..Default::default()
    };
    Store::create(path, &input, bia::model::Currency::fallback()).expect("a new assessment")
}

/// A workshop-sized import end to end: 200 processes of the same shape,
/// read, planned and applied to a new file (target: well under a second).
fn small(dir: &Path) {
    let path = dir.join("small.xlsx");
    generate(&path, 200);
    let mut runs = Vec::new();
    for run in 0..5 {
        let target = dir.join(format!("small-{run}.bia"));
        let t = Instant::now();
        let mut store = new_assessment(&target, "Small");
        let assessment = store.load().unwrap();
        let (_, plan) =
            read_and_plan(&path, &Limits::default(), &assessment, &Mapping::default()).unwrap();
        bia::import::apply(&mut store, &plan.unwrap(), &mut |_| true).unwrap();
        store.close().unwrap();
        runs.push(t.elapsed());
    }
    runs.sort();
    println!(
        "a 200-process workbook imported into a new file, end to end: median {:.2?}, worst {:.2?} \
         (target well under 1 s)",
        runs[2], runs[4]
    );
}

/// What a floor of the import's write holds.
#[derive(Clone, Copy, PartialEq)]
enum Floor {
    /// The plan's processes and scores: the least an import must write.
    ProcessesAndScores,
    /// Everything the plan holds: also each process's custom fields and
    /// objectives, the resources and the dependencies (each once, as a
    /// spreadsheet's user would expect them kept).
    Everything,
}

/// The rows of `floor`, in a plain schema, in one transaction, with
/// prepared statements, synchronous=FULL as the store writes; no undo
/// journal, no decision log, no checks. Returns the time and the size of
/// the file.
fn sqlite_floor(dir: &Path, plan: &bia::excel::import::Plan, floor: Floor) -> (Duration, u64) {
    use bia::excel::import::Target;
    use std::collections::HashMap;
    let everything = floor == Floor::Everything;
    let path = dir.join(if everything {
        "plain-all.sqlite"
    } else {
        "plain.sqlite"
    });
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
         CREATE TABLE process (id TEXT PRIMARY KEY, name TEXT NOT NULL, unit TEXT,
             owner TEXT, description TEXT, notes TEXT, mtpd INTEGER, rto INTEGER, rpo INTEGER);
         CREATE TABLE score (process_id TEXT NOT NULL, category_id TEXT NOT NULL,
             horizon_id TEXT NOT NULL, severity INTEGER NOT NULL,
             PRIMARY KEY (process_id, category_id, horizon_id)) WITHOUT ROWID;
         CREATE TABLE custom_field (process_id TEXT NOT NULL, name TEXT NOT NULL, value TEXT,
             PRIMARY KEY (process_id, name)) WITHOUT ROWID;
         CREATE TABLE objective (process_id TEXT PRIMARY KEY, claimed_tier TEXT, wrt INTEGER,
             mbco INTEGER, rationale TEXT) WITHOUT ROWID;
         CREATE TABLE resource (id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL);
         CREATE TABLE dependency (from_id TEXT NOT NULL, to_id TEXT NOT NULL, note TEXT,
             PRIMARY KEY (from_id, to_id)) WITHOUT ROWID;",
    )
    .unwrap();
    let t = Instant::now();
    let tx = conn.transaction().unwrap();
    {
        let mut process = tx
            .prepare("INSERT INTO process VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
            .unwrap();
        let mut score = tx
            .prepare("INSERT INTO score VALUES (?1, ?2, ?3, ?4)")
            .unwrap();
        let mut field = tx
            .prepare("INSERT OR REPLACE INTO custom_field VALUES (?1, ?2, ?3)")
            .unwrap();
        let mut objective = tx
            .prepare("INSERT INTO objective VALUES (?1, ?2, ?3, ?4, ?5)")
            .unwrap();
        let mut resource = tx
            .prepare("INSERT INTO resource VALUES (?1, ?2, ?3)")
            .unwrap();
        let mut dependency = tx
            .prepare("INSERT OR IGNORE INTO dependency VALUES (?1, ?2, ?3)")
            .unwrap();
        let minutes = |d: Option<bia::model::duration::Spoken>| d.map(|d| d.minutes.0);
        let mut ids: HashMap<&str, String> = HashMap::new();
        for (i, p) in plan.processes.iter().enumerate() {
            // As long as a UUID's text, as the store's ids are.
            let id = format!("{i:036}");
            let o = p.objectives.as_ref();
            process
                .execute(rusqlite::params![
                    id,
                    p.input.name.as_str(),
                    p.unit,
                    p.input.owner,
                    p.input.description,
                    p.input.notes,
                    minutes(o.and_then(|o| o.mtpd)),
                    minutes(o.and_then(|o| o.rto)),
                    minutes(o.and_then(|o| o.rpo)),
                ])
                .unwrap();
            for s in &p.scores {
                score
                    .execute(rusqlite::params![
                        id,
                        s.category_id.to_string(),
                        s.horizon_id.to_string(),
                        s.severity
                    ])
                    .unwrap();
            }
            if !everything {
                continue;
            }
            for f in &p.input.custom_fields {
                field
                    .execute(rusqlite::params![id, f.name, f.value])
                    .unwrap();
            }
            if let Some(o) = o {
                objective
                    .execute(rusqlite::params![
                        id,
                        p.input.claimed_tier,
                        minutes(o.wrt),
                        o.mbco_percent,
                        o.rationale,
                    ])
                    .unwrap();
            }
            ids.insert(p.input.name.as_str(), id);
        }
        if everything {
            let mut resources: HashMap<(&str, &str), String> = HashMap::new();
            for (i, r) in plan.resources.iter().enumerate() {
                let id = format!("r{i:035}");
                let kind = r.kind.label();
                resource
                    .execute(rusqlite::params![id, kind, r.name])
                    .unwrap();
                resources.insert((kind, r.name.as_str()), id);
            }
            for d in &plan.dependencies {
                let to = match &d.target {
                    Target::Process { name } => ids.get(name.as_str()),
                    Target::Resource { resource, name } => {
                        resources.get(&(resource.label(), name.as_str()))
                    }
                };
                if let (Some(from), Some(to)) = (ids.get(d.process.as_str()), to) {
                    dependency
                        .execute(rusqlite::params![from, to, d.note])
                        .unwrap();
                }
            }
        }
    }
    tx.commit().unwrap();
    let elapsed = t.elapsed();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    drop(conn);
    (elapsed, std::fs::metadata(&path).unwrap().len())
}
