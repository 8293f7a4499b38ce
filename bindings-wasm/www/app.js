// The page: loads the wasm package and the commune's journal (kept in the browser, see store.js),
// draws the dashboard, opens any meeting, runs the lifecycle forms, exports the journal and the
// spreadsheets. Every rule and number is the library's; this file only keeps and shows them.
import init, { Commune, verify } from './pkg/chibo.js';
import { renderAlerts, renderAttendance, renderGrid, renderLegend, renderTasks } from './dashboard.js';
import { dashboardCsv, saveCsv, tasksCsv } from './exports.js';
import { currentLanguage, setLanguage, setVocabulary, t } from './i18n.js';
import { renderLifecycle } from './lifecycle.js';
import { renderMeeting } from './meeting.js';
import { openStore, StorageProblem } from './store.js';

const $ = (selector) => document.querySelector(selector);
const DEFAULT_JOURNAL = 'data/nga-truong.jsonl';
/** The key the commune's journal is kept under (one commune per office). */
const KEY = 'commune';
/** The Web Lock a tab holds while it may write the journal. */
const LOCK = 'chibo-journal';

const app = {
  commune: null,
  meetingId: null,
  /** The cell and month a new draft is for, when one was asked for from the dashboard. */
  draftFor: null,
  lastDay: null,
  year: 2025,
  store: null,
  /** The head last written to the browser's storage (null: nothing kept). */
  savedHead: null,
  /** True while another tab holds the journal: this one shows it and writes nothing. */
  readOnly: false,
  channel: 'BroadcastChannel' in globalThis ? new BroadcastChannel('chibo-journal') : null,

  /** Opens meeting `id` (null: a new draft, for `draftFor` = {cell, month} when given). */
  select(id, draftFor = null) {
    this.meetingId = id;
    this.draftFor = draftFor;
    // The open meeting is in the address: a reload (or a bookmark) comes back to it.
    history.replaceState(null, '', id ? `#meeting=${encodeURIComponent(id)}` : location.pathname + location.search);
    if (id) {
      this.year = Number(this.commune.meeting(id).month.slice(0, 4));
      $('#year').value = String(this.year);
    }
    refresh();
    $('#meeting-panel').scrollIntoView({ block: 'start' });
    $('#meeting-panel h2').focus({ preventScroll: true });
  },

  /** Executes the commands in order and keeps the accepted records in the browser's storage
   * before saying so; stops at the first refusal and shows it. True when all were accepted and
   * kept. */
  async run(commands, what) {
    try {
      return await this.attempt(commands, what);
    } finally {
      // A count of the actions finished, for whoever waits on one (the browser tests).
      document.body.dataset.actions = String(Number(document.body.dataset.actions ?? 0) + 1);
    }
  },

  async attempt(commands, what) {
    if (this.readOnly) {
      showResult('refused', t('readOnly'));
      return false;
    }
    const known = recordedSoFar(commands);
    const from = this.commune.head;
    const records = [];
    let refusal = null;
    for (const command of commands) {
      try {
        const line = this.commune.execute(command);
        records.push({ seq: JSON.parse(line).seq, line });
        this.lastDay = dayOfLine(line);
      } catch (error) {
        refusal = error;
        break;
      }
    }
    const kept = records.length ? await keep(records, from) : true;
    if (refusal) {
      showRefusal(refusal);
      if (records.length) refresh(); // the earlier commands of the batch were accepted
      return false;
    }
    if (!kept || kept === 'merged') {
      if (!kept) showResult('refused', t('notKept', what));
      refresh();
      return kept === 'merged';
    }
    const defects = recordedDefects(commands).slice(known);
    if (defects.length) showDefects(what, defects);
    else showResult('ok', t('accepted', what));
    refresh();
    return true;
  },
};

/** Writes accepted records to the browser's storage: true once kept. On a fork (another tab wrote
 * first, with no lock to stop it) the stored journal and this page's are merged by the library
 * and the merge shown, conflicts included: `'merged'`. False when the records are
 * only in memory (storage full or denied): the page says so and warns before leaving. */
async function keep(records, from) {
  if (!app.store) {
    showStorage(app.storageProblem ?? new StorageProblem('denied'));
    return false;
  }
  try {
    // Nothing kept yet (the first write failed): the whole journal, else the new lines.
    if (!app.savedHead) await app.store.replace(KEY, app.commune.journalText(), app.commune.head, 'first kept');
    else await app.store.append(KEY, records, from, app.commune.head);
    app.savedHead = app.commune.head;
    app.channel?.postMessage({ key: KEY, head: app.savedHead });
    showSaved();
    return true;
  } catch (error) {
    if (error instanceof StorageProblem && error.kind === 'fork') {
      try {
        await mergeFork();
        return 'merged';
      } catch (problem) {
        showStorage(problem);
        return false;
      }
    }
    showStorage(error);
    return false;
  }
}

/** Another tab wrote to the stored journal: this page's records are merged onto it by the
 * library (each checked again; what no longer holds comes back as a conflict, shown). */
async function mergeFork() {
  const stored = await app.store.read(KEY);
  const merged = Commune.load(stored.text);
  const result = merged.merge(app.commune.journalText());
  await app.store.replace(KEY, merged.journalText(), merged.head, 'merged');
  app.commune.free();
  app.commune = merged;
  app.savedHead = merged.head;
  app.channel?.postMessage({ key: KEY, head: app.savedHead });
  showSaved();
  showMerge(result);
}

function showMerge(result) {
  const box = $('#result');
  const message = currentLanguage() === 'vi' ? 'message_vi' : 'message_en';
  box.className = result.conflicts.length ? 'refused' : 'ok';
  box.replaceChildren(Object.assign(document.createElement('p'), {
    textContent: t('merged', result.appended.length, result.conflicts.length) }),
  ...result.conflicts.map((c) => Object.assign(document.createElement('p'), { textContent: `${t('actions')[c.action] ?? c.action} (${c.device_seq}): ${c.reason[message]}` })));
}

/** The meeting a batch ending in `record_meeting` records a sitting of, if it does. */
function sittingOf(commands) {
  return commands[commands.length - 1]?.action?.record_meeting?.meeting;
}

/** How many defects that meeting had before the batch (its earlier sittings'). */
function recordedSoFar(commands) {
  const meeting = sittingOf(commands);
  if (!meeting || !app.commune.meetingIds().includes(meeting)) return 0;
  return app.commune.summary('meetings', meeting).defects.length;
}

/** Every defect recorded on the meeting a batch ending in `record_meeting` sat on, oldest sitting
 * first, as the library words them (vi and en); none for any other batch. */
function recordedDefects(commands) {
  const meeting = sittingOf(commands);
  if (!meeting) return [];
  return app.commune.query({ minutes: { meeting, language: 'vi' } }).defects;
}

/** Recorded, with what went against the rules (the library's messages, in the page's language). */
function showDefects(what, defects) {
  showResult('defects', '', defects.map((d) => d.code).join(' '));
  const box = $('#result');
  box.dataset.what = what;
  box.dataset.messagesVi = JSON.stringify(defects.map((d) => d.message_vi));
  box.dataset.messagesEn = JSON.stringify(defects.map((d) => d.message_en));
  labelDefects(box);
}

function labelDefects(box) {
  const messages = JSON.parse(currentLanguage() === 'vi' ? box.dataset.messagesVi : box.dataset.messagesEn);
  box.textContent = `${t('recordedWithDefects', box.dataset.what)} ${messages.join(' ')}`;
}

function showResult(kind, text, code = '') {
  const box = $('#result');
  box.className = kind;
  box.dataset.code = code;
  box.textContent = text;
}

/** A refusal: the library's message first, in the page's language; its stable code tucked in a
 * disclosure, for whoever supports the office. */
function writeRefusal(box, message, code) {
  const details = document.createElement('details');
  details.append(Object.assign(document.createElement('summary'), { textContent: t('forSupport') }),
    Object.assign(document.createElement('code'), { className: 'code', textContent: code }));
  box.replaceChildren(Object.assign(document.createElement('p'), { textContent: message }), details);
}

function showRefusal(error) {
  if (error?.code === undefined) throw error; // not a refusal of the library: a bug to see
  const message = currentLanguage() === 'vi' ? error.messageVi : error.messageEn;
  showResult('refused', '', error.code);
  const box = $('#result');
  box.dataset.messageVi = error.messageVi;
  box.dataset.messageEn = error.messageEn;
  writeRefusal(box, message, error.code);
}

/** The result box in the new language: a refusal in the library's other message; a note cleared. */
function relabelResult() {
  const box = $('#result');
  if (box.className === 'refused' && box.dataset.messageVi) {
    const message = currentLanguage() === 'vi' ? box.dataset.messageVi : box.dataset.messageEn;
    writeRefusal(box, message, box.dataset.code);
  } else if (box.className === 'defects') {
    labelDefects(box);
  } else {
    showResult('', '');
  }
}

/** Where the journal is kept, in words. */
function showSaved() {
  const status = $('#save-status');
  const unsaved = unsavedRecords();
  status.className = unsaved ? 'unsaved' : 'saved';
  status.textContent = unsaved ? t('unsaved', unsaved) : t('saved', app.savedHead.seq);
}

/** A storage problem, said plainly, with what to do. */
function showStorage(problem) {
  app.storageProblem = problem;
  const status = $('#save-status');
  status.className = 'unsaved';
  const kind = problem instanceof StorageProblem ? problem.kind : 'denied';
  status.textContent = `${t(kind === 'full' ? 'storageFull' : 'storageDenied')} ${unsavedRecords() ? t('unsaved', unsavedRecords()) : ''}`;
  $('#storage-problem').textContent = t(kind === 'full' ? 'storageFull' : 'storageDenied');
  $('#storage-problem').hidden = false;
}

/** Records in memory not yet kept in the browser's storage. */
function unsavedRecords() {
  if (!app.commune) return 0;
  return app.commune.length - (app.savedHead?.seq ?? 0);
}

function refresh() {
  const commune = app.commune;
  if (!commune) return;
  $('#journal-status').textContent = t('loaded', commune.length);
  $('#journal-status').title = `${t('head')} ${commune.head.hash}`;
  $('#commune-name').textContent = commune.organisation().name;
  if (app.savedHead) showSaved();
  $('#read-only').hidden = !app.readOnly;
  $('#read-only').textContent = t('readOnly');
  const dashboard = commune.dashboard(app.year);
  renderLegend($('#state-legend'));
  renderGrid($('#grid'), dashboard, app.meetingId, (id, cell, month) => (id ? app.select(id) : app.select(null, { cell, month })));
  renderFinder();
  renderAttendance($('#chart-attendance'), dashboard);
  renderTasks($('#chart-tasks'), dashboard);
  const asOf = $('#as-of');
  if (!asOf.value || !asOf.value.startsWith(String(app.year))) asOf.value = defaultAsOf();
  renderAlerts($('#alerts'), commune.alerts(asOf.value));
  const panel = { ...app, commune: () => app.commune, run: app.run.bind(app), select: app.select.bind(app) };
  renderMeeting($('#meeting-detail'), panel);
  renderLifecycle($('#lifecycle'), panel);
  $('#lifecycle').inert = app.readOnly;
}

/** The finder's cell list, and the meetings of the cell and month chosen. */
function renderFinder() {
  const select = $('#find-cell');
  const cells = app.commune.organisation().cells;
  const chosen = select.value;
  select.replaceChildren(...Object.entries(cells).map(([id, cell]) => new Option(cell.name, id, false, id === chosen)));
  const month = $('#find-month');
  if (!month.value || !month.value.startsWith(String(app.year))) month.value = `${app.year}-${(app.lastDay ?? '').slice(5, 7) || '01'}`;
  const found = app.commune.meetingIds(select.value).filter((id) => !month.value || app.commune.meeting(id).month === month.value);
  const list = $('#found');
  list.replaceChildren(...found.map((id) => {
    const item = document.createElement('li');
    const summary = app.commune.summary('meetings', id);
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'link',
      textContent: `${id} · ${t('kinds')[summary.kind] ?? summary.kind} · ${t('states')[summary.state]}` });
    button.dataset.meeting = id;
    button.addEventListener('click', () => app.select(id));
    item.append(button);
    return item;
  }));
  if (!found.length) {
    const item = document.createElement('li');
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'link', id: 'draft-here',
      textContent: t('noneFound', cells[select.value]?.name ?? '', month.value) });
    button.addEventListener('click', () => app.select(null, { cell: select.value, month: month.value }));
    item.append(button);
    list.replaceChildren(item);
  }
}

/** The day of a journal line's event (its local date, as written). */
const dayOfLine = (line) => JSON.parse(line).event.at.slice(0, 10);

/** The alerts' day: the day of the journal's last record in its year, else the year's last day. */
function defaultAsOf() {
  const day = app.lastDay ?? '';
  return day.startsWith(String(app.year)) ? day : `${app.year}-12-31`;
}

/** The last line of a journal's text. */
function lastLine(text) {
  const trimmed = text.trimEnd();
  return trimmed.slice(trimmed.lastIndexOf('\n') + 1);
}

/** Makes `text` the page's commune; the library checks every record. False (and the refusal
 * shown) when it does not load. */
function use(text) {
  let commune;
  try {
    commune = Commune.load(text);
  } catch (error) {
    showRefusal(error);
    return false;
  }
  app.commune?.free();
  app.commune = commune;
  const last = lastLine(text);
  app.lastDay = last ? dayOfLine(last) : null;
  if (app.meetingId && !commune.meetingIds().includes(app.meetingId)) app.meetingId = null;
  return true;
}

/** Opens the journal kept in the browser, checking it ends where it was last written; the
 * sample journal when none is kept yet (and keeps it). */
async function open() {
  const kept = app.store ? await app.store.read(KEY) : null;
  if (kept) {
    if (!use(kept.text)) {
      $('#journal-status').textContent = t('keptDamaged');
      return;
    }
    const head = app.commune.head;
    if (head.seq !== kept.head.seq || head.hash !== kept.head.hash) {
      showResult('refused', t('keptMismatch', kept.head.seq, head.seq));
    }
    app.savedHead = kept.head;
    if (!app.readOnly) await app.store.compact(KEY).catch(() => {});
    return;
  }
  const response = await fetch(DEFAULT_JOURNAL).catch(() => null);
  if (!response?.ok) {
    $('#journal-status').textContent = t('noJournal');
    return;
  }
  if (!use(await response.text())) return;
  await keepWhole('sample');
}

/** Keeps the whole journal (a first open, an import), the one kept before archived. */
async function keepWhole(why) {
  if (!app.store || app.readOnly) {
    if (!app.store) showStorage(app.storageProblem);
    return;
  }
  try {
    await app.store.replace(KEY, app.commune.journalText(), app.commune.head, why);
    app.savedHead = app.commune.head;
    app.channel?.postMessage({ key: KEY, head: app.savedHead });
    showSaved();
  } catch (error) {
    showStorage(error);
  }
}

/** A journal file brought in: merged into this one by the library when it shares its beginning
 * (a device's copy, an older export); otherwise, after asking, it replaces this one, which is
 * archived in the browser, not deleted. */
async function importJournal(text) {
  if (app.readOnly) {
    showResult('refused', t('readOnly'));
    return;
  }
  const from = app.commune.head;
  let result;
  try {
    result = app.commune.merge(text);
  } catch (error) {
    if (error?.code !== 'journal.unrelated') {
      showRefusal(error);
      return;
    }
    if (!window.confirm(t('replaceAsk'))) return;
    if (!use(text)) return;
    app.meetingId = null;
    await keepWhole('import');
    showResult('ok', t('imported', app.commune.length));
    refresh();
    return;
  }
  const lines = app.commune.journalText().split('\n');
  const records = result.appended.map(({ seq }) => ({ seq, line: lines[seq - 1] }));
  const kept = records.length ? await keep(records, from) : true;
  if (kept) showMerge(result);
  refresh();
}

function download() {
  const text = app.commune.journalText();
  const head = verify(text); // the library checks the chain before the file leaves the page
  $('#verify-status').textContent = t('verified', head.seq);
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: 'journal.jsonl' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Holds the journal's Web Lock for as long as the tab lives; a second tab opens read-only and
 * takes over (reloading the kept journal) when the first one closes. */
async function lock() {
  if (!navigator.locks) return; // no Web Locks: a fork is caught at write time and merged
  const held = await new Promise((resolve) => {
    navigator.locks.request(LOCK, { ifAvailable: true }, (granted) => {
      resolve(Boolean(granted));
      return granted ? new Promise(() => {}) : undefined;
    });
  });
  app.readOnly = !held;
  if (held) return;
  navigator.locks.request(LOCK, async () => {
    app.readOnly = false;
    await open();
    showResult('ok', t('tookOver'));
    refresh();
    return new Promise(() => {});
  });
}

/** The language chosen last time in this browser, if it keeps one. */
function remembered() {
  try {
    const language = localStorage.getItem('chibo-language');
    return language === 'en' || language === 'vi' ? language : null;
  } catch {
    return null;
  }
}

async function start() {
  const started = performance.now();
  setLanguage(remembered() ?? 'vi');
  $('#journal-status').textContent = t('loading');
  await init();
  const words = new Commune();
  setVocabulary(words.query({ labels: { language: 'vi' } }), words.query({ labels: { language: 'en' } }));
  words.free();
  $('#lang').addEventListener('click', () => {
    setLanguage(currentLanguage() === 'vi' ? 'en' : 'vi');
    try { localStorage.setItem('chibo-language', currentLanguage()); } catch { /* not kept: vi next time */ }
    relabelResult();
    refresh();
  });
  $('#pick').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (file) await importJournal(await file.text());
  });
  $('#download').addEventListener('click', () => { try { download(); } catch (error) { showRefusal(error); } });
  $('#csv-dashboard').addEventListener('click', () => saveCsv(`bang-theo-doi-${app.year}.csv`, dashboardCsv(app.commune, app.year)));
  $('#csv-tasks').addEventListener('click', () => {
    const month = $('#find-month').value || `${app.year}-01`;
    saveCsv(`nhiem-vu-${month}.csv`, tasksCsv(app.commune, month));
  });
  $('#year').addEventListener('change', (e) => { app.year = Number(e.target.value); refresh(); });
  $('#as-of').addEventListener('change', () => refresh());
  $('#find').addEventListener('submit', (e) => { e.preventDefault(); refresh(); });
  $('#find-cell').addEventListener('change', () => refresh());
  $('#find-month').addEventListener('change', () => refresh());
  window.addEventListener('beforeunload', (event) => {
    if (unsavedRecords() > 0) {
      event.preventDefault();
      event.returnValue = ''; // the browser shows its own "leave the page?" question
    }
  });
  app.channel?.addEventListener('message', async (event) => {
    // Another tab kept new records: a read-only tab shows them.
    if (event.data?.key !== KEY || !app.readOnly) return;
    await open();
    refresh();
  });

  try {
    app.store = await openStore();
  } catch (error) {
    showStorage(error);
  }
  await lock();
  await open();
  const asked = new URLSearchParams(location.hash.slice(1)).get('meeting');
  if (asked && app.commune?.meetingIds().includes(asked)) {
    app.meetingId = asked;
    app.year = Number(app.commune.meeting(asked).month.slice(0, 4));
    $('#year').value = String(app.year);
  }
  refresh();
  document.body.dataset.ready = 'true';
  window.chiboTiming = { interactiveMs: performance.now(), startMs: started };
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => {});
}

start();
