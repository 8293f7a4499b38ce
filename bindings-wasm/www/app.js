// The page: loads the wasm package and a commune's journal, draws the dashboard, runs the
// lifecycle forms, offers the journal for download. Every rule and number is the library's.
import init, { Commune, verify } from './pkg/chibo.js';
import { renderAlerts, renderAttendance, renderGrid, renderLegend, renderTasks } from './dashboard.js';
import { currentLanguage, setLanguage, setVocabulary, t } from './i18n.js';
import { renderLifecycle } from './lifecycle.js';

const $ = (selector) => document.querySelector(selector);
const DEFAULT_JOURNAL = 'data/nga-truong.jsonl';

const app = {
  commune: null,
  meetingId: null,
  lastDay: null,
  year: 2025,
  /** Follows meeting `id` in the lifecycle panel (null: a new draft). */
  select(id) {
    this.meetingId = id;
    if (id) {
      this.year = Number(this.commune.meeting(id).month.slice(0, 4));
      $('#year').value = String(this.year);
    }
    refresh();
  },
  /** Executes the commands in order; stops at the first refusal and shows it. */
  run(commands, what) {
    const known = recordedSoFar(commands);
    for (const command of commands) {
      try {
        this.lastDay = dayOfLine(this.commune.execute(command));
      } catch (error) {
        showRefusal(error);
        // A refused command changed nothing; the earlier ones of the batch did.
        if (command !== commands[0]) refresh();
        return false;
      }
    }
    const defects = recordedDefects(commands).slice(known);
    if (defects.length) showDefects(what, defects);
    else showResult('ok', t('accepted', what));
    refresh();
    return true;
  },
};

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
  const minutes = app.commune.query({ minutes: { meeting, language: 'vi' } });
  return minutes.defects;
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

/** A refusal in plain words first, in the page's language; its stable code after it, small, for
 * whoever supports the office. */
function writeRefusal(box, message, code) {
  const small = Object.assign(document.createElement('small'), { className: 'code', textContent: ` (${t('code')}: ${code})` });
  box.replaceChildren(document.createTextNode(`${t('refused')}: ${message}`), small);
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
  if (box.className === 'refused') {
    const message = currentLanguage() === 'vi' ? box.dataset.messageVi : box.dataset.messageEn;
    writeRefusal(box, message, box.dataset.code);
  } else if (box.className === 'defects') {
    labelDefects(box);
  } else {
    showResult('', '');
  }
}

function refresh() {
  const commune = app.commune;
  if (!commune) return;
  const head = commune.head;
  $('#journal-status').textContent = t('loaded', head.seq, head.hash);
  $('#commune-name').textContent = commune.organisation().name;
  const dashboard = commune.dashboard(app.year);
  renderLegend($('#state-legend'));
  renderGrid($('#grid'), dashboard);
  renderAttendance($('#chart-attendance'), dashboard);
  renderTasks($('#chart-tasks'), dashboard);
  const asOf = $('#as-of');
  if (!asOf.value || !asOf.value.startsWith(String(app.year))) asOf.value = defaultAsOf();
  renderAlerts($('#alerts'), commune.alerts(asOf.value));
  renderLifecycle($('#lifecycle'), { ...app, commune: () => app.commune, run: app.run.bind(app), select: app.select.bind(app) });
}

/** The day of a journal line's event (its local date, as written). */
const dayOfLine = (line) => JSON.parse(line).event.at.slice(0, 10);

/** The alerts' day: the day of the journal's last record in its year, else the year's last day. */
function defaultAsOf() {
  const day = app.lastDay ?? '';
  return day.startsWith(String(app.year)) ? day : `${app.year}-12-31`;
}

function load(text) {
  try {
    app.commune = Commune.load(text);
    app.meetingId = null;
    const trimmed = text.trimEnd();
    const last = trimmed.slice(trimmed.lastIndexOf('\n') + 1);
    app.lastDay = last ? dayOfLine(last) : null;
    showResult('', '');
    refresh();
  } catch (error) {
    showRefusal(error);
  }
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

async function start() {
  const started = performance.now();
  setLanguage('vi');
  $('#journal-status').textContent = t('loading');
  await init();
  const words = new Commune();
  setVocabulary(words.query({ labels: { language: 'vi' } }), words.query({ labels: { language: 'en' } }));
  words.free();
  $('#lang').addEventListener('click', () => {
    setLanguage(currentLanguage() === 'vi' ? 'en' : 'vi');
    relabelResult();
    refresh();
  });
  $('#pick').addEventListener('change', async (e) => { const file = e.target.files[0]; if (file) load(await file.text()); });
  $('#download').addEventListener('click', () => { try { download(); } catch (error) { showRefusal(error); } });
  $('#year').addEventListener('change', (e) => { app.year = Number(e.target.value); refresh(); });
  $('#as-of').addEventListener('change', () => refresh());
  const response = await fetch(DEFAULT_JOURNAL).catch(() => null);
  if (response?.ok) load(await response.text());
  else $('#journal-status').textContent = t('noJournal');
  document.body.dataset.ready = 'true';
  window.chiboTiming = { interactiveMs: performance.now(), startMs: started };
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => {});
}

start();
