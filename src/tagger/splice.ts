/**
 * Rewriting a text by splicing it at known offsets: every byte outside an
 * edit stays as it was (the tagger never re-serialises HTML).
 */

/** Replace `text.slice(start, end)` with `insert` (`start === end` inserts). */
export interface Edit {
  start: number;
  end: number;
  insert: string;
}

/**
 * The text with every edit applied. Edits must not overlap; edits at the same
 * offset are applied in the order given.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const ordered = edits.map((edit, order) => ({ ...edit, order })).sort((a, b) => a.start - b.start || a.order - b.order);
  let out = '';
  let at = 0;
  for (const edit of ordered) {
    if (edit.start < at) throw new Error(`consentry tagger: overlapping edits at offset ${edit.start}`);
    out += text.slice(at, edit.start) + edit.insert;
    at = edit.end;
  }
  return out + text.slice(at);
}
