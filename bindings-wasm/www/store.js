// The commune's journal kept in the browser (IndexedDB): a base text and the lines appended since,
// written in one transaction per action before the page says "recorded", with the journal's head
// ({seq, hash}) stored next to them so that a reopened page checks it got back what it wrote.
// Nothing is ever deleted: a journal replaced by an import is moved to the `archive` store first.
//
// Database `chibo` (version 1):
//   journals  {key, base, head, savedAt}      one per commune key
//   lines     [key, seq] → line               appended since the base, compacted into it on open
//   archive   auto id → {key, text, head, at, why}

const DB = 'chibo';
const COMPACT_AFTER = 500; // lines; on open, more than this are folded into the base

/** A storage failure, worded for the office: `kind` is `full` (quota), `denied` (the browser
 * refuses storage: private mode, settings) or `fork` (another tab wrote first). */
export class StorageProblem extends Error {
  constructor(kind, cause) {
    super(`${kind}: ${cause?.message ?? cause ?? ''}`);
    this.name = 'StorageProblem';
    this.kind = kind;
    this.cause = cause;
  }
}

const kindOf = (error) => (error?.name === 'QuotaExceededError' ? 'full' : 'denied');

/** A request's result as a promise. */
const done = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

/** A transaction's end: resolves on commit, rejects with its error (a full disk is reported here). */
const committed = (tx) => new Promise((resolve, reject) => {
  tx.oncomplete = () => resolve();
  tx.onabort = () => reject(tx.error ?? new DOMException('aborted', 'AbortError'));
  tx.onerror = () => reject(tx.error);
});

/** Opens the database; throws a `StorageProblem` when the browser gives no storage. */
export async function openStore() {
  if (!('indexedDB' in globalThis)) throw new StorageProblem('denied', 'no IndexedDB');
  let db;
  try {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => {
      const d = request.result;
      d.createObjectStore('journals', { keyPath: 'key' });
      d.createObjectStore('lines');
      d.createObjectStore('archive', { autoIncrement: true });
    };
    db = await done(request);
  } catch (error) {
    throw new StorageProblem(kindOf(error), error);
  }
  // Ask the browser not to evict the journal under storage pressure (it may say no).
  navigator.storage?.persist?.().catch(() => {});
  return new Store(db);
}

const range = (key) => IDBKeyRange.bound([key, 0], [key, Number.MAX_SAFE_INTEGER]);

class Store {
  constructor(db) {
    this.db = db;
  }

  /** The journal kept under `key`: `{text, head}` (`head` as stored with the last write), or
   * null when none is kept. */
  async read(key) {
    const tx = this.db.transaction(['journals', 'lines'], 'readonly');
    const [journal, lines] = await Promise.all([
      done(tx.objectStore('journals').get(key)), done(tx.objectStore('lines').getAll(range(key)))]);
    if (!journal) return null;
    return { text: journal.base + lines.map((line) => `${line}\n`).join(''), head: journal.head, appended: lines.length };
  }

  /** Keeps `text` (ending at `head`) as the journal of `key`; a journal kept before is archived
   * with `why`, never dropped. */
  async replace(key, text, head, why = 'replaced') {
    try {
      const tx = this.db.transaction(['journals', 'lines', 'archive'], 'readwrite');
      const end = committed(tx);
      const journals = tx.objectStore('journals');
      const lines = tx.objectStore('lines');
      const old = await done(journals.get(key));
      if (old) {
        const appended = await done(lines.getAll(range(key)));
        const oldText = old.base + appended.map((line) => `${line}\n`).join('');
        if (oldText !== text) tx.objectStore('archive').add({ key, text: oldText, head: old.head, at: new Date().toISOString(), why });
        lines.delete(range(key));
      }
      journals.put({ key, base: text, head, savedAt: new Date().toISOString() });
      await end;
    } catch (error) {
      throw error instanceof StorageProblem ? error : new StorageProblem(kindOf(error), error);
    }
  }

  /** Appends journal lines `[{seq, line}]` after `from` (the head the caller's journal had before
   * them) and stores `head`, in one transaction. When the stored head is not `from`, another tab
   * wrote first: nothing is written and a `fork` problem is thrown. */
  async append(key, records, from, head) {
    try {
      const tx = this.db.transaction(['journals', 'lines'], 'readwrite');
      const end = committed(tx);
      const journals = tx.objectStore('journals');
      const journal = await done(journals.get(key));
      if (!journal || journal.head.hash !== from.hash) {
        tx.abort();
        await end.catch(() => {});
        throw new StorageProblem('fork', `the stored journal ends at ${journal?.head.seq}, this page's at ${from.seq}`);
      }
      for (const { seq, line } of records) tx.objectStore('lines').put(line, [key, seq]);
      journals.put({ ...journal, head, savedAt: new Date().toISOString() });
      await end;
    } catch (error) {
      throw error instanceof StorageProblem ? error : new StorageProblem(kindOf(error), error);
    }
  }

  /** Folds the appended lines into the base once there are many (on open). */
  async compact(key) {
    const kept = await this.read(key);
    if (kept && kept.appended > COMPACT_AFTER) await this.replace(key, kept.text, kept.head, 'compacted');
  }

  /** How many journals the archive holds for `key` (kept, never deleted). */
  async archived(key) {
    const all = await done(this.db.transaction('archive').objectStore('archive').getAll());
    return all.filter((entry) => entry.key === key).length;
  }
}
