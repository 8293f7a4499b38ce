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

// Deeper than any command or query nests: a value this deep (a cycle, say) takes the replacer's
// path, whose JSON.stringify reports it.
const PLAIN_DEPTH = 32;

/**
 * Whether `value` is plain JSON all the way down: no Date (nor any toJSON), function, symbol,
 * bigint or non-finite number, and no deeper than PLAIN_DEPTH. Such a value is written by
 * JSON.stringify without the replacer: the same text, without a call to the replacer for every
 * key (which took about half the time of writing a command).
 */
function isPlain(value, depth) {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      if (value === null) return true;
      // A Date, or anything with its own toJSON (which might hand back a Date).
      if (depth >= PLAIN_DEPTH || typeof value.toJSON === 'function') return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i += 1) {
          if (!isPlain(value[i], depth + 1)) return false;
        }
        return true;
      }
      for (const key in value) {
        if (!isPlain(value[key], depth + 1)) return false;
      }
      return true;
    default:
      return false;
  }
}

/** The JSON text of `value` for the core (undefined when there is no value at all). */
export function jsonText(value) {
  if (typeof value === 'string') return value;
  return isPlain(value, 0) ? JSON.stringify(value) : JSON.stringify(value, replace);
}
