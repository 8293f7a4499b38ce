// The text of each page of a PDF that Chromium (Skia) wrote, for the print tests to read: page
// numbers, what sits alone on a page, a table header repeated. Not a general PDF reader: it knows
// the shapes Skia writes (objects not in object streams, Flate-compressed content streams, Type0
// fonts with a ToUnicode CMap, text shown with hex strings in Tj and TJ), and fails loudly on
// anything else rather than guess.
import { inflateSync } from 'node:zlib';

/** Every `n 0 obj … endobj`: its dictionary text and its stream bytes (inflated), by number. */
function objects(pdf) {
  const text = pdf.toString('latin1');
  const found = new Map();
  const header = /(\d+) 0 obj\s*/g;
  let match;
  while ((match = header.exec(text)) !== null) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const at = body.indexOf('stream');
    let dict = body;
    let stream = null;
    if (at >= 0 && /^\s*<</.test(body)) {
      dict = body.slice(0, at);
      let from = start + at + 'stream'.length;
      if (text[from] === '\r') from += 1;
      if (text[from] === '\n') from += 1;
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const raw = Number.isFinite(length)
        ? pdf.subarray(from, from + length)
        : pdf.subarray(from, text.indexOf('endstream', from));
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    }
    found.set(Number(match[1]), { dict, stream });
    header.lastIndex = end;
  }
  return found;
}

/** A ToUnicode CMap as a map from glyph code (hex) to text. */
function cmap(stream) {
  const text = stream.toString('latin1');
  const map = new Map();
  const utf16 = (hex) => {
    const units = [];
    for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const [, block] of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, uni] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set(code.toUpperCase(), utf16(uni));
    }
  }
  for (const [, block] of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const first = parseInt(lo, 16);
      const last = parseInt(hi, 16);
      const width = lo.length;
      const targets = rest.startsWith('[') ? [...rest.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => m[1]) : null;
      const base = targets ? 0 : parseInt(rest.slice(1, -1), 16);
      for (let code = first; code <= last; code += 1) {
        const key = code.toString(16).toUpperCase().padStart(width, '0');
        map.set(key, targets ? utf16(targets[code - first]) : String.fromCharCode(base + code - first));
      }
    }
  }
  return map;
}

const ref = (dict, key) => Number(new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict)?.[1]);

/** The fonts of a page's resources: name → ToUnicode map. */
function fonts(all, page) {
  let resources = page.dict;
  const resourcesRef = ref(page.dict, 'Resources');
  if (Number.isFinite(resourcesRef)) resources = all.get(resourcesRef).dict;
  let fontDict = /\/Font\s*(<<[\s\S]*?>>)/.exec(resources)?.[1];
  const fontRef = ref(resources, 'Font');
  if (!fontDict && Number.isFinite(fontRef)) fontDict = all.get(fontRef).dict;
  const found = new Map();
  for (const [, name, number] of (fontDict ?? '').matchAll(/\/([A-Za-z0-9]+)\s+(\d+) 0 R/g)) {
    const font = all.get(Number(number));
    const toUnicode = font && ref(font.dict, 'ToUnicode');
    if (Number.isFinite(toUnicode)) found.set(name, cmap(all.get(toUnicode).stream));
  }
  return found;
}

/** The text a content stream shows, decoded with the page's fonts; runs far apart get a space. */
function show(content, pageFonts) {
  const text = content.toString('latin1');
  let font = null;
  let out = '';
  const decode = (hex) => {
    const map = font && pageFonts.get(font);
    if (!map) throw new Error(`pdf-text: no ToUnicode map for font ${font}`);
    const width = [...map.keys()][0]?.length ?? 4;
    let s = '';
    for (let i = 0; i + width <= hex.length; i += width) s += map.get(hex.slice(i, i + width).toUpperCase()) ?? '';
    return s;
  };
  const ops = /\/([A-Za-z0-9]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[((?:[^\]\\]|\\.)*)\]\s*TJ|\bT\*|\bET\b/g;
  for (const m of text.matchAll(ops)) {
    if (m[1]) font = m[1];
    else if (m[2] !== undefined) out += decode(m[2]);
    else if (m[3] !== undefined) {
      for (const [, hex, gap] of m[3].matchAll(/<([0-9A-Fa-f]*)>|(-?[\d.]+)/g)) {
        if (hex !== undefined) out += decode(hex);
        else if (Number(gap) < -200) out += ' ';
      }
    } else out += '\n';
  }
  return out;
}

/** The text of each page, in order. */
export function pageTexts(pdf) {
  const all = objects(pdf);
  const pages = [...all.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dict));
  if (!pages) throw new Error('pdf-text: no page tree');
  const kids = [...(/\/Kids\s*\[([^\]]*)\]/.exec(pages.dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)]
    .map(([, n]) => all.get(Number(n)));
  return kids.map((page) => {
    const pageFonts = fonts(all, page);
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? `${ref(page.dict, 'Contents')} 0 R`;
    return [...contents.matchAll(/(\d+) 0 R/g)]
      .map(([, n]) => show(all.get(Number(n)).stream, pageFonts))
      .join('\n');
  });
}
