/**
 * The PDF of a certificate or notice (issue 15; docs/CERTIFICATES.md): A4, the text in Noto Serif SC cut to the
 * document's own characters (harfbuzz via `subset-font`, then pdf-lib's TrueType subsetter), the department's seal
 * drawn as vectors, a QR code to the public verification page, and an empty signature dictionary that `seal.ts` fills.
 * pdf-lib, fontkit and the fonts load only here, and only in the issuing function (the architecture test checks it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { BYTE_RANGE_PLACEHOLDER, CONTENTS_HEX_LENGTH } from './seal';
import { loadPdfLibs } from '../lib/pdfLibs';

/** What a document says; `paragraphs` are wrapped to the page, `facts` printed as label：value lines. */
export interface DocumentContent {
  title: string;
  /** a notice's addressee, flush left */
  salutation?: string;
  paragraphs: string[];
  facts?: { label: string; value: string }[];
  issuer: string;
  /** the date line above the seal, e.g. 2026年11月30日 */
  issuedOn: string;
  serial: string;
  checkCode: string;
  validUntil?: string;
  verifyUrl: string;
  /** the key that will seal it: written into the signed dictionary */
  keyId: string;
  /** the signing instant (the Sig dictionary's /M and the document's dates) */
  at: Date;
}

type PDFFont = import('pdf-lib').PDFFont;
type PDFPage = import('pdf-lib').PDFPage;
type PDFDocument = import('pdf-lib').PDFDocument;

const load = loadPdfLibs;

/** Where the two TrueType files are: a Lambda layer's folder when deployed (FONTS_DIR), else the npm package. */
export function fontsDir(): string {
  if (process.env.FONTS_DIR) return process.env.FONTS_DIR;
  return path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-serif-sc');
}
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function fontFiles() {
  if (!fonts) {
    const dir = fontsDir();
    const file = (weight: string, name: string) => {
      const flat = path.join(dir, name);
      return fs.readFileSync(fs.existsSync(flat) ? flat : path.join(dir, weight, name));
    };
    fonts = { regular: file('400Regular', 'NotoSerifSC_400Regular.ttf'), bold: file('700Bold', 'NotoSerifSC_700Bold.ttf') };
  }
  return fonts;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 72;
const BODY_SIZE = 13;
const LEADING = 24;
const INDENT = '\u3000\u3000'; // two ideographic spaces: a Chinese paragraph's first-line indent

const NO_LINE_START = new Set('，。、；：？！）》」』”’…·%');

/** Lines of `text` no wider than `width`, broken between any two characters (Chinese has no spaces to break at). */
export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    // 避头: closing punctuation hangs at the end of the line rather than start the next one
    if (line && measure(line + ch) > width && !NO_LINE_START.has(ch)) {
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

/** The characters of every string on the page, so the font is cut once and a missing glyph shows before the PDF exists. */
function textOf(c: DocumentContent, sealText: string[]): string {
  const facts = (c.facts ?? []).map((f) => `${f.label}：${f.value}`);
  return [c.title, c.salutation ?? '', ...c.paragraphs, ...facts, c.issuer, c.issuedOn, ...footerLines(c), ...sealText, INDENT, '扫码核验'].join('');
}

const footerLines = (c: DocumentContent) => [
  `证明编号：${c.serial}　核验码：${c.checkCode}`,
  ...(c.validUntil ? [`有效期至：${c.validUntil}`] : []),
  '核验方式：扫描左侧二维码，或在“越秀政务”中输入证明编号和核验码。',
];

async function cutFont(font: Buffer, text: string): Promise<Buffer> {
  // the basic Latin range too: numbers and letters in serials and dates, whatever the document says
  const chars = [...new Set(text + ' 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-:./（）〔〕')].join('');
  return load().subset(font, chars, { targetFormat: 'truetype', preserveNameIds: [0, 1, 2, 3, 4, 5, 6] });
}

function drawSeal(page: PDFPage, font: PDFFont, cx: number, cy: number, r: number, issuer: string) {
  const { rgb, degrees } = load().pdf;
  const red = rgb(0.84, 0.1, 0.12);
  page.drawCircle({ x: cx, y: cy, size: r, borderColor: red, borderWidth: 3.2, opacity: 0, borderOpacity: 0.9 });
  // the five-pointed star in the middle
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 ? r * 0.13 : r * 0.32;
    pts.push(`${(rr * Math.cos(a)).toFixed(2)} ${(-rr * Math.sin(a)).toFixed(2)}`);
  }
  page.drawSvgPath(`M${pts.join('L')}Z`, { x: cx, y: cy, color: red, opacity: 0.9 });
  // the issuer's name along the upper arc, each character upright to the circle
  const chars = [...issuer];
  const span = Math.min(250, chars.length * 22);
  const size = Math.min(r * 0.22, ((r * 0.78 * Math.PI * span) / 180 / chars.length) * 0.95);
  chars.forEach((ch, i) => {
    const a = ((90 + span / 2 - (span * (i + 0.5)) / chars.length) * Math.PI) / 180;
    const rr = r * 0.74;
    const rot = a - Math.PI / 2;
    const w = size / 2;
    const x = cx + rr * Math.cos(a) - w * Math.cos(rot) + w * 0.35 * Math.sin(rot);
    const y = cy + rr * Math.sin(a) - w * Math.sin(rot) - w * 0.35 * Math.cos(rot);
    page.drawText(ch, { x, y, size, font, color: red, rotate: degrees((rot * 180) / Math.PI), opacity: 0.9 });
  });
  const under = '电子印章';
  const s2 = r * 0.16;
  page.drawText(under, { x: cx - font.widthOfTextAtSize(under, s2) / 2, y: cy - r * 0.58, size: s2, font, color: red, opacity: 0.9 });
}

function drawQr(page: PDFPage, url: string, x: number, y: number, side: number) {
  const { rgb } = load().pdf;
  const { data, size } = load().qr.encode(url, { ecc: 'M', border: 2 });
  const m = side / size;
  let d = '';
  data.forEach((row, j) =>
    row.forEach((dark, i) => {
      if (dark) d += `M${(i * m).toFixed(3)} ${(j * m).toFixed(3)}h${m.toFixed(3)}v${m.toFixed(3)}h${(-m).toFixed(3)}z`;
    }),
  );
  page.drawRectangle({ x, y, width: side, height: side, color: rgb(1, 1, 1) });
  page.drawSvgPath(d, { x, y: y + side, color: rgb(0, 0, 0) });
}

/** The signature field: a /Sig dictionary with the ByteRange placeholder and empty /Contents that `sealPdf` fills in. */
function addSignatureField(doc: PDFDocument, page: PDFPage, c: DocumentContent) {
  const { PDFName, PDFString, PDFHexString, PDFNumber, PDFArray } = load().pdf;
  const ctx = doc.context;
  const range = PDFArray.withContext(ctx);
  for (const n of [0, 9999999999, 9999999999, 9999999999]) range.push(PDFNumber.of(n));
  const sig = ctx.obj({
    Type: 'Sig',
    Filter: 'YX.GMSeal',
    SubFilter: 'YX.sm2sm3.detached',
    ByteRange: range,
    Contents: PDFHexString.of('0'.repeat(CONTENTS_HEX_LENGTH)),
    Name: PDFHexString.fromText(c.issuer),
    M: PDFString.fromDate(c.at),
  });
  sig.set(PDFName.of('YX.KeyId'), PDFString.of(c.keyId));
  sig.set(PDFName.of('YX.Serial'), PDFString.of(c.serial));
  const sigRef = ctx.register(sig);
  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    V: sigRef,
    T: PDFHexString.fromText('电子印章'),
    F: 132,
    P: page.ref,
  });
  const widgetRef = ctx.register(widget);
  page.node.set(PDFName.of('Annots'), ctx.obj([widgetRef]));
  doc.catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: [widgetRef], SigFlags: 3 }));
}

let warming: Promise<void> | undefined;
/** Loads the libraries and fonts and compiles harfbuzz once, in the background; errors surface on the real call. */
export function warmUp(): Promise<void> {
  warming ??= (async () => {
    load();
    fontFiles();
    await cutFont(fontFiles().regular, '证明');
  })().catch(() => undefined);
  return warming;
}

/** Characters the font cannot draw (生僻字 in a name): the caller refuses to issue rather than print a blank box. */
export async function missingGlyphs(text: string): Promise<string[]> {
  const { pdf, fontkit } = load();
  const doc = await pdf.PDFDocument.create();
  doc.registerFontkit(fontkit as Parameters<PDFDocument['registerFontkit']>[0]);
  const font = await doc.embedFont(await cutFont(fontFiles().regular, text), { subset: true });
  const set = new Set(font.getCharacterSet());
  return [...new Set(text)].filter((ch) => !/\s/.test(ch) && !set.has(ch.codePointAt(0)!));
}

/** The document as an unsealed PDF (seal it with `sealPdf`). */
export async function renderDocument(c: DocumentContent): Promise<Buffer> {
  const { pdf, fontkit } = load();
  const { rgb } = pdf;
  const sealText = [...c.issuer, '电子印章'];
  const text = textOf(c, sealText);
  const [regular, bold] = await Promise.all([cutFont(fontFiles().regular, text), cutFont(fontFiles().bold, c.title)]);
  const doc = await pdf.PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit as Parameters<PDFDocument['registerFontkit']>[0]);
  doc.setTitle(c.title);
  doc.setAuthor(c.issuer);
  doc.setSubject(`证明编号 ${c.serial}`);
  doc.setProducer('越秀政务');
  doc.setCreator('越秀政务');
  doc.setCreationDate(c.at);
  doc.setModificationDate(c.at);
  const f = await doc.embedFont(regular, { subset: true });
  const fb = await doc.embedFont(bold, { subset: true });
  let page = doc.addPage([A4.width, A4.height]);
  const width = A4.width - 2 * MARGIN;
  const ink = rgb(0.1, 0.1, 0.1);
  page.drawText(c.title, { x: (A4.width - fb.widthOfTextAtSize(c.title, 26)) / 2, y: 730, size: 26, font: fb, color: ink });
  let y = 670;
  // a long notice (a 补正 list) goes on to another page; the seal, QR and footer close the last one
  const writeLine = (words: string) => {
    if (y < 300) {
      page = doc.addPage([A4.width, A4.height]);
      y = 760;
    }
    page.drawText(words, { x: MARGIN, y, size: BODY_SIZE, font: f, color: ink });
    y -= LEADING;
  };
  const measure = (s: string) => f.widthOfTextAtSize(s, BODY_SIZE);
  if (c.salutation) writeLine(c.salutation);
  for (const para of c.paragraphs) wrapText(INDENT + para, width, measure).forEach(writeLine);
  if (c.facts?.length) {
    y -= 6;
    for (const fact of c.facts) wrapText(`${fact.label}：${fact.value}`, width, measure).forEach(writeLine);
  }
  // issuer and date, right-aligned, under the seal
  const right = (s: string, yy: number) =>
    page.drawText(s, { x: A4.width - MARGIN - f.widthOfTextAtSize(s, BODY_SIZE), y: yy, size: BODY_SIZE, font: f, color: ink });
  right(c.issuer, 250);
  right(c.issuedOn, 226);
  drawSeal(page, f, A4.width - MARGIN - 70, 246, 62, c.issuer);
  drawQr(page, c.verifyUrl, MARGIN, 112, 92);
  page.drawText('扫码核验', { x: MARGIN + 22, y: 98, size: 10, font: f, color: ink });
  let fy = 150;
  for (const footer of footerLines(c)) {
    page.drawText(footer, { x: MARGIN + 110, y: fy, size: 10, font: f, color: rgb(0.25, 0.25, 0.25) });
    fy -= 18;
  }
  addSignatureField(doc, page, c);
  const bytes = Buffer.from(await doc.save({ useObjectStreams: false }));
  if (!bytes.includes(Buffer.from(BYTE_RANGE_PLACEHOLDER, 'latin1'))) throw new Error('pdf-lib wrote the ByteRange differently');
  return bytes;
}
