/**
 * 政务公开 full-text search, the pure part: Chinese has no spaces between words, so a text is indexed by its character
 * bigrams (两字组: 「义务教育」 → 义务, 务教, 教育) and a query matches the documents holding every bigram of it. Punctuation
 * and spaces split a text into runs and are never part of a bigram; full-width letters and digits count as their
 * half-width forms, capitals as small letters, so 「ＰＤＦ」 finds 「pdf」.
 *
 * Positions are in code points of the original text (Array.from), so a highlight can cut the text it was given.
 */

/** A query is matched on at most this many bigrams (every character of the first 16 or so is still covered). */
export const MAX_QUERY_TERMS = 8;
/** Characters kept before and after the first occurrence of a bigram: the snippet a search hit shows. */
export const CONTEXT_BEFORE = 12;
export const CONTEXT_AFTER = 28;

/** Letters and digits of the scripts a notice is written in (no regular expression: the mini-program's engines differ). */
function isWord(cp: number): boolean {
  return (
    (cp >= 0x30 && cp <= 0x39) || // 0–9
    (cp >= 0x61 && cp <= 0x7a) || // a–z (folded from A–Z)
    (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) || // Latin letters with marks
    (cp >= 0x370 && cp <= 0x52f) || // Greek, Cyrillic
    cp === 0x3007 || // 〇 (二〇二六年)
    (cp >= 0x3040 && cp <= 0x30ff) || // kana
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
    (cp >= 0xac00 && cp <= 0xd7af) || // Hangul
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0x20000 && cp <= 0x3134f) // CJK extensions B–G
  );
}

/** One character as the index sees it: full-width forms as half-width (ＰＤＦ → pdf), lower case; a letter or digit, else null. */
function fold(c: string): string | null {
  let cp = c.codePointAt(0) ?? 0;
  if (cp >= 0xff01 && cp <= 0xff5e) cp -= 0xfee0; // full-width ASCII
  if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0xc0 && cp <= 0xde && cp !== 0xd7)) cp += 0x20; // A–Z, À–Þ
  return isWord(cp) ? String.fromCodePoint(cp) : null;
}

/** The text as folded characters, null where a character only separates (punctuation, spaces, symbols). */
function folded(text: string): { chars: string[]; keys: (string | null)[] } {
  const chars = Array.from(text);
  return { chars, keys: chars.map(fold) };
}

/** Each bigram of the text with the position (code point) of its first character, in order of appearance. */
function bigramsAt(keys: (string | null)[]): { term: string; at: number }[] {
  const out: { term: string; at: number }[] = [];
  for (let i = 0; i + 1 < keys.length; i++) {
    const a = keys[i];
    const b = keys[i + 1];
    if (a !== null && b !== null) out.push({ term: a + b, at: i });
  }
  return out;
}

/** The distinct bigrams of a text, in order of first appearance. */
export function bigramsOf(text: string): string[] {
  return [...new Set(bigramsAt(folded(text).keys).map((b) => b.term))];
}

/**
 * What a query is matched on: its distinct bigrams; past MAX_QUERY_TERMS, bigrams that do not overlap but still cover
 * every character of each run (0–1, 2–3, …, and the last pair), then the first MAX_QUERY_TERMS of those. Empty when the
 * query has no two letters or digits side by side (a single character, only punctuation): the caller asks for more.
 */
export function queryTerms(q: string, max = MAX_QUERY_TERMS): string[] {
  const all = bigramsOf(q);
  if (all.length <= max) return all;
  const keys = folded(q).keys;
  const cover: string[] = [];
  let run: string[] = [];
  const flush = () => {
    for (let i = 0; i + 1 < run.length; i += 2) cover.push(run[i] + run[i + 1]);
    if (run.length > 1 && run.length % 2 === 1) cover.push(run[run.length - 2] + run[run.length - 1]);
    run = [];
  };
  for (const k of keys) {
    if (k === null) flush();
    else run.push(k);
  }
  flush();
  return [...new Set(cover)].slice(0, max);
}

/** A piece of text, and whether it is part of a match (shown bold). */
export interface HighlightPart {
  text: string;
  hit: boolean;
}

/** The text cut into parts: every character inside an occurrence of one of the terms (bigrams, folded) is a hit. */
export function highlight(text: string, terms: readonly string[]): HighlightPart[] {
  const { chars, keys } = folded(text);
  const wanted = new Set(terms);
  const hit = chars.map(() => false);
  for (const { term, at } of bigramsAt(keys)) {
    if (wanted.has(term)) {
      hit[at] = true;
      hit[at + 1] = true;
    }
  }
  const parts: HighlightPart[] = [];
  chars.forEach((c, i) => {
    const last = parts[parts.length - 1];
    if (last && last.hit === hit[i]) last.text += c;
    else parts.push({ text: c, hit: hit[i] });
  });
  return parts;
}

/** Up to `before` characters before position `at` and `after` from it, with … where the text was cut; line breaks as spaces. */
export function contextAround(text: string, at: number, before = CONTEXT_BEFORE, after = CONTEXT_AFTER): string {
  const chars = Array.from(text);
  const from = Math.max(0, at - before);
  const to = Math.min(chars.length, at + after);
  const piece = chars.slice(from, to).join('').replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${piece}${to < chars.length ? '…' : ''}`;
}

/** One bigram of a document as the index keeps it: where it first shows (a few words around it), and whether the title has it. */
export interface IndexEntry {
  term: string;
  context: string;
  inTitle: boolean;
}

/**
 * The index entries of a document: every distinct bigram of its title, 文号 and text, each with the context of its first
 * occurrence in the text (else in the title or 文号), and whether the title has it. What the index worker writes.
 */
export function indexEntries(doc: { title: string; docNo?: string; content: string }): IndexEntry[] {
  const entries = new Map<string, IndexEntry>();
  const fields: [string, boolean][] = [
    [doc.content, false],
    [doc.title, true],
    [doc.docNo ?? '', false],
  ];
  for (const [text, isTitle] of fields) {
    for (const { term, at } of bigramsAt(folded(text).keys)) {
      const known = entries.get(term);
      if (known) {
        if (isTitle) known.inTitle = true;
        continue;
      }
      entries.set(term, { term, context: contextAround(text, at), inTitle: isTitle });
    }
  }
  return [...entries.values()];
}
