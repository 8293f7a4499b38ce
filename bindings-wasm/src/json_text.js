// The border's one piece of JavaScript: a command or query as JSON text for the core, in one
// JSON.stringify (far cheaper than walking the object from WebAssembly property by property).
// A Date becomes an RFC 3339 timestamp at +07:00, Vietnam's time (one zone, no daylight saving);
// what JSON cannot hold faithfully (a function, a symbol, a bigint, NaN, an invalid Date, a
// cycle) throws a TypeError, which the binding turns into the core's `input.malformed`.

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** A Date as `YYYY-MM-DDTHH:MM:SS[.mmm]+07:00`. */
export function vietnamTime(date) {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new TypeError('an invalid Date');
  const iso = new Date(ms + VIETNAM_OFFSET_MS).toISOString();
  const millis = iso.slice(19, 23);
  return `${iso.slice(0, 19)}${millis === '.000' ? '' : millis}+07:00`;
}

function replace(key, value) {
  const raw = this[key];
  if (raw instanceof Date) return vietnamTime(raw);
  switch (typeof raw) {
    case 'function':
    case 'symbol':
    case 'bigint':
      throw new TypeError(`a value of type ${typeof raw} cannot be read as JSON`);
    case 'number':
      if (!Number.isFinite(raw)) throw new TypeError(`the number ${raw} is not finite`);
      return value;
    default:
      return value;
  }
}

/** The JSON text of `value` for the core (undefined when there is no value at all). */
export function jsonText(value) {
  return typeof value === 'string' ? value : JSON.stringify(value, replace);
}
