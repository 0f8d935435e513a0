// localStorage that tolerates browsers blocking storage in third-party frames: then the
// values live only as long as the page.
const memory = new Map();

export function load(key) {
  try {
    const value = window.localStorage.getItem(key);
    if (value !== null) return value;
  } catch {
    // storage blocked
  }
  return memory.has(key) ? memory.get(key) : null;
}

export function save(key, value) {
  memory.set(key, value);
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // storage blocked or full
  }
}
