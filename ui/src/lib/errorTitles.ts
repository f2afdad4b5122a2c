// A short headline for each error code the banner shows above the core's own
// message (the message itself is always shown as sent, never parsed).

import type { ErrorCode } from "./bindings/ErrorCode";

const TITLES: Partial<Record<ErrorCode, string>> = {
  locked: "The file is in use",
  workshop_running: "Another workshop is running",
  workshop_finished: "The workshop is finished",
  not_a_participant: "Not a participant",
  not_on_agenda: "Not on this workshop's agenda",
  minutes_format: "Save the minutes as PDF or a workbook",
  document_pdf: "The minutes could not be written",
  document_picture: "The minutes could not be written",
  window: "The projector's window could not open",
  too_new: "Made by a newer version",
  not_sqlite: "Not an assessment file",
  not_an_assessment: "Not an assessment file",
  not_a_file: "Not an assessment file",
  file_not_found: "File not found",
  file_exists: "A file is already there",
  corrupt: "The file is damaged",
  read_only: "The file is open read-only",
  backup_failed: "The file could not be backed up",
  recover_failed: "The file could not be recovered",
  migration: "The file could not be upgraded",
  io: "The file could not be read or written",
  unit_in_use: "The unit is still in use",
  unit_cycle: "The unit cannot move there",
  duplicate_process: "Name already used",
  duplicate_unit: "Name already used",
  duplicate_resource: "Name already used",
  bad_dependency: "That dependency cannot be recorded",
  invalid: "Please check the highlighted fields",
  process_locked: "The process is approved and locked",
  methodology_in_use: "Still used by impact scores",
  no_such_id: "It is no longer there",
  no_assessment: "No assessment is open",
  journal: "The edit history is damaged",
  database: "The file could not be updated",
  export_format: "Save the workbook as .xlsx",
  export: "The workbook could not be written",
  reveal: "The folder could not be shown",
  merge_other_assessment: "A copy of another assessment",
  import_not_own_export: "Not a workbook exported by BIA Workbench",
  merge_same_copy: "Nothing to merge",
  conflict_unknown: "That conflict is no longer open",
};

export function errorTitle(code: ErrorCode | string): string {
  return TITLES[code as ErrorCode] ?? "Something went wrong";
}
