import { describe, expect, it } from 'vitest';
import { decodeEntities, highlightedParts } from './Highlighted';

describe('highlighted snippets', () => {
  it('splits a snippet into plain and marked parts', () => {
    expect(highlightedParts('提高<mark>玄武岩纤维</mark>强度')).toEqual([
      { text: '提高', marked: false },
      { text: '玄武岩纤维', marked: true },
      { text: '强度', marked: false },
    ]);
  });

  it('keeps escaped markup as text rather than markup', () => {
    expect(highlightedParts('&#60;script&#62;alert(1)&#60;/script&#62; <mark>a&amp;b</mark>')).toEqual([
      { text: '<script>alert(1)</script> ', marked: false },
      { text: 'a&b', marked: true },
    ]);
  });

  it('decodes numeric and named entities only', () => {
    expect(decodeEntities('&#39;&quot;&unknown;')).toBe('\'"&unknown;');
  });
});
