/**
 * `compute`, remembering its answers by key: the core asks the same questions of the same few
 * strings (a PR's paths, its logins, its hosts) from many places. At most `limit` answers are
 * kept; past that all are dropped and remembering starts again, so a long process stays bounded.
 * Answers must not be `undefined`.
 */
export function boundedMemo<K, V>(limit: number, compute: (key: K) => V): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = compute(key);
      if (kept.size >= limit) kept.clear();
      kept.set(key, value);
    }
    return value;
  };
}
