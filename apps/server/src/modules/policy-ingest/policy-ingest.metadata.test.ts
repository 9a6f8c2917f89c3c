import { describe, expect, it } from 'vitest';
import { guessDocumentNo, guessIssuedOn, guessIssuingBody, guessPeriod, guessPlanMetadata, guessTitle } from './policy-ingest.metadata';

const notice = `
# 达州市科学技术局

达市科〔2021〕28号

## 达州市科学技术局 关于印发《2021年达州市科技创新 工作要点》的通知

各县（市、区）教科局：

现将《2021年达州市科技创新工作要点》印发你们，请结合实际，认真抓好落实。
为贯彻《关于印发甘肃省科技创新基地优化整合实施方案的通知》(甘科计〔2018〕3号)精神……
`;

describe('guessing a plan’s particulars', () => {
  it('reads a red-letter notice: body, number, title', () => {
    expect(guessIssuingBody(notice)).toBe('达州市科学技术局');
    expect(guessDocumentNo(notice)).toBe('达市科〔2021〕28号');
    expect(guessTitle(notice)).toBe('2021年达州市科技创新工作要点');
  });

  it('ignores a document number cited in the body', () => {
    expect(guessDocumentNo('定西市人民政府办公室\n为贯彻(甘科计〔2018〕3号)精神，特制定本方案。')).toBeNull();
  });

  it('joins a title broken across lines and reads the date line', () => {
    const head =
      '达州市人民政府办公室\n\n关于印发《达州市科技创新平台体系建设\n实施方案》的通知\n\n达州市人民政府办公室\n\n2021年4月15日\n';
    expect(guessTitle(head)).toBe('达州市科技创新平台体系建设实施方案');
    expect(guessIssuedOn(head)).toBe('2021-04-15');
    expect(guessIssuedOn('发文日期: 2018-10-09\n')).toBe('2018-10-09');
    expect(guessIssuedOn('2021年2月30日\n')).toBeNull();
  });

  it('takes the period from a span in the title, an annual plan’s year, or 到2025年', () => {
    expect(guessPeriod('湖州市高能级科技创新平台建设实施方案（2022—2025年）', '', '2022-08-16', null)).toEqual({
      periodStart: '2022-01-01',
      periodEnd: '2025-12-31',
    });
    expect(guessPeriod('2021年达州市科技创新工作要点', '', null, null)).toEqual({ periodStart: '2021-01-01', periodEnd: '2021-12-31' });
    expect(guessPeriod('实施方案', '到2025年，建设市级重点实验室15家以上。到2035年远景', '2021-04-15', null)).toEqual({
      periodStart: '2021-04-15',
      periodEnd: '2035-12-31',
    });
    expect(guessPeriod('实施方案', '到2025年，建设市级重点实验室15家以上。', '2021-04-15', 2023)).toEqual({
      periodStart: '2021-04-15',
      periodEnd: '2025-12-31',
    });
    expect(guessPeriod(null, '', null, null)).toEqual({ periodStart: null, periodEnd: null });
  });

  it('starts the period at the date the user gave when the text carries none', () => {
    const text = '宜宾市人民政府办公室关于加快推进科技创新平台建设的实施意见\n\n一、总体目标\n到2025年，全市各类科技创新平台达到300个。';
    expect(guessPlanMetadata(text, 2025, '2023-12-20')).toMatchObject({
      issuedOn: null,
      periodStart: '2023-12-20',
      periodEnd: '2025-12-31',
    });
  });

  it('answers nulls for text with no head', () => {
    expect(guessPlanMetadata('加快建设一批市级重点实验室。')).toEqual({
      title: null,
      issuingBody: null,
      documentNo: null,
      issuedOn: null,
      periodStart: null,
      periodEnd: null,
    });
  });
});
