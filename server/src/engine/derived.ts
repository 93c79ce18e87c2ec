// The one cache of the engine. A template and a parsed report model never change once built, so whatever is
// derived from one of them is computed on first use and kept exactly as long as the object lives (held weakly:
// nothing to invalidate, nothing to bound). Anything that can change — an open document's text, settings —
// is not cached here: the server's document cache keys it by the document's version.
export function derivedFrom<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const values = new WeakMap<K, V>();
  return (key) => {
    if (values.has(key)) return values.get(key) as V;
    const value = compute(key);
    values.set(key, value);
    return value;
  };
}
