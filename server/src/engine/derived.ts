// The one cache of the engine. A template and a parsed report model never change once built, so whatever is
// derived from one of them is computed on first use and kept exactly as long as the object lives: on the object
// itself, in a hidden array with a slot for each derived value (nothing to invalidate, nothing to bound). Not in a
// WeakMap: a run over many reports would put every report's model into one as a key, and the young generation's
// collector pays for each such entry (it cost the engine 7–8 % of its time; docs/performance.md). Anything that
// can change — an open document's text, settings — is not cached here: the server's document cache keys it by the
// document's version.

/**
 * The hidden array's key: a symbol, set not enumerable, so that a copy of a model ({ ...model }, structured clone to
 * another thread, JSON) does not take the values derived from the original with it. The array's first item is its
 * owner: an object whose prototype holds such an array (Object.create(model)) gets one of its own.
 */
const DERIVED = Symbol('derived');
type Holder = { [DERIVED]?: unknown[] };
/** A slot not yet computed (a derived value may itself be undefined). */
const NOT_YET = Symbol('not yet');
/** Slot 0 holds the owner. */
let slotCount = 1;

export function derivedFrom<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const slot = slotCount++;
  // Only for an object that cannot take the hidden array (frozen, sealed).
  const fixed = new WeakMap<K, V>();
  return (key) => {
    let values = (key as Holder)[DERIVED];
    if (values === undefined || values[0] !== key) {
      if (!Object.isExtensible(key)) return fixedValue(fixed, key, compute);
      values = [key];
      Object.defineProperty(key, DERIVED, { value: values });
    }
    while (values.length <= slot) values.push(NOT_YET);
    const known = values[slot];
    if (known !== NOT_YET) return known as V;
    const value = compute(key);
    values[slot] = value;
    return value;
  };
}

function fixedValue<K extends object, V>(values: WeakMap<K, V>, key: K, compute: (key: K) => V): V {
  const known = values.get(key);
  if (known !== undefined || values.has(key)) return known as V;
  const value = compute(key);
  values.set(key, value);
  return value;
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
