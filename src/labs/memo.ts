/**
 * `make`, remembered per key object for as long as the key lives: results and pages that stay the same across
 * redraws (new pages, zooming, sorting) are mapped once. Pure apart from its cache.
 */
export function memoizeByObject<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = make(key);
    cache.set(key, value);
    return value;
  };
}
