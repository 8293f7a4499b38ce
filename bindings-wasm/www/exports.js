// Spreadsheets for the office: the dashboard of a year and the tasks of a month as CSV (RFC 4180,
// comma-separated, CRLF) with a UTF-8 byte-order mark so that Excel reads the Vietnamese, headers
// in the page's language and values named by the library's labels (states, bands, outcomes).
// Figures are the library's dashboard and summaries; nothing is computed here but the layout.
import { percent } from './dashboard.js';
import { t } from './i18n.js';

const BOM = '\uFEFF';

/** One field, quoted when it holds a comma, a quote or a line break. */
function field(value) {
  const text = value == null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows (arrays) as CSV text with the byte-order mark. */
export function toCsv(rows) {
  return BOM + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** The dashboard of `year`: one line per cell × month. */
export function dashboardCsv(commune, year) {
  const dashboard = commune.dashboard(year);
  const yes = t('yesNo');
  const header = t('csvDashboard');
  const rows = dashboard.rows.map((r) => [
    r.cell_name, r.month, r.meeting ?? '', r.state ? t('states')[r.state] : t('noMeeting'),
    r.attendance?.expected ?? '', r.attendance?.present ?? '', r.attendance?.absent_excused ?? '',
    r.attendance?.absent_unexcused ?? '', percent(r.attendance?.rate_per_mille),
    r.vote?.yes ?? '', r.vote?.no ?? '', r.vote?.abstain ?? '', r.vote ? yes[r.vote.passed ? 1 : 0] : '',
    r.tasks.new, r.tasks.exceeded, r.tasks.on_time, r.tasks.late, r.tasks.not_done, r.tasks.pending,
    r.quality_band ? t('bands')[r.quality_band] : '', r.defects,
  ]);
  return toCsv([header, ...rows]);
}

/** The tasks assigned at the meetings of `month` (`YYYY-MM`), cell by cell. */
export function tasksCsv(commune, month) {
  const organisation = commune.organisation();
  const nameOf = (id) => organisation.members[id]?.name ?? id;
  const rows = [];
  for (const id of commune.meetingIds()) {
    const meeting = commune.meeting(id);
    if (meeting.month !== month || meeting.tasks.length === 0) continue;
    const lines = commune.query({ minutes: { meeting: id, language: 'vi' } }).tasks;
    meeting.tasks.forEach((task, i) => {
      const s = commune.summary('tasks', task);
      const line = lines[i];
      rows.push([organisation.cells[meeting.cell]?.name ?? meeting.cell, id, task, nameOf(s.owner),
        line?.content ?? '', line?.item ?? '', line?.deadline ?? '', t('taskStates')[s.state] ?? s.state,
        s.outcome ? t('outcomes')[s.outcome] : '']);
    });
  }
  return toCsv([t('csvTasks'), ...rows]);
}

/** Offers `text` as a file download named `name`. */
export function saveCsv(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
