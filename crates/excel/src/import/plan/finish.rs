//! Meeting the drafts with the assessment: processes to create or update
//! (never silently over a workshop value), objectives, scores, resources
//! and dependencies, and the counts.

use super::*;

impl Planner<'_> {
    /// Meets each draft with the assessment and builds the plan.
    /// `before`: the issues of reading the workbook and finding its
    /// tables, listed ahead of the planner's own.
    pub(super) fn finish(mut self, tables: Vec<PlannedTable>, mut before: Vec<Issue>) -> Plan {
        let current = self.current;
        let level_words = self.settle_words();
        let processes_by_key: FxHashMap<String, &Process> = current
            .processes
            .iter()
            .map(|p| (name_key(&p.name), p))
            .collect();
        let id_headers: Vec<String> = tables
            .iter()
            .flat_map(|t| t.columns.iter())
            .filter(|c| c.field == Field::Id)
            .map(|c| name_key(&c.header))
            .collect();
        let processes_by_ref: FxHashMap<(String, String), &Process> = current
            .processes
            .iter()
            .flat_map(|p| {
                p.custom_fields
                    .iter()
                    .filter(|f| id_headers.contains(&name_key(&f.name)))
                    .map(move |f| ((name_key(&f.name), name_key(&f.value)), p))
            })
            .collect();
        let unit_keys: FxHashSet<String> =
            current.units.iter().map(|u| name_key(&u.name)).collect();
        let objectives: FxHashMap<Id, &Objectives> = current
            .objectives
            .iter()
            .map(|o| (o.process_id, o))
            .collect();
        let scores: FxHashMap<(Id, Id, Id), &bia_model::Score> = current
            .scores
            .iter()
            .map(|s| ((s.process_id, s.category_id, s.horizon_id), s))
            .collect();

        let mut units: Vec<String> = Vec::new();
        let mut unit_seen: FxHashSet<String> = FxHashSet::default();
        let drafts = std::mem::take(&mut self.drafts);
        let mut processes = Vec::with_capacity(drafts.len());
        let mut dependencies =
            Vec::with_capacity(drafts.iter().map(|d| d.dependencies.len()).sum());
        let planned_names: FxHashSet<String> = drafts.iter().map(|d| d.key.clone()).collect();
        let resource_keys: FxHashSet<(ResourceKind, String)> = current
            .resources
            .iter()
            .map(|r| (r.kind, name_key(&r.name)))
            .collect();
        for mut d in drafts {
            let Some(name) = d.name.take() else { continue };
            let by_ref = if processes_by_ref.is_empty() {
                None
            } else {
                d.custom.iter().find_map(|(n, c)| {
                    processes_by_ref
                        .get(&(name_key(n), name_key(&c.value)))
                        .copied()
                })
            };
            let existing = by_ref.or_else(|| processes_by_key.get(&d.key).copied());
            if let Some(u) = &d.unit {
                let key = name_key(&u.value);
                if !unit_keys.contains(&key) && unit_seen.insert(key) {
                    units.push(u.value.clone());
                }
            }
            let planned = match existing {
                None => self.create(&mut d, &name),
                Some(p) => self.update(&mut d, &name, p, objectives.get(&p.id).copied(), &scores),
            };
            let problems = planned.input.issues();
            if !problems.is_empty() {
                let said: Vec<String> = problems.into_iter().map(|i| i.message).collect();
                self.issue_at(
                    Level::Error,
                    &name.sheet,
                    name.pos,
                    format!("{} The process was left out.", said.join(" ")),
                );
                continue;
            }
            // Names in a list that said no kind and name no process: kept
            // as resources, by the cell they were read from.
            let mut unclassified: Vec<(Cell<()>, Vec<String>)> = Vec::new();
            let mut seen: FxHashSet<Target> = FxHashSet::default();
            for (mut target, cell) in std::mem::take(&mut d.dependencies) {
                if let Target::Process { name: upstream } = &target {
                    let key = name_key(upstream);
                    if key == name_key(&name.value) {
                        self.issue_at(
                            Level::Warning,
                            &cell.sheet,
                            cell.pos,
                            format!("\"{upstream}\" cannot depend on itself; left out."),
                        );
                        continue;
                    }
                    if !planned_names.contains(&key) && !processes_by_key.contains_key(&key) {
                        let (resource, to_classify) = self.kind_of_unknown(&key, &resource_keys);
                        let first = self
                            .resource_names
                            .entry((resource, key.clone()))
                            .or_insert_with(|| mk(&cell.sheet, cell.pos, upstream.clone()));
                        let spelled = first.value.clone();
                        if to_classify {
                            self.to_classify.insert(key);
                            match unclassified.last_mut() {
                                Some((c, names)) if c.pos == cell.pos && c.sheet == cell.sheet => {
                                    names.push(spelled.clone())
                                }
                                _ => unclassified.push((cell.clone(), vec![spelled.clone()])),
                            }
                        }
                        target = Target::Resource {
                            resource,
                            name: spelled,
                        };
                    }
                }
                if !seen.insert(target.clone()) {
                    continue;
                }
                let mut note = String::with_capacity(self.file.len() + cell.sheet.len() + 30);
                note.push_str("Imported from ");
                note.push_str(&self.file);
                note.push_str(", ");
                note.push_str(&cell.address());
                dependencies.push(PlannedDependency {
                    process: planned.input.name.clone().to_string(),
                    target,
                    note,
                });
            }
            for (cell, names) in unclassified {
                self.note_to_classify(&cell, &names);
            }
            processes.push(planned);
        }

        let resources: Vec<PlannedResource> = {
            let mut list: Vec<_> = self.resource_names.iter().collect();
            list.sort_by_key(|((k, _), c)| (*k, c.value.clone()));
            list.into_iter()
                .map(|((kind, key), cell)| PlannedResource {
                    kind: *kind,
                    name: cell.value.clone(),
                    existing: current
                        .resources
                        .iter()
                        .find(|r| r.kind == *kind && name_key(&r.name) == *key)
                        .map(|r| r.id),
                    provenance: self.provenance(&cell.sheet, cell.pos),
                    to_classify: self.to_classify.contains(key),
                })
                .collect()
        };
        let dependencies = self.new_dependencies(dependencies, &processes, &resources);

        let mut counts = Counts {
            units_new: units.len(),
            resources_new: resources.iter().filter(|r| r.existing.is_none()).count(),
            dependencies_new: dependencies.len(),
            ..Counts::default()
        };
        for p in &processes {
            match p.action {
                Action::Create => counts.processes_new += 1,
                Action::Update => counts.processes_updated += 1,
                Action::Unchanged => counts.processes_unchanged += 1,
            }
            if p.action != Action::Unchanged {
                counts.scores += p.scores.len();
                counts.objectives += usize::from(p.objectives.is_some());
                counts.custom_fields += p.input.custom_fields.len();
                counts.tier_claims += usize::from(p.claimed_tier.is_some());
            }
        }
        before.append(&mut self.issues);
        self.issues = super::super::grid::collapse(before);
        counts.errors = self
            .issues
            .iter()
            .filter(|i| i.level == Level::Error)
            .count();
        counts.warnings = self
            .issues
            .iter()
            .filter(|i| i.level == Level::Warning)
            .count();
        Plan {
            file: self.file,
            format: self.format,
            tables,
            units,
            processes,
            resources,
            dependencies,
            unmapped: self.unmapped,
            level_words,
            issues: self.issues,
            counts,
        }
    }

    /// Gives every score read from a word the word's level, now that every
    /// word the workbook uses is known (see [`super::super::words`]), and
    /// says at each word's first cell how it was read.
    fn settle_words(&mut self) -> Vec<crate::import::LevelWord> {
        use crate::import::WordSource;
        let scale = &self.current.methodology.scale;
        let words = self.words.levels(scale, self.levels);
        for &(d, s, w) in &self.word_scores {
            if let Some(level) = words[w as usize].level {
                self.drafts[d as usize].scores[s as usize].severity = level;
            }
        }
        for (i, w) in words.iter().enumerate() {
            let Some(level) = w.level else { continue };
            let why = match w.source {
                WordSource::User => "as chosen",
                WordSource::Scale => "the scale's level of that name",
                WordSource::Rule => {
                    "by the default rule: the workbook's words spread by rank over the levels \
                     above the lowest"
                }
                WordSource::Unknown => continue,
            };
            let name = self.current.methodology.level_name(level);
            if let Some((sheet, pos)) = self.words.first(i) {
                let (sheet, msg) = (
                    sheet.to_string(),
                    format!(
                        "\"{}\" ({} cell(s)) is read as {level} {name}, {why}; another level can \
                         be chosen in the preview, or in a mapping file's [levels].",
                        w.word, w.count
                    ),
                );
                self.issues.push(Issue::at(Level::Info, &sheet, pos, msg));
            }
        }
        for choice in self.levels {
            if !scale.iter().any(|l| l.value == choice.level) {
                self.issues.push(Issue::file(
                    Level::Warning,
                    format!(
                        "The level {} given to \"{}\" is not on the assessment's scale; the word \
                         is read by the default rule.",
                        choice.level, choice.word
                    ),
                ));
            }
        }
        words
    }

    /// The kind of resource a name from a list that said no kind is (it
    /// names no process): the kind of a resource of that name in the
    /// assessment, else in the workbook's kind columns; else the user's
    /// choice for it, or none yet. `true`: the user is to classify it.
    /// `in_assessment`: the (kind, `name_key`) of each resource there.
    fn kind_of_unknown(
        &self,
        key: &str,
        in_assessment: &FxHashSet<(ResourceKind, String)>,
    ) -> (ResourceKind, bool) {
        if self.to_classify.contains(key) {
            let kind = self.kinds.get(key).copied();
            return (kind.unwrap_or(ResourceKind::Unclassified), true);
        }
        let known = |kind: ResourceKind| {
            let k = (kind, key.to_string());
            self.resource_names.contains_key(&k) || in_assessment.contains(&k)
        };
        // A resource already to classify in the assessment is linked to,
        // and stays to classify there.
        if let Some(kind) = ResourceKind::EVERY.into_iter().find(|k| known(*k)) {
            return (kind, false);
        }
        let kind = self.kinds.get(key).copied();
        (kind.unwrap_or(ResourceKind::Unclassified), true)
    }

    /// The warning at a cell whose names became resources to classify.
    fn note_to_classify(&mut self, cell: &Cell<()>, names: &[String]) {
        let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
        let message = if names.len() == 1 {
            format!(
                "{} names no process of the workbook or the assessment; imported as a resource \
                 to classify (give it a kind in the preview, or later on the Resources screen).",
                quoted[0]
            )
        } else {
            format!(
                "{} name no process of the workbook or the assessment; imported as resources \
                 to classify (give each a kind in the preview, or later on the Resources screen).",
                quoted.join(", ")
            )
        };
        self.issue_at(Level::Warning, &cell.sheet, cell.pos, message);
    }

    /// Drops dependencies the assessment already records.
    pub(super) fn new_dependencies(
        &self,
        planned: Vec<PlannedDependency>,
        processes: &[PlannedProcess],
        resources: &[PlannedResource],
    ) -> Vec<PlannedDependency> {
        let current = self.current;
        if current.dependencies.is_empty() {
            return planned;
        }
        let mut ids: FxHashMap<String, Id> = current
            .processes
            .iter()
            .map(|p| (name_key(&p.name), p.id))
            .collect();
        for p in processes {
            if let Some(id) = p.existing {
                ids.insert(p.input.name.key(), id);
            }
        }
        let resource_ids: FxHashMap<(ResourceKind, String), Id> = resources
            .iter()
            .filter_map(|r| r.existing.map(|id| ((r.kind, name_key(&r.name)), id)))
            .collect();
        let existing_id = |name: &str| ids.get(&name_key(name)).copied();
        let links: FxHashSet<(Id, Id)> = current
            .dependencies
            .iter()
            .map(|d| (d.from.id(), d.to.id()))
            .collect();
        planned
            .into_iter()
            .filter(|d| {
                let Some(from) = existing_id(&d.process) else {
                    return true;
                };
                let to = match &d.target {
                    Target::Process { name } => existing_id(name),
                    Target::Resource { resource, name } => {
                        resource_ids.get(&(*resource, name_key(name))).copied()
                    }
                };
                to.is_none_or(|to| !links.contains(&(from, to)))
            })
            .collect()
    }

    /// How a process's claimed tier reads, for the preview.
    fn claim_reading(&self, input: &ProcessInput) -> Option<String> {
        let m = &self.current.methodology;
        match m.read_tier_claim(&input.claimed_tier) {
            Ok(Some(read)) => Some(read.explain(m.tiers.len())),
            Ok(None) | Err(_) => None,
        }
    }

    pub(super) fn base_provenance(&self, name: &Cell<String>) -> Provenance {
        self.provenance(&name.sheet, name.pos)
    }

    /// The cell of a value, relative to the provenance's sheet.
    pub(super) fn imported_value(
        name: &Cell<String>,
        field: &str,
        cell: &Cell<impl Sized>,
        value: &str,
    ) -> ImportedValue {
        ImportedValue {
            field: field.to_string(),
            cell: Self::imported_cell(name, cell),
            value: value.to_string(),
        }
    }

    /// `B7` on the process's own sheet, `Sheet!B7` on another.
    fn imported_cell(name: &Cell<String>, cell: &Cell<impl Sized>) -> String {
        if Arc::ptr_eq(&cell.sheet, &name.sheet) || cell.sheet == name.sheet {
            cell.pos.a1()
        } else {
            cell.address()
        }
    }

    /// A process the assessment does not have; takes what it keeps from `d`.
    pub(super) fn create(&mut self, d: &mut Draft, name: &Cell<String>) -> PlannedProcess {
        let mut values = Vec::with_capacity(1 + d.texts.len() + d.custom.len());
        values.push(Self::imported_value(name, "name", name, &name.value));
        let mut input = ProcessInput {
            name: name.value.clone().into(),
            ..ProcessInput::default()
        };
        for (field, cell) in &d.texts {
            set_input(&mut input, field, &cell.value);
            values.push(Self::imported_value(name, field, cell, &cell.value));
        }
        input.custom_fields.reserve(d.custom.len());
        for (n, cell) in std::mem::take(&mut d.custom) {
            let mut field = String::with_capacity(n.len() + 7);
            field.push_str("custom:");
            field.push_str(&n);
            values.push(ImportedValue {
                field,
                cell: Self::imported_cell(name, &cell),
                value: cell.value.clone(),
            });
            input.custom_fields.push(CustomField {
                name: n,
                value: cell.value,
            });
        }
        let mut provenance = self.base_provenance(name);
        if let Provenance::Imported { values: v, .. } = &mut provenance {
            *v = values;
        }
        let objectives = self.objectives(d, name, None);
        let scores = self.scores(d, name, None, &FxHashMap::default());
        PlannedProcess {
            action: Action::Create,
            existing: None,
            unit: d.unit.as_ref().map(|u| u.value.clone()),
            claimed_tier: self.claim_reading(&input),
            input,
            provenance,
            objectives,
            scores,
            changes: Vec::new(),
            rows: std::mem::take(&mut d.rows),
        }
    }

    pub(super) fn update(
        &mut self,
        d: &mut Draft,
        name: &Cell<String>,
        p: &Process,
        objectives: Option<&Objectives>,
        scores: &FxHashMap<(Id, Id, Id), &bia_model::Score>,
    ) -> PlannedProcess {
        let mut input = ProcessInput {
            name: p.name.clone().into(),
            unit_id: p.unit_id,
            owner: p.owner.clone(),
            description: p.description.clone(),
            peak_periods: p.peak_periods.clone(),
            minimum_staff: p.minimum_staff,
            workaround: p.workaround.clone(),
            notes: p.notes.clone(),
            claimed_tier: p.claimed_tier.clone(),
            status: p.status,
            custom_fields: p.custom_fields.clone(),
        };
        let mut values: Vec<ImportedValue> = match &p.provenance {
            Provenance::Imported { values, .. } => values.clone(),
            _ => Vec::new(),
        };
        let mut changes = Vec::new();
        let current_unit = p
            .unit_id
            .and_then(|u| self.current.unit(u))
            .map(|u| u.name.clone());
        let mut unit = current_unit.clone();
        if let Some(u) = &d.unit
            && current_unit
                .as_ref()
                .is_none_or(|c| name_key(c) != name_key(&u.value))
        {
            let old = current_unit.clone().unwrap_or_default();
            if self.may_overwrite(p, "unit", &old, &u.value, u) {
                changes.push(change("unit", &old, &u.value, u.address()));
                values.retain(|v| v.field != "unit");
                values.push(Self::imported_value(name, "unit", u, &u.value));
                unit = Some(u.value.clone());
                input.unit_id = None;
            }
        }
        if name.value != p.name && self.may_overwrite(p, "name", &p.name, &name.value, name) {
            changes.push(change("name", &p.name, &name.value, name.address()));
            input.name = name.value.clone().into();
            values.retain(|v| v.field != "name");
            values.push(Self::imported_value(name, "name", name, &name.value));
        }
        for (field, cell) in &d.texts {
            let old = get_input(&input, field);
            if old != cell.value && self.may_overwrite(p, field, &old, &cell.value, cell) {
                changes.push(change(field, &old, &cell.value, cell.address()));
                set_input(&mut input, field, &cell.value);
                values.retain(|v| v.field != *field);
                values.push(Self::imported_value(name, field, cell, &cell.value));
            }
        }
        // The stored fields by key, and the values the import replaces:
        // looked up, not searched, for a row may hold 16,384 of them.
        let mut slots: rustc_hash::FxHashMap<String, usize> = input
            .custom_fields
            .iter()
            .enumerate()
            .map(|(i, f)| (name_key(&f.name), i))
            .collect();
        let mut replaced: rustc_hash::FxHashSet<String> = Default::default();
        let mut new_values = Vec::new();
        for (n, cell) in &d.custom {
            let key = format!("custom:{n}");
            let slot = slots.get(&name_key(n)).copied();
            let old = slot
                .map(|i| input.custom_fields[i].value.clone())
                .unwrap_or_default();
            if old != cell.value && self.may_overwrite(p, &key, &old, &cell.value, cell) {
                changes.push(change(n, &old, &cell.value, cell.address()));
                match slot {
                    Some(i) => input.custom_fields[i].value = cell.value.clone(),
                    None => {
                        slots.insert(name_key(n), input.custom_fields.len());
                        input.custom_fields.push(CustomField {
                            name: n.clone(),
                            value: cell.value.clone(),
                        });
                    }
                }
                new_values.push(Self::imported_value(name, &key, cell, &cell.value));
                replaced.insert(key);
            }
        }
        if !replaced.is_empty() {
            values.retain(|v| !replaced.contains(&v.field));
            values.extend(new_values);
        }
        let locked = p.status == bia_model::Status::Approved;
        let objectives = self.objectives(d, name, objectives);
        let scores = self.scores(d, name, Some(p.id), scores);
        if let Some(o) = &objectives {
            changes.push(change(
                "objectives",
                "",
                &describe_objectives(o),
                name.address(),
            ));
        }
        if !scores.is_empty() {
            changes.push(change(
                "impact",
                "",
                &format!("{} score(s)", scores.len()),
                name.address(),
            ));
        }
        let mut provenance = match &p.provenance {
            Provenance::Imported { .. }
            | Provenance::Workshop
            | Provenance::InWorkshop { .. }
            | Provenance::Questionnaire { .. }
            | Provenance::Demo => self.base_provenance(name),
        };
        if let Provenance::Imported { values: v, .. } = &mut provenance {
            *v = values;
        }
        if locked && !changes.is_empty() {
            self.issue_at(
                Level::Warning,
                &name.sheet,
                name.pos,
                format!(
                    "\"{}\" is approved and locked in the assessment; it was not updated ({} \
                     change(s) left out). Reopen it and import again to apply them.",
                    p.name,
                    changes.len()
                ),
            );
        }
        let action = if locked || changes.is_empty() {
            Action::Unchanged
        } else {
            Action::Update
        };
        PlannedProcess {
            action,
            existing: Some(p.id),
            unit,
            claimed_tier: self.claim_reading(&input),
            input,
            provenance,
            objectives: if action == Action::Unchanged {
                None
            } else {
                objectives
            },
            scores: if action == Action::Unchanged {
                Vec::new()
            } else {
                scores
            },
            changes: if locked { Vec::new() } else { changes },
            rows: d.rows.clone(),
        }
    }

    /// Whether an import may replace `old` with `new` for `field` of `p`:
    /// yes when `old` is empty or still what an import set; otherwise the
    /// workshop's value is kept, and an issue says so.
    pub(super) fn may_overwrite(
        &mut self,
        p: &Process,
        field: &str,
        old: &str,
        new: &str,
        cell: &Cell<impl Sized>,
    ) -> bool {
        if old.is_empty() || p.provenance.imported_as(field, old) {
            return true;
        }
        self.issue_at(
            Level::Warning,
            &cell.sheet,
            cell.pos,
            format!(
                "{field} of \"{}\": the assessment's \"{old}\" (typed in a workshop) is kept; the \
                 workbook says \"{new}\".",
                p.name
            ),
        );
        false
    }

    pub(super) fn objectives(
        &mut self,
        d: &Draft,
        name: &Cell<String>,
        existing: Option<&Objectives>,
    ) -> Option<PlannedObjectives> {
        if d.durations.iter().all(|(_, c)| c.value.is_none())
            && d.mbco.is_none()
            && d.rpo_not_applicable.is_none()
        {
            return None;
        }
        let mut o = PlannedObjectives::default();
        let mut values = Vec::new();
        let from_existing = |m: Option<Minutes>| {
            m.map(|m| Spoken {
                minutes: m,
                upper: None,
                bound: Bound::Exact,
                business: false,
                unit_stated: true,
                rounded: false,
            })
        };
        if let Some(e) = existing {
            o.mtpd = from_existing(e.mtpd_override);
            o.rto = from_existing(e.rto);
            o.rpo = from_existing(e.rpo);
            o.rpo_not_applicable = e.rpo_not_applicable;
            o.wrt = from_existing(e.wrt);
            o.mbco_percent = e.mbco_percent;
            o.rationale = e.rationale.clone();
            o.agreed_by = e.agreed_by.clone();
            o.agreed_on = e.agreed_on.clone();
            o.mtpd_override_reason = e.mtpd_override_reason.clone();
            if let Provenance::Imported { values: v, .. } = &e.provenance {
                values = v.clone();
            }
        }
        let existing_prov = existing.map(|e| e.provenance.clone());
        let mut changed = existing.is_none();
        for (field, cell) in &d.durations {
            let Some(new) = cell.value else { continue };
            let slot = match *field {
                "rto" => &mut o.rto,
                "rpo" => &mut o.rpo,
                "mtpd" => &mut o.mtpd,
                _ => &mut o.wrt,
            };
            let old = slot.map(|s| s.minutes.to_string()).unwrap_or_default();
            let shown = new.minutes.to_string();
            if old == shown {
                continue;
            }
            let imported = existing_prov
                .as_ref()
                .is_none_or(|p| old.is_empty() || p.imported_as(field, &old));
            if !imported {
                self.issue_at(
                    Level::Warning,
                    &cell.sheet,
                    cell.pos,
                    format!(
                        "{} of \"{}\": the assessment's {old} (agreed in a workshop) is kept; the \
                         workbook says {shown}.",
                        field.to_uppercase(),
                        name.value
                    ),
                );
                continue;
            }
            *slot = Some(new);
            changed = true;
            values.retain(|v: &ImportedValue| v.field != *field);
            values.push(Self::imported_value(name, field, cell, &shown));
            if *field == "rpo" {
                o.rpo_not_applicable = false;
            }
            if *field == "mtpd" {
                o.mtpd_override_reason = format!(
                    "Stated in the imported workbook ({}, {})",
                    self.file,
                    cell.address()
                );
            }
        }
        if let Some(cell) = &d.rpo_not_applicable
            && o.rpo.is_none()
            && !o.rpo_not_applicable
        {
            o.rpo_not_applicable = true;
            changed = true;
            values.push(Self::imported_value(name, "rpo", cell, "n/a"));
        }
        if let Some(cell) = &d.mbco
            && o.mbco_percent != Some(cell.value)
        {
            let old = o.mbco_percent.map(|p| p.to_string()).unwrap_or_default();
            let imported = existing_prov
                .as_ref()
                .is_none_or(|p| old.is_empty() || p.imported_as("mbco", &old));
            if imported {
                o.mbco_percent = Some(cell.value);
                changed = true;
                values.retain(|v| v.field != "mbco");
                values.push(Self::imported_value(
                    name,
                    "mbco",
                    cell,
                    &cell.value.to_string(),
                ));
            } else {
                self.issue_at(
                    Level::Warning,
                    &cell.sheet,
                    cell.pos,
                    format!(
                        "MBCO of \"{}\": the assessment's {old} % (agreed in a workshop) is kept; \
                         the workbook says {} %.",
                        name.value, cell.value
                    ),
                );
            }
        }
        if !changed {
            return None;
        }
        let mut provenance = self.base_provenance(name);
        if let Provenance::Imported { values: v, .. } = &mut provenance {
            *v = values;
        }
        o.provenance = provenance;
        Some(o)
    }

    /// The draft's scores that change something: all of them for a new
    /// process; for one already there, those the assessment does not hold
    /// already, never over a score typed in a workshop.
    pub(super) fn scores(
        &mut self,
        d: &mut Draft,
        name: &Cell<String>,
        process: Option<Id>,
        existing: &FxHashMap<(Id, Id, Id), &bia_model::Score>,
    ) -> Vec<PlannedScore> {
        let all = std::mem::take(&mut d.scores);
        let Some(p) = process else {
            return all;
        };
        let mut out = Vec::with_capacity(all.len());
        for score in all {
            if let Some(old) = existing.get(&(p, score.category_id, score.horizon_id)) {
                if old.severity == Some(score.severity) {
                    continue;
                }
                if old.severity.is_some() && !matches!(old.provenance, Provenance::Imported { .. })
                {
                    let sheet = score.sheet().unwrap_or(&name.sheet);
                    self.issue_at(
                        Level::Warning,
                        sheet,
                        score.cell,
                        format!(
                            "Impact of \"{}\": the assessment's {} (scored in a workshop) is kept; \
                             the workbook says {}.",
                            name.value,
                            old.severity.unwrap_or_default(),
                            score.severity
                        ),
                    );
                    continue;
                }
            }
            out.push(score);
        }
        out
    }
}
