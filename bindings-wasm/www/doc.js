// A meeting's minutes or resolution, as the core writes them (the `minutes` query's `html` or
// `resolution_html`: a self-contained A4 page), from the journal kept in the browser.
// doc.html?meeting=ID&document=minutes|resolution&language=vi|en. A "Print" button, hidden when
// printing, is the only thing the page adds; the browser prints the core's layout as it is.
import init, { Commune } from './pkg/chibo.js';
import { openStore } from './store.js';

const params = new URLSearchParams(location.search);
const meeting = params.get('meeting') ?? '';
const which = params.get('document') === 'resolution' ? 'resolution' : 'minutes';
const language = params.get('language') === 'en' ? 'en' : 'vi';
const WORDS = {
  vi: { print: 'In (A4)', back: 'Đóng', none: 'Chưa có nhật ký trong trình duyệt: hãy mở trang chính trước.' },
  en: { print: 'Print (A4)', back: 'Close', none: 'No journal kept in this browser yet: open the main page first.' },
}[language];

function fail(text) {
  const status = document.getElementById('doc-status');
  status.setAttribute('role', 'alert');
  status.textContent = text;
  document.body.dataset.ready = 'true';
}

async function show() {
  await init();
  const store = await openStore().catch(() => null);
  const kept = store ? await store.read('commune') : null;
  if (!kept) return fail(WORDS.none);
  const commune = Commune.load(kept.text);
  let written;
  try {
    written = commune.query({ minutes: { meeting, language } });
  } catch (error) {
    if (error?.code === undefined) throw error;
    return fail(language === 'vi' ? error.messageVi : error.messageEn);
  }
  const html = which === 'resolution' ? written.resolution_html : written.html;
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.lang = parsed.documentElement.lang || language;
  document.head.replaceChildren(...parsed.head.childNodes);
  document.body.replaceChildren(...parsed.body.childNodes);
  const style = document.createElement('style');
  style.textContent = '.chibo-tools{display:flex;gap:.5rem;margin:0 0 1rem}'
    + '.chibo-tools button{min-height:44px;min-width:44px;padding:0 1rem;font:inherit;cursor:pointer}'
    + '@media screen{body{padding:0 0.8rem;box-sizing:border-box}}@media print{.chibo-tools{display:none}}';
  const tools = document.createElement('div');
  tools.className = 'chibo-tools';
  const print = Object.assign(document.createElement('button'), { type: 'button', id: 'print', textContent: WORDS.print });
  print.addEventListener('click', () => window.print());
  const close = Object.assign(document.createElement('button'), { type: 'button', textContent: WORDS.back });
  close.addEventListener('click', () => window.close());
  tools.append(print, close);
  document.head.append(style);
  document.body.prepend(tools);
  document.body.dataset.ready = 'true';
}

show().catch((error) => fail(String(error?.message ?? error)));
