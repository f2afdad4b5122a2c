// The state an add/edit form of a register shares (processes, resources): the
// core's issues as you type (a debounced check, stale issues dropped by the
// caller), which fields were touched, saving, deleting with confirmation, and
// the error of a failed save or delete. What a field means stays with its form.
import { asApiError } from "./api";
import type { ApiError } from "./bindings/ApiError";
import type { FieldIssue } from "./bindings/FieldIssue";
import { debounce, type Debounced } from "./debounce";
import { issuesOfError } from "./fieldIssues";

export class CheckedForm<Input> {
  /** Issues from the core, and the input they were found for. */
  serverIssues = $state<FieldIssue[]>([]);
  checkedInput = $state<Input | null>(null);
  touched = $state<Record<string, true>>({});
  /** Every field's issues shown (an existing record, or after a Save was refused), not only touched ones. */
  showAll = $state(false);
  saving = $state(false);
  confirmingDelete = $state(false);
  error = $state<ApiError | null>(null);
  private seq = 0;
  /** Asks the core about the input once typing pauses. */
  readonly check: Debounced<[Input]>;

  constructor(checker: (input: Input) => Promise<FieldIssue[]>, showAll: boolean) {
    this.showAll = showAll;
    this.check = debounce(async (input: Input) => {
      const seq = ++this.seq;
      try {
        const found = await checker(input);
        if (seq === this.seq) this.found(found, input);
      } catch {
        // Checking is advisory; a failed save reports the real error.
      }
    }, 200);
  }

  private found(issues: FieldIssue[], input: Input): void {
    this.serverIssues = issues;
    this.checkedInput = input;
  }

  touch(field: string): void {
    this.touched[field] = true;
  }

  /** A field's messages, once it was touched or everything is shown. */
  errorsFor(grouped: Record<string, string[]>, field: string): string[] {
    return this.showAll || this.touched[field] ? (grouped[field] ?? []) : [];
  }

  /**
   * Saves `input` with `write` unless issues stand in the way; a refusal with
   * field issues (`issuesOf` the error) shows them beside their fields, any
   * other in the banner. `true` when saved.
   */
  async save(input: Input, blocked: boolean, write: () => Promise<void>, issuesOf = issuesOfError): Promise<boolean> {
    if (this.saving) return false;
    if (blocked) {
      this.showAll = true;
      return false;
    }
    this.saving = true;
    this.error = null;
    try {
      await write();
      return true;
    } catch (e) {
      const error = asApiError(e);
      const found = issuesOf(error);
      if (found.length > 0) {
        this.seq++;
        this.found(found, input);
        this.showAll = true;
      } else this.error = error;
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** Runs a change that is not a save (delete, reopen); its error goes to the banner. `true` when done. */
  async run(action: () => Promise<void>): Promise<boolean> {
    if (this.saving) return false;
    this.saving = true;
    this.error = null;
    try {
      await action();
      return true;
    } catch (e) {
      this.error = asApiError(e);
      this.confirmingDelete = false;
      return false;
    } finally {
      this.saving = false;
    }
  }
}
