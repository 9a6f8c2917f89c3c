import { describe, expect, it } from 'vitest';
import { snippetParts } from './highlight';

describe('snippetParts', () => {
  it('splits a snippet into marked and plain runs', () => {
    expect(snippetParts('提高<mark>玄武岩纤维</mark>强度')).toEqual([
      { text: '提高', marked: false },
      { text: '玄武岩纤维', marked: true },
      { text: '强度', marked: false },
    ]);
  });

  it('merges nested and adjacent marks into one run', () => {
    expect(snippetParts('<mark><mark>玄武</mark>岩</mark><mark>纤维</mark>。')).toEqual([
      { text: '玄武岩纤维', marked: true },
      { text: '。', marked: false },
    ]);
  });

  it('decodes escaped characters to text and never turns them into markup', () => {
    expect(snippetParts('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>A&#38;B</mark>')).toEqual([
      { text: "<script>alert('x')</script> & ", marked: false },
      { text: 'A&B', marked: true },
    ]);
  });

  it('shows a tag other than mark as typed text', () => {
    expect(snippetParts('<b>粗体</b>')).toEqual([{ text: '<b>粗体</b>', marked: false }]);
  });
});
