/**
 * 信用码公示牌 (issue 20): the merchant's printable A4 poster — the district's layout: title, the firm's name, the grade
 * badge in its colour, a large QR code of the scan address (with the proof of the poster's version), the way to use it,
 * the code, 「广州市越秀区市场监督管理局 监制」 and the date. Each print is a new version: the old poster's code stops
 * proving a visit (the rating checks `scanProof(code, posterVersion)`).
 *
 * pdf-lib, fontkit and the fonts (Noto Serif SC cut to the poster's characters, as the certificates are: see
 * certificates/pdf.ts) load on first use, and only in the poster's own function (`creditPoster`, the fonts layer):
 * the `credit` function serves the profiles and ratings without them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GRADE_BADGES, businessDate, type PosterView } from '@yx/shared';
import { now } from '../lib/clock';
import { env } from '../lib/env';
import { ruleViolation } from '../lib/errors';
import type { UserRecord } from '../lib/entities/identity';
import { log } from '../lib/log';
import { objectStore } from '../lib/storage';
import { ownFirm } from './firm';
import { scanProof } from './ratings';
import * as repo from './repository';
import { loadPdfLibs } from '../lib/pdfLibs';

/** The address the merchant's QR code opens (the web server sends it on to the public merchant page), with the poster's proof of a scan. */
export const scanUrlOf = (code: string, posterVersion = 1) => `${env.appOrigin}/c/${code}?s=${scanProof(code, posterVersion)}`;

/** How long the link to the PDF works: the page downloads it at once, to print or share. */
const POSTER_LINK_SECONDS = 600;
/** Where a version of the firm's poster is kept. */
export const posterKey = (code: string, version: number) => `posters/${code}/v${version}.pdf`;

export const POSTER_TEXT = {
  title: '越秀区商户信用码',
  howTo: '微信扫一扫 · 查看信用档案 · 评价商户',
  issuer: '广州市越秀区市场监督管理局 监制',
  codeLabel: '统一社会信用代码',
} as const;

type PDFDocument = import('pdf-lib').PDFDocument;
type PDFFont = import('pdf-lib').PDFFont;
type PDFPage = import('pdf-lib').PDFPage;

const load = loadPdfLibs;

/** The two TrueType files: the fonts layer's folder when deployed (FONTS_DIR), else the npm package (as certificates/pdf.ts). */
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function fontFiles() {
  if (!fonts) {
    const dir = process.env.FONTS_DIR || path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-serif-sc');
    const file = (weight: string, name: string) => {
      const flat = path.join(dir, name);
      return fs.readFileSync(fs.existsSync(flat) ? flat : path.join(dir, weight, name));
    };
    fonts = { regular: file('400Regular', 'NotoSerifSC_400Regular.ttf'), bold: file('700Bold', 'NotoSerifSC_700Bold.ttf') };
  }
  return fonts;
}

const cutFont = (font: Buffer, text: string) =>
  load().subset(font, [...new Set(`${text} 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ`)].join(''), {
    targetFormat: 'truetype',
    preserveNameIds: [0, 1, 2, 3, 4, 5, 6],
  });

let warming: Promise<void> | undefined;
/** Loads the libraries and fonts and compiles harfbuzz once, in the background (a cold container); errors surface on the real call. */
export function warmUp(): Promise<void> {
  warming ??= (async () => {
    load();
    await cutFont(fontFiles().regular, POSTER_TEXT.title);
  })().catch(() => undefined);
  return warming;
}

/** What the poster says. */
export interface PosterContent {
  firmName: string;
  creditCode: string;
  grade: keyof typeof GRADE_BADGES;
  scanUrl: string;
  version: number;
  /** the date line, e.g. 2026年12月1日 */
  date: string;
}

const A4 = { width: 595.28, height: 841.89 };
const cnDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const noteOf = (c: PosterContent) => `第 ${c.version} 版 · 信用等级以扫码查询的实时结果为准 · 重新打印后旧版信用码不能再用于评价`;

function hexColour(hex: string) {
  const n = parseInt(hex.replace('#', ''), 16);
  return load().pdf.rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

/** A rounded rectangle as an SVG path (pdf-lib draws it with its top-left corner at the given point). */
const roundedRect = (w: number, h: number, r: number) =>
  `M${r} 0H${w - r}Q${w} 0 ${w} ${r}V${h - r}Q${w} ${h} ${w - r} ${h}H${r}Q0 ${h} 0 ${h - r}V${r}Q0 0 ${r} 0Z`;

/**
 * The QR code's dark modules as one path on white (the code's quiet zone included): each row's runs of dark modules one
 * rectangle, a hair taller than a module so no viewer draws seams between rows.
 */
function drawQr(page: PDFPage, url: string, x: number, y: number, side: number) {
  const { rgb } = load().pdf;
  const { data, size } = load().qr.encode(url, { ecc: 'Q', border: 3 });
  const m = side / size;
  const h = (m + 0.05).toFixed(3);
  let d = '';
  data.forEach((row, j) => {
    for (let i = 0; i < size; i++) {
      if (!row[i]) continue;
      let end = i;
      while (end + 1 < size && row[end + 1]) end++;
      const w = ((end - i + 1) * m).toFixed(3);
      d += `M${(i * m).toFixed(3)} ${(j * m).toFixed(3)}h${w}v${h}h-${w}z`;
      i = end;
    }
  });
  page.drawRectangle({ x, y, width: side, height: side, color: rgb(1, 1, 1) });
  page.drawSvgPath(d, { x, y: y + side, color: rgb(0, 0, 0) });
}

/** The firm's name on one line if it fits at 26 pt down to 20 pt, else on two at 20 pt (a Chinese name breaks anywhere). */
function nameLines(name: string, font: PDFFont, width: number): { lines: string[]; size: number } {
  for (let size = 26; size >= 20; size -= 2) if (font.widthOfTextAtSize(name, size) <= width) return { lines: [name], size };
  const chars = [...name];
  let cut = chars.length;
  while (cut > 1 && font.widthOfTextAtSize(chars.slice(0, cut).join(''), 20) > width) cut--;
  const rest = chars.slice(cut).join('');
  const size = Math.min(20, (20 * width) / Math.max(font.widthOfTextAtSize(rest, 20), 1));
  return { lines: [chars.slice(0, cut).join(''), rest], size };
}

/** Characters of the firm's name the font cannot draw (a 生僻字): the poster is refused rather than print a blank box. */
function missing(text: string, font: PDFFont): string[] {
  const have = new Set(font.getCharacterSet());
  return [...new Set(text)].filter((ch) => !/\s/.test(ch) && !have.has(ch.codePointAt(0)!));
}

/** The poster as a one-page A4 PDF. */
export async function renderPoster(c: PosterContent): Promise<Buffer> {
  const { pdf, fontkit } = load();
  const { rgb } = pdf;
  const badge = GRADE_BADGES[c.grade];
  const code = `${POSTER_TEXT.codeLabel}：${c.creditCode}`;
  const regularText = [c.firmName, POSTER_TEXT.howTo, code, POSTER_TEXT.issuer, c.date, noteOf(c)].join('');
  const boldText = [POSTER_TEXT.title, badge.name, '信用等级'].join('');
  const [regular, bold] = await Promise.all([cutFont(fontFiles().regular, regularText), cutFont(fontFiles().bold, boldText)]);
  const doc: PDFDocument = await pdf.PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit as Parameters<PDFDocument['registerFontkit']>[0]);
  const at = now();
  doc.setTitle(`${POSTER_TEXT.title} · ${c.firmName}`);
  doc.setAuthor('广州市越秀区市场监督管理局');
  doc.setSubject(`${c.creditCode} 第 ${c.version} 版`);
  doc.setProducer('越秀政务');
  doc.setCreator('越秀政务');
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  const f = await doc.embedFont(regular, { subset: true });
  const fb = await doc.embedFont(bold, { subset: true });
  const lost = missing(c.firmName, f);
  if (lost.length) throw ruleViolation(`企业名称中的「${lost.join('')}」字暂时无法打印，请联系区市场监管局（电话 12345）协助制作信用码公示牌`);

  const page = doc.addPage([A4.width, A4.height]);
  const ink = rgb(0.1, 0.1, 0.1);
  const grey = rgb(0.35, 0.35, 0.35);
  const colour = hexColour(badge.colour);
  const centre = (s: string, y: number, size: number, font: PDFFont, color = ink) =>
    page.drawText(s, { x: (A4.width - font.widthOfTextAtSize(s, size)) / 2, y, size, font, color });

  // a frame in the grade's colour, and a band under the title
  page.drawRectangle({ x: 24, y: 24, width: A4.width - 48, height: A4.height - 48, borderColor: colour, borderWidth: 3 });
  page.drawRectangle({ x: 24, y: A4.height - 124, width: A4.width - 48, height: 100, color: colour });
  centre(POSTER_TEXT.title, A4.height - 90, 40, fb, rgb(1, 1, 1));

  const named = nameLines(c.firmName, f, A4.width - 120);
  let y = named.lines.length > 1 ? 688 : 674;
  for (const line of named.lines) {
    centre(line, y, named.size, f);
    y -= named.size + 6;
  }

  // the grade badge: a rounded pill in the grade's colour, its name in white
  const label = `信用等级　${badge.name}`;
  const bw = fb.widthOfTextAtSize(label, 22) + 48;
  const bh = 46;
  const by = 586;
  page.drawSvgPath(roundedRect(bw, bh, bh / 2), { x: (A4.width - bw) / 2, y: by + bh, color: colour });
  centre(label, by + 15, 22, fb, rgb(1, 1, 1));

  const side = 300;
  drawQr(page, c.scanUrl, (A4.width - side) / 2, 260, side);
  centre(POSTER_TEXT.howTo, 222, 20, f);
  centre(code, 190, 15, f);
  centre(noteOf(c), 160, 9.5, f, grey);

  centre(POSTER_TEXT.issuer, 88, 15, f);
  centre(c.date, 62, 13, f, grey);
  return Buffer.from(await doc.save());
}

/**
 * 打印信用码公示牌: the firm's poster as a new version — drawn with the next version's scan address, stored, then the
 * version raised (so the old poster's code stops proving visits only once the new one exists) — and a short-lived link
 * to it. The firm's legal representative or an agent whose grant is in force. Store calls: 1 BatchGet (the firm) + (an
 * agent: 1 GetItem, the grant) + 1 UpdateItem (the version); the PDF is put to the object store.
 */
export async function makePoster(user: UserRecord): Promise<PosterView> {
  const firm = await ownFirm(user);
  const version = (firm.firm.posterVersion ?? 1) + 1;
  const scanUrl = scanUrlOf(firm.creditCode, version);
  const bytes = await renderPoster({
    firmName: firm.firm.name,
    creditCode: firm.creditCode,
    grade: firm.firm.grade,
    scanUrl,
    version,
    date: cnDate(businessDate(now())),
  });
  const key = posterKey(firm.creditCode, version);
  await objectStore().put(key, bytes, 'application/pdf');
  await repo.setPosterVersion(firm.creditCode, version);
  log.info('credit poster printed', { creditCode: firm.creditCode, version, bytes: bytes.length });
  return { url: await objectStore().presignGet(key, POSTER_LINK_SECONDS), version, scanUrl };
}
