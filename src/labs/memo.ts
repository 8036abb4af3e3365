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

/**
 * `make`, remembered per string key for the life of the page: for things slow to make and few in kind, such as
 * Intl formatters (one per locale and options), which a table of thousands of rows would otherwise make anew.
 */
export function memoizeByKey<V>(make: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make(key)));
    return value;
  };
}
