import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/** Words jieba must keep whole in this domain (seeded; staff extend the list in the dictionary table). */
const domainWords = ['玄武岩纤维', '不溶性硫磺', '科技型中小企业', '揭榜挂帅', '技术创新中心', '重点实验室'];

let jieba: Jieba | null = null;

function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(domainWords.map((word) => `${word} 100000 n`).join('\n')));
  }
  return jieba;
}

const stopWords = new Set([
  '的',
  '了',
  '和',
  '与',
  '及',
  '或',
  '在',
  '是',
  '对',
  '为',
  '等',
  '一种',
  '我们',
  '需要',
  '进行',
  '通过',
  '基于',
]);
const isContent = (token: string) => /[\p{L}\p{N}]/u.test(token) && !stopWords.has(token);

/** Content terms of a text in reading order (lower-cased; punctuation and stop words dropped). */
export function segment(text: string): string[] {
  return segmenter()
    .cutForSearch(text, true)
    .map((token) => token.trim().toLowerCase())
    .filter(isContent);
}
