//! Reading a table's rows into drafts: each column's role, each cell read
//! and checked, issues at their cells.

use super::*;

impl Planner<'_> {
    pub(super) fn provenance(&self, sheet: &str, pos: Pos) -> Provenance {
        Provenance::Imported {
            file: self.file.as_str().into(),
            sheet: sheet.into(),
            cell: pos.a1(),
            values: Vec::new(),
        }
    }

    /// What each column of `table` contributes, resolving impact columns
    /// against the methodology (one warning per column when a guess is made).
    pub(super) fn roles(&mut self, table: &Table) -> Vec<(u32, Role, Option<u32>)> {
        let m = &self.current.methodology;
        let mut used_scores: FxHashSet<(Id, Id)> = FxHashSet::default();
        // How many columns share each header, counted once (a table may be
        // 16,384 columns wide).
        let mut headers: FxHashMap<String, usize> = FxHashMap::default();
        for c in &table.columns {
            *headers.entry(name_key(&c.header)).or_default() += 1;
        }
        let long = is_impact_rows(table);
        let custom = |name: String| {
            let key = name_key(&name);
            Role::Custom(name, key)
        };
        let mut roles = Vec::new();
        for c in &table.columns {
            let at = Pos::new(table.header_row, c.col);
            let custom_name = |c: &Column| {
                let repeated = headers.get(&name_key(&c.header)).is_some_and(|n| *n > 1);
                match (&c.band, repeated) {
                    (Some(b), true) => format!("{b} – {}", c.header),
                    (None, true) => format!("{} ({})", c.header, column_letters(c.col)),
                    _ => c.header.clone(),
                }
            };
            let role = match &c.field {
                field if let Some(role) = Role::of_process_field(field) => role,
                Field::Custom if long => Role::Note(custom_name(c)),
                Field::Criticality if !long => {
                    let name = custom_name(c);
                    let key = name_key(&name);
                    Role::Claim(name, key)
                }
                Field::Id | Field::Criticality | Field::RecoveryCapability | Field::Custom => {
                    if c.source == Source::Unmapped {
                        self.unmapped.push(Unmapped {
                            sheet: table.sheet_name.clone(),
                            column: column_letters(c.col),
                            header: c.header.clone(),
                        });
                    }
                    custom(custom_name(c))
                }
                Field::TimePoint => Role::TimePoint { seconds: false },
                Field::TimePointSeconds => Role::TimePoint { seconds: true },
                Field::Severity => Role::Severity,
                Field::ImpactCategories => Role::Categories,
                Field::Impact { category, horizon } => {
                    let live = || m.categories.iter().filter(|c| !c.retired);
                    let cat = match category {
                        Some(name) => live().find(|x| name_key(&x.name) == name_key(name)),
                        None => {
                            let pick = live()
                                .find(|x| name_key(&x.name) == "operational")
                                .or_else(|| live().next());
                            if let Some(p) = pick {
                                self.issues.push(Issue::at(
                                    Level::Warning,
                                    &table.sheet_name,
                                    at,
                                    format!(
                                        "\"{}\" names no impact category; scored as {}.",
                                        c.header, p.name
                                    ),
                                ));
                            }
                            pick
                        }
                    };
                    let hor = m.horizons.iter().find(|h| h.minutes >= *horizon);
                    match (cat, hor) {
                        (Some(cat), Some(hor)) if used_scores.insert((cat.id, hor.id)) => {
                            if hor.minutes != *horizon {
                                self.issues.push(Issue::at(
                                    Level::Warning,
                                    &table.sheet_name,
                                    at,
                                    format!(
                                        "The assessment has no {horizon} horizon; \"{}\" is scored \
                                         at the next one, {}.",
                                        c.header, hor.label
                                    ),
                                ));
                            }
                            Role::Score {
                                category: cat.id,
                                horizon: hor.id,
                            }
                        }
                        (cat, hor) => {
                            let why = match (cat, hor) {
                                (None, _) => format!(
                                    "the category \"{}\" is not in the assessment's methodology",
                                    category.as_deref().unwrap_or("")
                                ),
                                (_, None) => {
                                    format!("{horizon} is beyond the assessment's last horizon")
                                }
                                _ => "another column already scores that category and horizon"
                                    .to_string(),
                            };
                            self.issues.push(Issue::at(
                                Level::Warning,
                                &table.sheet_name,
                                at,
                                format!("\"{}\": {why}; kept as a custom field.", c.header),
                            ));
                            custom(custom_name(c))
                        }
                    }
                }
                // The fields of the process itself took their role above.
                _ => Role::Ignore,
            };
            roles.push((c.col, role, c.unit));
        }
        roles
    }

    /// What reading the rows of `table` needs, worked out once: each
    /// column's role (see [`Planner::roles`]) and the table's shape.
    pub(super) fn table_read(&mut self, table: &Table, per_sheet_units: bool) -> TableRead {
        let roles = self.roles(table);
        let count = |f: fn(&Role) -> bool| roles.iter().filter(|(_, r, _)| f(r)).count();
        TableRead {
            sheet: Arc::from(table.sheet_name.as_str()),
            has_unit_column: count(|r| matches!(r, Role::Unit)) > 0,
            // One row per impact: a process on many rows is the rule, not a duplicate.
            long: count(|r| matches!(r, Role::TimePoint { .. })) > 0,
            process_col: roles
                .iter()
                .find(|(_, r, _)| matches!(r, Role::Process))
                .map(|(c, _, _)| *c)
                .unwrap_or(0),
            title_unit: table.title_unit.clone(),
            per_sheet_units,
            score_columns: count(|r| matches!(r, Role::Score { .. })),
            text_columns: count(|r| matches!(r, Role::Text(_) | Role::MinimumStaff)),
            custom_columns: count(|r| matches!(r, Role::Custom(..) | Role::Claim(..))),
            duration_columns: count(|r| matches!(r, Role::Duration(..))),
            roles,
        }
    }

    pub(super) fn read_rows(&mut self, sheet: &Sheet, table: &Table, t: &TableRead) {
        self.drafts.reserve(table.rows.len());
        for &i in &table.rows {
            self.read_row(&sheet.rows[i], t);
        }
    }

    /// Reads one row of a table into the draft of its process.
    pub(super) fn read_row(&mut self, row: &Row, t: &TableRead) {
        let current = self.current;
        let scale = &current.methodology.scale;
        let Some(name_value) = row.get(t.process_col) else {
            return;
        };
        let name_pos = Pos::new(row.index, t.process_col);
        let name = text_of(name_value);
        let key = name_key(&name);
        let at = |pos: Pos| address(&t.sheet, pos);
        // A process first met on this row has no score yet from
        // another row (and this row's columns score distinct cells).
        let mut first_row = false;
        let idx = match self.by_key.get(&key) {
            Some(&idx) if t.long => idx,
            Some(&idx) => {
                let first = self.drafts[idx]
                    .name
                    .as_ref()
                    .map(Cell::address)
                    .unwrap_or_default();
                self.issues.push(Issue::at(
                    Level::Warning,
                    &t.sheet,
                    name_pos,
                    format!(
                        "\"{name}\" appears again (first at {first}); the rows are merged into \
                         one process."
                    ),
                ));
                idx
            }
            None => {
                first_row = true;
                self.drafts.push(Draft {
                    name: Some(mk(&t.sheet, name_pos, name)),
                    key: key.clone(),
                    texts: Vec::with_capacity(t.text_columns),
                    custom: Vec::with_capacity(t.custom_columns),
                    custom_keys: FxHashMap::with_capacity_and_hasher(
                        t.custom_columns,
                        Default::default(),
                    ),
                    durations: Vec::with_capacity(t.duration_columns),
                    scores: Vec::with_capacity(t.score_columns),
                    ..Draft::default()
                });
                self.by_key.insert(key, self.drafts.len() - 1);
                self.drafts.len() - 1
            }
        };
        self.drafts[idx].rows.push(at(name_pos));
        if !t.has_unit_column {
            let unit = t
                .title_unit
                .as_ref()
                .map(|(u, p)| (u.clone(), *p))
                .or_else(|| t.per_sheet_units.then(|| (t.sheet.to_string(), name_pos)));
            if let Some((unit, pos)) = unit {
                self.set_unit(idx, unit, &t.sheet, pos);
            }
        }
        let mut impact = ImpactRow::default();
        for (col, role, unit) in &t.roles {
            let Some(value) = row.get(*col) else { continue };
            let pos = Pos::new(row.index, *col);
            match role {
                Role::Process | Role::Ignore => {}
                Role::TimePoint { seconds } => {
                    let read = match (value, seconds) {
                        (Value::Number(n), true) if *n >= 0.0 => {
                            Ok(Some(Minutes((n / 60.0).round() as u32)))
                        }
                        (Value::Text(t), true) if t.trim().parse::<f64>().is_ok() => {
                            let n: f64 = t.trim().parse().unwrap_or(-1.0);
                            if n >= 0.0 {
                                Ok(Some(Minutes((n / 60.0).round() as u32)))
                            } else {
                                Err(format!("{n} is not a time point"))
                            }
                        }
                        _ => duration_cell(value, *unit).map(|r| r.value.map(|s| s.minutes)),
                    };
                    match read {
                        Ok(Some(m)) => impact.time = Some((m, pos)),
                        Ok(None) => {}
                        Err(e) => self.issue_at(
                            Level::Error,
                            &t.sheet,
                            pos,
                            format!("Time point: {e}; the row's impact was left out."),
                        ),
                    }
                }
                Role::Severity => {
                    impact.severity_word = self.word(value, &t.sheet, pos);
                    match self.severity(value, scale) {
                        Ok((level, notes)) => {
                            for note in notes.iter() {
                                self.issue_str(Level::Warning, &t.sheet, pos, note);
                            }
                            impact.severity = level.map(|l| (l, pos));
                        }
                        Err(e) => self.issue_str(Level::Error, &t.sheet, pos, &e),
                    }
                }
                Role::Categories => {
                    if !matches!(value, Value::Error(_)) {
                        impact.categories = split_list(&value.display());
                        impact.categories_at = Some(pos);
                    }
                }
                Role::Note(name) => {
                    let text = cell_text(value);
                    if !text.is_empty() {
                        impact.note.push(format!("{name}: {text}"));
                    }
                }
                Role::Score { category, horizon } => match self.severity(value, scale) {
                    Ok((level, notes)) => {
                        let word = self.word(value, &t.sheet, pos);
                        for note in notes.iter() {
                            self.issue_str(Level::Warning, &t.sheet, pos, note);
                        }
                        if let Some(sev) = level {
                            let d = &mut self.drafts[idx];
                            let earlier = if first_row {
                                None
                            } else {
                                d.score(*category, *horizon)
                            };
                            match earlier {
                                Some((first, at)) if first != sev => {
                                    let msg = format!(
                                        "Scored {first} at {at} and {sev} here; the first is \
                                         kept."
                                    );
                                    self.issue_at(Level::Warning, &t.sheet, pos, msg);
                                }
                                Some(_) => {}
                                None => {
                                    d.push_score(
                                        *category,
                                        *horizon,
                                        sev,
                                        &t.sheet,
                                        pos,
                                        String::new(),
                                    );
                                    self.word_score(idx, word);
                                }
                            }
                        }
                    }
                    Err(e) => {
                        self.word(value, &t.sheet, pos);
                        self.issue_str(Level::Error, &t.sheet, pos, &e)
                    }
                },
                Role::Unit
                | Role::Text(_)
                | Role::Custom(..)
                | Role::Claim(..)
                | Role::MinimumStaff
                | Role::Duration(..)
                | Role::Mbco
                | Role::Dependency(_) => self.read_value(idx, &t.sheet, pos, role, *unit, value),
            }
        }
        self.impact_row(idx, &t.sheet, row.index, impact);
    }

    /// Reads one cell meaning a field of the process (not an impact) into
    /// draft `idx`: a table's cell under its column, a form's value
    /// beside its label.
    pub(super) fn read_value(
        &mut self,
        idx: usize,
        sheet: &Arc<str>,
        pos: Pos,
        role: &Role,
        unit: Option<u32>,
        value: &Value,
    ) {
        match role {
            Role::Unit if !matches!(value, Value::Error(_)) => {
                self.set_unit(idx, text_of(value), sheet, pos);
            }
            Role::Text(field) if !matches!(value, Value::Error(_)) => {
                let text = cell_text(value);
                self.set_text(idx, field, mk(sheet, pos, text));
            }
            Role::Custom(name, key) => {
                let text = cell_text(value);
                self.set_custom(idx, name, key, mk(sheet, pos, text));
            }
            Role::Claim(name, key) => {
                let text = cell_text(value);
                match self.current.methodology.read_tier_claim(&text) {
                    Ok(Some(_)) => self.set_text(idx, "claimed_tier", mk(sheet, pos, text.clone())),
                    Ok(None) => {}
                    Err(e) => self.issue_at(
                        Level::Warning,
                        sheet,
                        pos,
                        format!("{e}; kept as the custom field \"{name}\" only."),
                    ),
                }
                self.set_custom(idx, name, key, mk(sheet, pos, text));
            }
            Role::MinimumStaff => match staff(value) {
                Ok(Some(n)) => self.set_text(idx, "minimum_staff", mk(sheet, pos, n.to_string())),
                Ok(None) => {}
                Err(e) => self.issue_at(Level::Error, sheet, pos, e),
            },
            Role::Duration(field, label) => match self.duration(field, label, value, unit) {
                DurationRead::NotApplicable => {
                    self.drafts[idx].rpo_not_applicable = Some(mk(sheet, pos, true));
                }
                DurationRead::Read(read, notes) => {
                    for note in notes.iter() {
                        self.issue_str(Level::Warning, sheet, pos, note);
                    }
                    self.set_duration(idx, field, mk(sheet, pos, read));
                }
                DurationRead::Unreadable(e) => self.issue_str(Level::Error, sheet, pos, &e),
            },
            Role::Mbco => match mbco(value) {
                Ok(Some(p)) => self.drafts[idx].mbco = Some(mk(sheet, pos, p)),
                Ok(None) => {}
                Err(e) => self.issue_at(Level::Error, sheet, pos, e),
            },
            Role::Dependency(kind) => {
                if matches!(value, Value::Error(_)) {
                    return;
                }
                let listed = match value {
                    Value::Text(t) => split_list_keyed(t),
                    other => split_list_keyed(&other.display()),
                };
                for (name, key) in listed {
                    let target = match kind {
                        Some(k) => {
                            let first = self
                                .resource_names
                                .entry((*k, key))
                                .or_insert_with(|| mk(sheet, pos, name.clone()));
                            Target::Resource {
                                resource: *k,
                                name: first.value.clone(),
                            }
                        }
                        None => Target::Process { name },
                    };
                    let deps = &mut self.drafts[idx].dependencies;
                    if !deps.iter().any(|(t, _)| *t == target) {
                        deps.push((target, mk(sheet, pos, ())));
                    }
                }
            }
            _ => {}
        }
    }

    /// Reads a severity, remembering what each text was read as (a
    /// column of labels repeats a handful of texts thousands of times).
    pub(super) fn severity(
        &mut self,
        value: &Value,
        scale: &[bia_model::SeverityLevel],
    ) -> SeverityRead {
        let fresh = |value: &Value| match severity_cell(value, scale) {
            Ok(read) => Ok((
                read.value,
                read.notes.into_iter().map(|n| format!("{n}.")).collect(),
            )),
            Err(e) => Err(Arc::from(format!("{e}; left unscored."))),
        };
        let Value::Text(text) = value else {
            if let (Value::Number(n), Some(lo), Some(hi)) = (value, scale.first(), scale.last())
                && n.fract() == 0.0
                && (f64::from(lo.value)..=f64::from(hi.value)).contains(n)
            {
                return Ok((Some(*n as u8), Arc::clone(&self.no_notes)));
            }
            return fresh(value);
        };
        if let Some(known) = self.severities.get(text.as_str()) {
            return known.clone();
        }
        // A word: the user's level, else read by the rule; the plan's
        // words say how each was read, so no note per cell.
        let read = if is_word(text) {
            match user_level(&word_key(text), scale, self.levels) {
                Some(level) => Ok((Some(level), Arc::clone(&self.no_notes))),
                None => match severity_cell(value, scale) {
                    Ok(read) => Ok((read.value, Arc::clone(&self.no_notes))),
                    Err(e) => Err(Arc::from(format!(
                        "{e}; left unscored (give the word a level in the preview, or in a \
                         mapping file's [levels])."
                    ))),
                },
            }
        } else {
            fresh(value)
        };
        self.severities.insert(text.clone(), read.clone());
        read
    }

    /// Reads a duration cell of `field` (`label` in messages), remembering
    /// what each text was read as, with the messages to show at the cell.
    fn duration(
        &mut self,
        field: &'static str,
        label: &'static str,
        value: &Value,
        unit: Option<u32>,
    ) -> DurationRead {
        let fresh = |value: &Value| {
            if field == "rpo" && is_not_applicable(value) {
                return DurationRead::NotApplicable;
            }
            match duration_cell(value, unit) {
                Ok(read) => DurationRead::Read(
                    read.value,
                    read.notes
                        .into_iter()
                        .map(|n| format!("{label}: {n}."))
                        .collect(),
                ),
                Err(e) => DurationRead::Unreadable(Arc::from(format!("{label}: {e}; left out."))),
            }
        };
        let Value::Text(text) = value else {
            return fresh(value);
        };
        let known = self.durations.entry((field, unit)).or_default();
        if let Some(read) = known.get(text.as_str()) {
            return read.clone();
        }
        let read = fresh(value);
        known.insert(text.clone(), read.clone());
        read
    }

    /// Records an issue; the same issue again further down the same column
    /// only counts as a repeat of the first (see [`Issue::repeats`]).
    /// Scores one row of a table of one row per impact: its severity at
    /// the horizon of its time point, in each of its categories.
    pub(super) fn impact_row(&mut self, idx: usize, sheet: &Arc<str>, row: u32, impact: ImpactRow) {
        let (Some((minutes, time_at)), Some((severity, severity_at))) =
            (impact.time, impact.severity)
        else {
            if impact.time.is_some() || impact.severity.is_some() {
                let at = impact.time.map(|t| t.1).or(impact.severity.map(|s| s.1));
                if let Some(at) = at {
                    self.issue_at(
                        Level::Warning,
                        sheet,
                        at,
                        "The row has a time point or a severity but not both; no impact was scored.",
                    );
                }
            }
            return;
        };
        let m = &self.current.methodology;
        let Some(horizon) = m.horizons.iter().find(|h| h.minutes >= minutes) else {
            self.issue_at(
                Level::Error,
                sheet,
                time_at,
                format!("{minutes} is beyond the assessment's last horizon; the row's impact was left out."),
            );
            return;
        };
        let horizon_id = horizon.id;
        if horizon.minutes != minutes {
            let msg = format!(
                "The assessment has no {minutes} horizon; the impact is scored at the next one, {}.",
                horizon.label
            );
            self.issue_at(Level::Warning, sheet, time_at, msg);
        }
        let own: Vec<String> = m.categories.iter().map(|c| c.name.clone()).collect();
        let at = impact
            .categories_at
            .unwrap_or(Pos::new(row, severity_at.col));
        let mut unknown = Vec::new();
        let mut categories = Vec::new();
        for name in &impact.categories {
            let found = self.synonyms.category(name, &own).and_then(|canonical| {
                m.categories
                    .iter()
                    .find(|c| !c.retired && name_key(&c.name) == name_key(&canonical))
            });
            match found {
                Some(c) => categories.push(c.id),
                None => unknown.push(name.clone()),
            }
        }
        if impact.categories.is_empty() {
            self.issue_at(
                Level::Warning,
                sheet,
                at,
                "The row names no impact category; no impact was scored.",
            );
        }
        if !unknown.is_empty() {
            self.issue_at(
                Level::Warning,
                sheet,
                at,
                format!(
                    "Not an impact category of the assessment: {}; left out.",
                    unknown.join(", ")
                ),
            );
        }
        let note = impact.note.join("; ");
        for category in categories {
            let d = &mut self.drafts[idx];
            match d.score(category, horizon_id) {
                Some((first, at)) if first != severity => {
                    let msg =
                        format!("Scored {first} at {at} and {severity} here; the first is kept.");
                    self.issue_at(Level::Warning, sheet, severity_at, msg);
                }
                Some(_) => {}
                None => {
                    d.push_score(
                        category,
                        horizon_id,
                        severity,
                        sheet,
                        severity_at,
                        note.clone(),
                    );
                    self.word_score(idx, impact.severity_word);
                }
            }
        }
    }

    /// Counts a severity cell written as a word ("High"); the word's number.
    pub(super) fn word(&mut self, value: &Value, sheet: &str, pos: Pos) -> Option<u32> {
        let Value::Text(text) = value else {
            return None;
        };
        if let Some(known) = self.word_ids.get(text.as_str()) {
            let known = *known;
            if let Some(i) = known {
                self.words.bump(i);
            }
            return known;
        }
        let id = is_word(text).then(|| self.words.count(text, sheet, pos));
        self.word_ids.insert(text.clone(), id);
        id
    }

    /// Remembers that the score just pushed on draft `idx` was a word, so
    /// its level is settled with every word known.
    pub(super) fn word_score(&mut self, idx: usize, word: Option<u32>) {
        if let Some(w) = word {
            let score = self.drafts[idx].scores.len() - 1;
            self.word_scores.push((idx as u32, score as u32, w));
        }
    }

    pub(super) fn issue_at(
        &mut self,
        level: Level,
        sheet: &str,
        pos: Pos,
        message: impl Into<String>,
    ) {
        self.issue_str(level, sheet, pos, &message.into());
    }

    /// [`Planner::issue_at`], copying the message only when it is new.
    pub(super) fn issue_str(&mut self, level: Level, sheet: &str, pos: Pos, message: &str) {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        (level, sheet, pos.col, message).hash(&mut h);
        let key = h.finish();
        if let Some(&(i, col)) = self.repeated.get(&key) {
            let first = &mut self.issues[i];
            if col == pos.col
                && first.level == level
                && first.sheet.as_deref() == Some(sheet)
                && first.message == message
            {
                first.repeats += 1;
                return;
            }
        }
        self.repeated.insert(key, (self.issues.len(), pos.col));
        self.issues
            .push(Issue::at(level, sheet, pos, message.to_string()));
    }

    /// Keeps the first value of a merged process; a different later one is
    /// a warning.
    pub(super) fn conflict(&mut self, what: &str, first: &Cell<String>, later: &Cell<String>) {
        if first.value != later.value && !later.value.is_empty() {
            self.issues.push(Issue::at(
                Level::Warning,
                &later.sheet,
                later.pos,
                format!(
                    "{what}: \"{}\" here, \"{}\" at {}; the first is kept.",
                    later.value,
                    first.value,
                    first.address()
                ),
            ));
        }
    }

    pub(super) fn set_unit(&mut self, idx: usize, unit: String, sheet: &Arc<str>, pos: Pos) {
        if unit.is_empty() {
            return;
        }
        let later = mk(sheet, pos, unit);
        match self.drafts[idx].unit.clone() {
            Some(first) => self.conflict("Unit", &first, &later),
            None => self.drafts[idx].unit = Some(later),
        }
    }

    pub(super) fn set_text(&mut self, idx: usize, field: &'static str, value: Cell<String>) {
        if value.value.is_empty() {
            return;
        }
        let existing = self.drafts[idx]
            .texts
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| c.clone());
        match existing {
            Some(first) => self.conflict(field, &first, &value),
            None => self.drafts[idx].texts.push((field, value)),
        }
    }

    pub(super) fn set_custom(&mut self, idx: usize, name: &str, key: &str, value: Cell<String>) {
        if value.value.is_empty() {
            return;
        }
        let d = &mut self.drafts[idx];
        match d.custom_keys.get(key) {
            Some(&i) => {
                let first = d.custom[i].1.clone();
                self.conflict(name, &first, &value);
            }
            None => {
                d.custom_keys.insert(key.to_string(), d.custom.len());
                d.custom.push((name.to_string(), value));
            }
        }
    }

    pub(super) fn set_duration(
        &mut self,
        idx: usize,
        field: &'static str,
        value: Cell<Option<Spoken>>,
    ) {
        let durations = &mut self.drafts[idx].durations;
        match durations.iter().find(|(f, _)| *f == field) {
            Some((_, first))
                if first.value.map(|s| s.minutes) != value.value.map(|s| s.minutes) =>
            {
                let msg = format!(
                    "{}: differs from {} at {}; the first is kept.",
                    field.to_uppercase(),
                    show_spoken(first.value),
                    first.address()
                );
                let (sheet, pos) = (value.sheet.clone(), value.pos);
                self.issue_at(Level::Warning, &sheet, pos, msg);
            }
            Some(_) => {}
            None => durations.push((field, value)),
        }
    }
}
