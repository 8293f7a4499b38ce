// The page's own labels in Vietnamese and English. Refusals, alerts and report texts are not
// here: they come from the library in both languages.

const LABELS = {
  vi: {
    title: 'Sinh hoạt chi bộ: bảng điều hành của Đảng ủy xã',
    toggle: 'English',
    pick: 'Mở nhật ký…',
    download: 'Tải nhật ký',
    loading: 'Đang tải nhật ký…',
    loaded: (n, hash) => `Nhật ký: ${n} bản ghi, mã cuối ${hash.slice(0, 12)}…`,
    verified: (n) => `Đã kiểm tra chuỗi băm: ${n} bản ghi hợp lệ`,
    noJournal: 'Chưa có nhật ký: hãy mở một tệp .jsonl.',
    dashboard: 'Bảng theo dõi: chi bộ × tháng',
    year: 'Năm',
    cell: 'Chi bộ',
    legend: 'Màu: trạng thái cuộc sinh hoạt thường kỳ; chữ: xếp loại chất lượng',
    charts: 'Biểu đồ toàn Đảng bộ',
    attendance: 'Tỷ lệ dự họp (‰)',
    tasks: 'Nhiệm vụ theo kết quả',
    alerts: 'Cảnh báo',
    asOf: 'Tính đến ngày',
    noAlerts: 'Không có cảnh báo.',
    more: (n) => `… và ${n} cảnh báo khác`,
    alertKinds: {
      no_regular_meeting: 'Không sinh hoạt thường kỳ',
      thematic_quota_missed: 'Thiếu sinh hoạt chuyên đề',
      consecutive_absences: 'Vắng nhiều kỳ liên tiếp',
      removal_proposal: 'Đề nghị xóa tên',
      task_overdue: 'Nhiệm vụ quá hạn',
      remediation_overdue: 'Khắc phục quá hạn',
      documents_late: 'Tài liệu gửi muộn',
      follower_attendance_low: 'Cấp ủy viên dự họp ít',
      meeting_defect: 'Sinh hoạt chưa đúng quy định',
    },
    lifecycle: 'Đưa một cuộc sinh hoạt qua các bước',
    meeting: 'Cuộc sinh hoạt',
    actor: 'Người thực hiện',
    at: 'Thời điểm',
    month: 'Tháng',
    directive: 'Chỉ đạo của Đảng ủy',
    issueDirective: 'Ban hành chỉ đạo tháng',
    directiveContent: 'Nội dung chỉ đạo',
    content: 'Nội dung sinh hoạt',
    items: 'Các điểm nghị quyết (mỗi dòng một điểm)',
    scheduledAt: 'Thời gian họp',
    place: 'Địa điểm',
    draft: 'Lập dự thảo',
    prepare: 'Họp chi ủy chuẩn bị',
    agreed: 'Nội dung thống nhất',
    notice: 'Gửi thông báo',
    documents: 'Công bố tài liệu',
    document: 'Tài liệu',
    startedAt: 'Bắt đầu',
    endedAt: 'Kết thúc',
    chair: 'Chủ trì',
    recorder: 'Thư ký',
    member: 'Đảng viên',
    attendanceCol: 'Dự họp',
    reason: 'Lý do',
    vote: 'Biểu quyết',
    record: 'Ghi biên bản và biểu quyết',
    task: 'Nhiệm vụ',
    item: 'Điểm',
    deadline: 'Hạn',
    assign: 'Phân công nhiệm vụ',
    outcome: 'Kết quả',
    report: 'Ghi báo cáo kết quả',
    close: 'Kết thúc báo cáo',
    inspection: 'Đợt kiểm tra, giám sát',
    inspectors: 'Người kiểm tra',
    open: 'Mở đợt giám sát',
    finding: 'Nhận xét',
    conclusion: 'Kết luận',
    conclude: 'Ban hành thông báo kết luận',
    openRemedies: 'Yêu cầu khắc phục trước đây chưa được xác nhận',
    openRemedyNote: 'Chi bộ đang khắc phục, đoàn tiếp tục theo dõi.',
    done: 'Cuộc sinh hoạt đã đi hết các bước.',
    another: 'Lập cuộc sinh hoạt khác',
    accepted: (what) => `Đã ghi: ${what}`,
    recordedWithDefects: (what) => `Đã ghi: ${what}, kèm những điểm chưa đúng quy định:`,
    refused: 'Chưa ghi được',
    code: 'mã',
    taskKinds: { exceeded: 'Vượt mức', on_time: 'Đúng hạn', late: 'Chậm', not_done: 'Không HT', cancelled: 'Hủy', pending: 'Chờ' },
    monthShort: (m) => `T${Number(m)}`,
  },
  en: {
    title: 'Cell meetings: the commune committee dashboard',
    toggle: 'Tiếng Việt',
    pick: 'Open a journal…',
    download: 'Download the journal',
    loading: 'Loading the journal…',
    loaded: (n, hash) => `Journal: ${n} records, head ${hash.slice(0, 12)}…`,
    verified: (n) => `Hash chain checked: ${n} records valid`,
    noJournal: 'No journal yet: open a .jsonl file.',
    dashboard: 'Dashboard: cells × months',
    year: 'Year',
    cell: 'Cell',
    legend: 'Colour: the regular meeting\'s state; letters: its quality band',
    charts: 'Commune charts',
    attendance: 'Attendance (‰)',
    tasks: 'Tasks by outcome',
    alerts: 'Alerts',
    asOf: 'As of',
    noAlerts: 'No alerts.',
    more: (n) => `… and ${n} more alerts`,
    alertKinds: {
      no_regular_meeting: 'No regular meeting',
      thematic_quota_missed: 'Thematic meetings missing',
      consecutive_absences: 'Absent several times in a row',
      removal_proposal: 'Removal proposal',
      task_overdue: 'Task overdue',
      remediation_overdue: 'Remediation overdue',
      documents_late: 'Documents late',
      follower_attendance_low: 'Committee member rarely attends',
      meeting_defect: 'Meeting departed from the rules',
    },
    lifecycle: 'Take one meeting through the lifecycle',
    meeting: 'Meeting',
    actor: 'Acting member',
    at: 'At',
    month: 'Month',
    directive: 'Commune directive',
    issueDirective: 'Issue the month\'s directive',
    directiveContent: 'Directive content',
    content: 'Meeting content',
    items: 'Resolution items (one per line)',
    scheduledAt: 'Scheduled at',
    place: 'Place',
    draft: 'Draft',
    prepare: 'Hold the preparatory meeting',
    agreed: 'What was agreed',
    notice: 'Send the notice',
    documents: 'Publish the documents',
    document: 'Document',
    startedAt: 'Started',
    endedAt: 'Ended',
    chair: 'Chair',
    recorder: 'Recorder',
    member: 'Member',
    attendanceCol: 'Attendance',
    reason: 'Reason',
    vote: 'Vote',
    record: 'Record the meeting and the vote',
    task: 'Task',
    item: 'Item',
    deadline: 'Deadline',
    assign: 'Assign the tasks',
    outcome: 'Outcome',
    report: 'Record the reports',
    close: 'Close reporting',
    inspection: 'Inspection',
    inspectors: 'Inspectors',
    open: 'Open the supervision',
    finding: 'Finding',
    conclusion: 'Conclusion',
    conclude: 'Issue the notice of results',
    openRemedies: 'Earlier remedies not yet verified',
    openRemedyNote: 'The cell is remedying; the inspectors keep following it.',
    done: 'The meeting has gone through every step.',
    another: 'Draft another meeting',
    accepted: (what) => `Recorded: ${what}`,
    recordedWithDefects: (what) => `Recorded: ${what}, with what went against the rules:`,
    refused: 'Not recorded',
    code: 'code',
    taskKinds: { exceeded: 'Exceeded', on_time: 'On time', late: 'Late', not_done: 'Not done', cancelled: 'Cancelled', pending: 'Pending' },
    monthShort: (m) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1],
  },
};

let language = 'vi';

/** The current language, `vi` or `en`. */
export const currentLanguage = () => language;

/** Switches the language and relabels every `[data-t]` element. */
export function setLanguage(next) {
  language = next;
  document.documentElement.lang = next;
  for (const element of document.querySelectorAll('[data-t]')) {
    element.textContent = t(element.dataset.t);
  }
}

/** The page's keys for the names of the library's codes, and the library's vocabulary for each. */
const FROM_LIBRARY = {
  states: 'meeting_state', bands: 'band', attendanceValues: 'attendance', voteValues: 'ballot', outcomes: 'outcome',
};
let vocabulary = { vi: {}, en: {} };

/** The library's names of its codes (its `labels` query), one table per language: the page says
 * what the minutes and the Python reports say. */
export function setVocabulary(vi, en) {
  vocabulary = { vi, en };
}

/** A label (or a label function applied to `args`) in the current language. */
export function t(key, ...args) {
  if (key in FROM_LIBRARY) {
    const words = vocabulary[language][FROM_LIBRARY[key]] ?? {};
    return key === 'voteValues' ? { ...words, none: '—' } : words;
  }
  const value = LABELS[language][key];
  return typeof value === 'function' ? value(...args) : value ?? key;
}
