// The one cache of the engine. A template and a parsed report model never change once built, so whatever is
// derived from one of them is computed on first use and kept exactly as long as the object lives (held weakly:
// nothing to invalidate, nothing to bound). Anything that can change — an open document's text, settings —
// is not cached here: the server's document cache keys it by the document's version.
export function derivedFrom<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const values = new WeakMap<K, V>();
  return (key) => {
    const known = values.get(key);
    if (known !== undefined || values.has(key)) return known as V;
    const value = compute(key);
    values.set(key, value);
    return value;
  };
}

/** Entries a text memo holds before it starts afresh. */
const TEXT_MEMO_LIMIT = 4096;

/**
 * A pure function of a short text read from a report (a label, a heading line), remembered: the same labels and
 * headings recur from one report to the next, and matching them against the template is the costly part. The
 * memo is cleared when full, so that junk text cannot grow it.
 */
export class TextMemo<V> {
  private readonly values = new Map<string, V>();
  constructor(private readonly compute: (text: string) => V) {}

  get(text: string): V {
    const known = this.values.get(text);
    if (known !== undefined) return known;
    const value = this.compute(text);
    if (this.values.size >= TEXT_MEMO_LIMIT) this.values.clear();
    this.values.set(text, value);
    return value;
  }
}
