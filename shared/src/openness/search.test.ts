import { bigramsOf, contextAround, highlight, indexEntries, queryTerms, MAX_QUERY_TERMS } from './search';

describe('政务公开 search: character bigrams (Chinese has no word boundaries)', () => {
  it('cuts a text into its distinct bigrams, never across punctuation or spaces', () => {
    expect(bigramsOf('义务教育')).toEqual(['义务', '务教', '教育']);
    expect(bigramsOf('招生，地段 划分')).toEqual(['招生', '地段', '划分']);
    expect(bigramsOf('教育教育')).toEqual(['教育', '育教']);
    expect(bigramsOf('《越秀区》')).toEqual(['越秀', '秀区']);
    expect(bigramsOf('。，、')).toEqual([]);
  });

  it('folds full-width letters and digits and capitals, so ＰＤＦ finds pdf and ２０２６ finds 2026', () => {
    expect(bigramsOf('ＰＤＦ')).toEqual(bigramsOf('pdf'));
    expect(bigramsOf('２０２６年')).toEqual(['20', '02', '26', '6年']);
    expect(bigramsOf('Yuexiu')).toEqual(['yu', 'ue', 'ex', 'xi', 'iu']);
  });

  it('matches a query on its bigrams; a single character or punctuation alone gives none', () => {
    expect(queryTerms('招生地段')).toEqual(['招生', '生地', '地段']);
    expect(queryTerms('  食品，安全 ')).toEqual(['食品', '安全']);
    expect(queryTerms('区')).toEqual([]);
    expect(queryTerms('？！')).toEqual([]);
    expect(queryTerms('区 教')).toEqual([]);
  });

  it('covers a long query with non-overlapping bigrams, at most MAX_QUERY_TERMS', () => {
    const q = '越秀区义务教育阶段学校招生地段划分'; // 17 characters, 16 bigrams
    const terms = queryTerms(q);
    expect(terms.length).toBeLessThanOrEqual(MAX_QUERY_TERMS);
    expect(terms.slice(0, 4)).toEqual(['越秀', '区义', '务教', '育阶']);
    // a run of odd length ends with its last pair, so its last character is covered
    expect(queryTerms('一二三四五六七八九十甲乙丙丁戊己庚', 20)).toEqual(bigramsOf('一二三四五六七八九十甲乙丙丁戊己庚'));
    expect(queryTerms('一二三四五六七八九十甲乙丙丁戊己庚', 9)).toEqual(['一二', '三四', '五六', '七八', '九十', '甲乙', '丙丁', '戊己', '己庚']);
  });

  it('highlights every character inside an occurrence of a query bigram, keeping the text as written', () => {
    expect(highlight('2026年越秀区义务教育招生', queryTerms('义务教育'))).toEqual([
      { text: '2026年越秀区', hit: false },
      { text: '义务教育', hit: true },
      { text: '招生', hit: false },
    ]);
    // full-width text highlighted by a half-width query, and two separate words
    expect(highlight('请查看ＰＤＦ附件，教育局', queryTerms('pdf 教育'))).toEqual([
      { text: '请查看', hit: false },
      { text: 'ＰＤＦ', hit: true },
      { text: '附件，', hit: false },
      { text: '教育', hit: true },
      { text: '局', hit: false },
    ]);
    expect(highlight('', ['教育'])).toEqual([]);
  });

  it('keeps a few words around a position as the snippet, with … where cut and line breaks as spaces', () => {
    const text = '一二三四五六七八九十\n甲乙丙丁戊己庚辛壬癸';
    expect(contextAround(text, 11, 2, 4)).toBe('…十 甲乙丙丁…');
    expect(contextAround('短文', 0)).toBe('短文');
  });

  it('indexes title, 文号 and text: each bigram once, its context from the text first, marked when the title has it', () => {
    const entries = indexEntries({ title: '招生地段公告', docNo: '越教〔2026〕12号', content: '本区招生工作按地段划分进行。' });
    const byTerm = new Map(entries.map((e) => [e.term, e]));
    expect(byTerm.get('招生')).toEqual({ term: '招生', context: '本区招生工作按地段划分进行。', inTitle: true });
    expect(byTerm.get('公告')).toMatchObject({ inTitle: true, context: '招生地段公告' });
    expect(byTerm.get('划分')?.inTitle).toBe(false);
    expect(byTerm.get('越教')).toMatchObject({ inTitle: false });
    expect(byTerm.has('12')).toBe(true);
    expect(new Set(entries.map((e) => e.term)).size).toBe(entries.length);
  });
});
