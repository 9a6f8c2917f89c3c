import { describe, expect, it } from 'vitest';
import { extractCodes, normaliseCode, queryTerms, segment } from './search.segmenter';
import { highlight, snippetOf } from './search.snippets';
import { vectorFromTerms } from './search.vectors';

describe('segmentation', () => {
  it('keeps domain words whole and also yields their sub-words (search mode)', () => {
    const terms = segment('连续玄武岩纤维拉丝工艺');
    expect(terms).toEqual(expect.arrayContaining(['连续玄武岩纤维', '玄武岩纤维', '玄武岩', '纤维']));
  });

  it('drops fillers and question words from a sentence but keeps its content', () => {
    const terms = queryTerms('我们需要一种提高玄武岩纤维强度的工艺，有没有相关成果？').map((term) => term.term);
    expect(terms).toEqual(expect.arrayContaining(['玄武岩纤维', '强度', '工艺']));
    for (const filler of ['我们', '需要', '一种', '的', '有没有', '？']) expect(terms).not.toContain(filler);
  });

  it('weighs a telling word above a common one', () => {
    const [common, telling] = ['研究', '胆固醇'].map((word) => queryTerms(word)[0]!.weight);
    expect(telling).toBeGreaterThan(common!);
  });

  it('normalises patent numbers however they are written, and keeps credit codes whole', () => {
    for (const written of ['CN202110123456.X', 'ZL 2021 1 0123456.X', 'zl202110123456x', '202110123456.X'])
      expect(extractCodes(`专利 ${written} 已授权`).codes, written).toEqual(['202110123456X']);
    expect(normaliseCode('cn 112345678 a')).toBe('CN112345678A');
    expect(extractCodes('代码 91511700MA6234567X 。').codes).toEqual(['91511700MA6234567X']);
  });
});

describe('vectors, snippets and marks', () => {
  it('writes positions with the weight of the field each term came from', () => {
    const { vector, length } = vectorFromTerms([
      { terms: ['纤维'], weight: 'A' },
      { terms: ['纤维', "o'k"], weight: 'C' },
    ]);
    expect(vector).toBe("'纤维':1A,3C 'o''k':4C");
    expect(length).toBe(3);
  });

  it('escapes HTML and marks the longest term first, never nested', () => {
    expect(highlight('<b>玄武岩纤维</b>', ['玄武岩', '玄武岩纤维'])).toBe('&#60;b&#62;<mark>玄武岩纤维</mark>&#60;/b&#62;');
  });

  it('cuts the snippet around the window holding the most matched weight', () => {
    const body = `${'无关内容。'.repeat(40)}本成果提高了玄武岩纤维的强度。${'其他内容。'.repeat(40)}`;
    const { snippet, highlighted } = snippetOf(body, [
      { term: '玄武岩纤维', weight: 10 },
      { term: '强度', weight: 7 },
    ]);
    expect(snippet.startsWith('…')).toBe(true);
    expect(highlighted).toContain('<mark>玄武岩纤维</mark>');
    expect(highlighted).toContain('<mark>强度</mark>');
  });
});
