/**
 * 敏感词 (issue 19): a comment or a topic that contains one of these is held for the community's officials (待审核), never
 * rejected: the person keeps their words and sees that they wait; an official releases or removes them. The list is
 * data (a department may extend it), matched after folding full-width forms, case, spaces and the marks people put
 * between characters to slip past a filter (「赌*博」, 「赌 博」).
 */
export const SENSITIVE_WORDS: readonly string[] = [
  // gambling, fraud, illegal trade
  '赌博',
  '博彩',
  '六合彩',
  '网赌',
  '代开发票',
  '办假证',
  '刷单返利',
  '套现',
  '高利贷',
  '裸贷',
  // drugs, weapons
  '毒品',
  '冰毒',
  '大麻',
  '枪支',
  '仿真枪',
  '管制刀具',
  // obscenity
  '色情',
  '裸聊',
  '约炮',
  // abuse and threats
  '去死',
  '弄死你',
  '砍死',
  '傻逼',
  '他妈的',
  // rumours that call for gathering (offline gatherings go through the officials)
  '集体上访',
  '堵路',
];

/** Text as the filter reads it: NFKC (full-width → half-width), lower case, no spaces or separating marks. */
export const foldForFilter = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*.·_\-~、，,。!！?？|/\\]+/g, '');

/** The words of the list the text contains (none: it may be shown at once). */
export function sensitiveHits(text: string, words: readonly string[] = SENSITIVE_WORDS): string[] {
  const folded = foldForFilter(text);
  return words.filter((w) => folded.includes(foldForFilter(w)));
}
