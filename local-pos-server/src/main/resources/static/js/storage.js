// Survives a page reload or a crashed browser: the cart in progress, the sale that is being
// sent (so a reload resends it with the same id instead of inventing a new sale), the cashier.

const PREFIX = 'lps.';

export function load(key, fallback = null) {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw == null ? fallback : JSON.parse(raw);
  } catch {
    return fallback;
  }
}

export function save(key, value) {
  try {
    if (value == null) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Private mode or full storage: the till still works, it just forgets on reload.
  }
}
