// One answer of the core kept for as long as what it was asked about stays the same: the key is a list of values
// compared one by one by identity (the session, the revision, the lists as read), so any edit, undo, redo or
// re-read asks again. A failed answer is not kept: the next caller asks again.

export class KeyedAnswer<T> {
  private kept: { key: readonly unknown[]; value: Promise<T> } | null = null;

  /** The answer kept for `key`, or `ask()`'s, kept from now on. */
  get(key: readonly unknown[], ask: () => Promise<T>): Promise<T> {
    const kept = this.kept;
    if (kept && kept.key.length === key.length && kept.key.every((k, i) => k === key[i])) return kept.value;
    const value = ask();
    value.catch(() => {
      if (this.kept?.value === value) this.kept = null;
    });
    this.kept = { key: [...key], value };
    return value;
  }

  /** Forgets the answer kept. */
  clear(): void {
    this.kept = null;
  }
}
