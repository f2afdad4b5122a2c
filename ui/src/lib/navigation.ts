// The sections of the main window's sidebar, in DESIGN.md's order, and which
// of them this version of the app provides.

export type SectionId =
  | "dashboard"
  | "processes"
  | "impact"
  | "dependencies"
  | "resources"
  | "objectives"
  | "gaps"
  | "workshops"
  | "questionnaires"
  | "methodology"
  | "import"
  | "export"
  | "compare"
  | "merge";

export interface Section {
  id: SectionId;
  label: string;
  /** False: listed with a "soon" tag, not clickable. */
  available: boolean;
  /** Where the sidebar draws a divider above the entry. */
  group: "assess" | "workshop" | "setup" | "files";
}

export const SECTIONS: readonly Section[] = [
  { id: "dashboard", label: "Dashboard", available: true, group: "assess" },
  { id: "processes", label: "Processes", available: true, group: "assess" },
  { id: "impact", label: "Impact", available: true, group: "assess" },
  { id: "dependencies", label: "Dependencies", available: true, group: "assess" },
  { id: "resources", label: "Resources", available: true, group: "assess" },
  { id: "objectives", label: "Objectives", available: true, group: "assess" },
  { id: "gaps", label: "Gaps", available: true, group: "assess" },
  { id: "workshops", label: "Workshops", available: true, group: "workshop" },
  { id: "questionnaires", label: "Questionnaires", available: true, group: "workshop" },
  { id: "methodology", label: "Methodology", available: true, group: "setup" },
  { id: "import", label: "Import", available: true, group: "files" },
  { id: "export", label: "Export", available: true, group: "files" },
  { id: "compare", label: "Compare", available: true, group: "files" },
  { id: "merge", label: "Merge", available: true, group: "files" },
];
