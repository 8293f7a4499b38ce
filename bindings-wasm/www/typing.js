// What a clerk has typed into a step's form and not yet sent survives a reload, a crash or the
// tab closed and opened again: the fields the clerk changed are kept in the browser
// (localStorage, one entry per meeting, state and form) as they are typed, and put back when that
// form is shown again, until the step is accepted. Fields left as the page suggested them (times
// after the last step, the actor) are suggested afresh. Only typing is kept here; records are
// kept by the journal's own storage (store.js), never here.

const PREFIX = 'chibo:typing:';

/** The fields a clerk fills in, in document order. */
const controls = (form) => [...form.elements].filter(
  (e) => ['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName) && e.type !== 'file',
);

const keyOf = (meetingId, state, form) => `${PREFIX}${meetingId ?? 'new'}:${state ?? 'none'}:${form.id}`;

/** The changed fields kept for a form: `{count, changed: {index: value}}`, or null. */
function read(key) {
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? 'null');
    return saved && typeof saved.changed === 'object' && Number.isInteger(saved.count) ? saved : null;
  } catch {
    return null; // storage denied, or not ours: nothing to put back
  }
}

function save(form, key, changed) {
  const fields = controls(form);
  const kept = {};
  for (const i of changed) if (fields[i]) kept[i] = fields[i].value;
  try {
    localStorage.setItem(key, JSON.stringify({ count: fields.length, changed: kept }));
  } catch {
    // Storage full or denied: typing goes on, only not kept across a reload.
  }
}

/** Puts back what was typed into each form of `root` and keeps what is typed from now on.
 * Call after the forms' own handlers are wired (a speech row added by `#add-speech` is made
 * again by clicking it). */
export function keepTyping(root, meetingId, state, note) {
  for (const form of root.querySelectorAll('form.step')) {
    const key = keyOf(meetingId, state, form);
    const saved = read(key);
    const changed = new Set();
    if (saved && Object.keys(saved.changed).length) {
      const add = form.querySelector('#add-speech');
      while (add && controls(form).length < saved.count) {
        const before = controls(form).length;
        add.click();
        if (controls(form).length === before) break;
      }
      const fields = controls(form);
      for (const [i, value] of Object.entries(saved.changed)) {
        const field = fields[Number(i)];
        if (field && typeof value === 'string') {
          field.value = value;
          changed.add(Number(i));
        }
      }
      form.dataset.restored = 'true';
      const p = document.createElement('p');
      p.className = 'hint restored';
      p.textContent = note;
      form.querySelector('h3')?.after(p);
    }
    const keep = (event) => {
      const i = controls(form).indexOf(event.target);
      if (i < 0) return;
      changed.add(i);
      save(form, key, changed);
    };
    form.addEventListener('input', keep);
    form.addEventListener('change', keep);
  }
}

/** Forgets what was typed into `form` once its step was accepted. */
export function forgetTyping(meetingId, state, form) {
  try {
    localStorage.removeItem(keyOf(meetingId, state, form));
  } catch {
    // Nothing kept, nothing to forget.
  }
}
