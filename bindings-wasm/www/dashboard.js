// The commune dashboard: the cells × months grid, the two charts and the open alerts. Every
// number comes from the library's dashboard and alerts reports; this file only draws them.
import { currentLanguage, t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

function element(tag, attributes = {}, ...children) {
  const node = tag.startsWith('svg:')
    ? document.createElementNS(SVG, tag.slice(4))
    : document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

/** A rate per mille as a percentage in the page's language (`96,2 %`). */
export function percent(perMille) {
  if (perMille == null) return '';
  return new Intl.NumberFormat(currentLanguage() === 'vi' ? 'vi-VN' : 'en-GB', {
    style: 'percent', maximumFractionDigits: 1 }).format(perMille / 1000);
}

/** The states in lifecycle order; a cell shows its state's number (explained in the legend) as
 * well as its colour. */
export const STATES = ['draft', 'adopted', 'assigned', 'reported', 'inspected'];

/** The grid: one row per cell, one column per month; each cell a button that opens the regular
 * meeting of that month (or a draft for it), showing the state's step number and the quality band
 * in letters and colour. `open(meeting, cell, month)` is called on a click. */
export function renderGrid(table, dashboard, selected, open) {
  const months = dashboard.months.map((m) => m.month);
  const head = element('tr', {}, element('th', { scope: 'col' }, t('cell')),
    ...months.map((m) => element('th', { scope: 'col', title: m }, t('monthShort', m.slice(5)))));
  const byCell = new Map();
  for (const row of dashboard.rows) {
    if (!byCell.has(row.cell)) byCell.set(row.cell, { name: row.cell_name, rows: [] });
    byCell.get(row.cell).rows.push(row);
  }
  const body = [...byCell.entries()].map(([cell, { name, rows }]) => element('tr', { 'data-cell': cell },
    element('th', { scope: 'row' }, name),
    ...rows.map((row) => {
      const state = row.state ?? 'none';
      const step = row.state ? String(STATES.indexOf(row.state) + 1) : '';
      const band = row.quality_band ? t('bandShort')[row.quality_band] : '';
      const words = [name, t('monthLong', row.month),
        row.state ? t('states')[row.state] : t('noMeeting'),
        row.quality_band ? `${t('quality')}: ${t('bands')[row.quality_band]}` : '',
        row.attendance?.rate_per_mille != null ? `${t('attendanceRate')}: ${percent(row.attendance.rate_per_mille)}` : ''];
      // The square's visible step and band come first in its name, then the words they stand for.
      const button = element('button', { type: 'button', class: 'cell-button',
        ...(row.meeting ? { 'data-meeting': row.meeting } : {}), ...(row.meeting && row.meeting === selected ? { 'aria-current': 'true' } : {}) },
      element('span', { class: 'step' }, step || '·'),
      element('span', { class: 'band' }, band),
      element('span', { class: 'visually-hidden' }, `: ${words.filter(Boolean).join(', ')}`));
      button.addEventListener('click', () => open(row.meeting ?? null, row.cell, row.month));
      return element('td', { class: `state-${state}`, 'data-month': row.month, 'data-state': state }, button);
    })));
  table.replaceChildren(element('caption', { class: 'visually-hidden' }, t('dashboard')),
    element('thead', {}, head), element('tbody', {}, ...body));
}

/** Attendance per month (R-70's rate, as a percentage) as an SVG bar chart. */
export function renderAttendance(holder, dashboard) {
  const width = 360; const height = 160; const pad = 28;
  const bar = (width - pad) / dashboard.months.length;
  const svg = element('svg:svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': t('attendanceChart') });
  for (const level of [0, 500, 1000]) {
    const y = height - pad - (level / 1000) * (height - 2 * pad);
    svg.append(element('svg:line', { x1: pad, x2: width, y1: y, y2: y, class: 'rule' }),
      element('svg:text', { x: 0, y: y + 4, class: 'axis' }, percent(level)));
  }
  dashboard.months.forEach((m, i) => {
    const rate = m.attendance.rate_per_mille;
    const x = pad + i * bar;
    if (rate != null) {
      const h = (rate / 1000) * (height - 2 * pad);
      svg.append(element('svg:rect', { x: x + 2, y: height - pad - h, width: bar - 4, height: h, class: 'attendance' },
        element('svg:title', {}, `${t('monthLong', m.month)}: ${percent(rate)}`)));
    }
    svg.append(element('svg:text', { x: x + bar / 2, y: height - 6, class: 'axis middle' }, t('monthShort', m.month.slice(5))));
  });
  holder.replaceChildren(svg);
}

const OUTCOMES = ['exceeded', 'on_time', 'late', 'not_done', 'cancelled', 'pending'];

/** Tasks per month by outcome (counts from the totals), stacked. */
export function renderTasks(holder, dashboard) {
  const width = 360; const height = 160; const pad = 28;
  const bar = (width - pad) / dashboard.months.length;
  const most = Math.max(1, ...dashboard.months.map((m) => OUTCOMES.reduce((s, k) => s + m.tasks[k], 0)));
  const svg = element('svg:svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': t('tasksChart') });
  svg.append(element('svg:text', { x: 0, y: pad, class: 'axis' }, String(most)),
    element('svg:text', { x: 0, y: height - pad, class: 'axis' }, '0'));
  dashboard.months.forEach((m, i) => {
    let y = height - pad;
    for (const kind of OUTCOMES) {
      const h = (m.tasks[kind] / most) * (height - 2 * pad);
      if (h > 0) {
        y -= h;
        svg.append(element('svg:rect', { x: pad + i * bar + 2, y, width: bar - 4, height: h, class: `task-${kind}` },
          element('svg:title', {}, `${m.month} ${t('taskKinds')[kind]}: ${m.tasks[kind]}`)));
      }
    }
    svg.append(element('svg:text', { x: pad + i * bar + bar / 2, y: height - 6, class: 'axis middle' }, t('monthShort', m.month.slice(5))));
  });
  const legend = element('div', { class: 'legend' }, ...OUTCOMES.map((k) => element('span', { class: `key task-${k}` }, t('taskKinds')[k])));
  holder.replaceChildren(svg, legend);
}

/** The alerts as of a day, in the page's language, the first `limit` of them. */
export function renderAlerts(list, alerts, limit = 40) {
  if (alerts.length === 0) {
    list.replaceChildren(element('li', {}, t('noAlerts')));
    return;
  }
  const message = currentLanguage() === 'vi' ? 'message_vi' : 'message_en';
  const items = alerts.slice(0, limit).map((a) => element('li', { 'data-kind': a.kind },
    element('span', { class: 'badge' }, t('alertKinds')[a.kind] ?? a.kind), ' ', a[message], ' ',
    element('small', { class: 'rule-ref' }, `(${t('ruleRef')} ${a.rule})`)));
  if (alerts.length > limit) items.push(element('li', { class: 'more' }, t('more', alerts.length - limit)));
  list.replaceChildren(...items);
}

/** The grid's key: each state's number and colour, named in the page's language, and the
 * quality bands' short forms spelled out. */
export function renderLegend(holder) {
  const states = t('states');
  const bands = t('bands');
  holder.replaceChildren(
    ...STATES.map((s, i) => element('span', { class: `key state-${s}` }, `${i + 1} = ${states[s]}`)),
    element('span', { class: 'key state-none' }, `· = ${t('noMeeting')}`),
    ...['good', 'fair', 'average', 'weak'].filter((b) => bands[b]).map((b) => element('span', { class: 'key band-key' }, `${t('bandShort')[b]} = ${t('quality')} ${bands[b].toLowerCase()}`)));
}
