/**
 * A plan's particulars guessed from the head of its document: the red-letter notice (红头文件) names the
 * issuing body, the document number (达市科〔2021〕28号), the date, and the plan's title in 《》 after
 * 关于印发; web pages and news reports carry some of these in labelled lines (发文日期：, 发布机构：).
 */

export interface MetadataGuess {
  title: string | null;
  issuingBody: string | null;
  documentNo: string | null;
  issuedOn: string | null;
  periodStart: string | null;
  periodEnd: string | null;
}

/** How far into the document its particulars are looked for. */
const headLength = 4000;

const planWords = /(方案|要点|规划|计划|意见|指引|办法|措施|纲要|清单|分解表|行动|细则|通知)$/;
const bodyWords =
  /^(?:[一-龥（）()·]{2,40}?)(人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办公厅|管理委员会|管委会|委员会|办公室|办公厅|科学技术局|科学技术厅|科技局|科技厅|局|厅|委|办)$/;

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^[#>*\-\s\u3000]+/, '')
        .replace(/[*\s\u3000]+$/, '')
        .trim(),
    )
    .filter(Boolean);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A real calendar day as YYYY-MM-DD, or null. */
function isoDate(year: number, month: number, day: number): string | null {
  const value = `${year}-${pad(month)}-${pad(day)}`;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) && year >= 1949 && year <= 2100 ? value : null;
}

const squeeze = (text: string) => text.replace(/[\s\u3000]+/g, '');

/** The plan's own title: 《…》 after 关于印发, then a 《…》 that names a plan, then 关于印发…的通知, then a heading line. */
export function guessTitle(head: string): string | null {
  const flat = squeeze(head);
  const quoted = /关于印发《([^《》]{4,100})》/.exec(flat);
  if (quoted) return quoted[1]!;
  for (const match of flat.matchAll(/《([^《》]{4,100})》/g)) {
    if (planWords.test(match[1]!.replace(/（[^（）]*）$/, ''))) return match[1]!;
  }
  const unquoted = /关于印发([^《》，。]{4,80}?)的通知/.exec(flat);
  if (unquoted) return unquoted[1]!;
  for (const line of lines(head)) {
    if (line.length > 60 || /[。：:；]/.test(line) || /号$/.test(line)) continue;
    if (planWords.test(line) && !/^关于/.test(line)) return squeeze(line);
  }
  return null;
}

/** The issuing body: a line naming only an office (达州市人民政府办公室), else the X of "X关于印发". */
export function guessIssuingBody(head: string): string | null {
  for (const line of lines(head).slice(0, 30)) {
    const compact = squeeze(line);
    if (compact.length <= 40 && bodyWords.test(compact)) return compact;
  }
  const labelled = /(?:发布机构|发文机关|发文单位)\s*[:：]\s*([一-龥（）()]{2,40})/.exec(head);
  if (labelled) return labelled[1]!;
  for (const line of lines(head)) {
    const match =
      /([一-龥]{2,30}?(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|办公室|办公厅|委员会|管委会|局|厅))\s*(?:关于)?印发/.exec(line);
    if (match) return match[1]!;
  }
  return null;
}

/** The document number on a line of its own (达市科〔2021〕28号); numbers cited in the body are someone else's. */
export function guessDocumentNo(head: string): string | null {
  for (const line of lines(head)) {
    const compact = squeeze(line);
    const match = /^([一-龥]{1,15})[〔[【［(（]((?:19|20)\d{2})[〕\]】］)）]第?(\d{1,5})号$/.exec(compact);
    if (match) return `${match[1]}〔${match[2]}〕${match[3]}号`;
  }
  const labelled = /(?:文件编号|发文字号|文号)\s*[:：]\s*([一-龥]{1,15})[〔[【［(（]((?:19|20)\d{2})[〕\]】］)）]第?(\d{1,5})号/.exec(head);
  return labelled ? `${labelled[1]}〔${labelled[2]}〕${labelled[3]}号` : null;
}

/** The date the document was issued: a date line of its own, else a labelled one (发文日期：2018-10-09). */
export function guessIssuedOn(head: string): string | null {
  for (const line of lines(head)) {
    const match = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:印发)?$/.exec(line);
    if (match) {
      const date = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
      if (date) return date;
    }
  }
  const labelled = /(?:发文日期|成文日期|印发日期|发布日期|发布时间)\s*[:：]\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(head);
  return labelled ? isoDate(Number(labelled[1]), Number(labelled[2]), Number(labelled[3])) : null;
}

/**
 * The period: a span in the title (（2022—2025年）), else an annual plan's year (2021年…工作要点), else from
 * the document date to the latest "到2025年" of the text or the latest deadline found.
 */
export function guessPeriod(
  title: string | null,
  text: string,
  issuedOn: string | null,
  latestDeadlineYear: number | null,
): { periodStart: string | null; periodEnd: string | null } {
  const range = title ? /((?:19|20)\d{2})\s*[—–\-~～至到]+\s*((?:19|20)\d{2})\s*年/.exec(title) : null;
  if (range && Number(range[2]) >= Number(range[1])) {
    return { periodStart: `${range[1]}-01-01`, periodEnd: `${range[2]}-12-31` };
  }
  const annual = title ? /((?:19|20)\d{2})\s*年(?:度)?/.exec(title) : null;
  if (annual && /(要点|计划|安排|任务|分解表|清单)/.test(title!)) {
    return { periodStart: `${annual[1]}-01-01`, periodEnd: `${annual[1]}-12-31` };
  }
  const issuedYear = issuedOn ? Number(issuedOn.slice(0, 4)) : null;
  let end: number | null = null;
  for (const match of text.matchAll(/(?:到|至|截至|截止到)\s*((?:19|20)\d{2})\s*年/g)) {
    const year = Number(match[1]);
    if (issuedYear && (year < issuedYear || year > issuedYear + 15)) continue;
    end = Math.max(end ?? year, year);
  }
  if (latestDeadlineYear && (!issuedYear || latestDeadlineYear >= issuedYear))
    end = Math.max(end ?? latestDeadlineYear, latestDeadlineYear);
  const startYear = issuedYear ?? end;
  if (!startYear) return { periodStart: null, periodEnd: null };
  const endYear = Math.max(end ?? startYear, startYear);
  return { periodStart: issuedOn ?? `${startYear}-01-01`, periodEnd: `${endYear}-12-31` };
}

/**
 * Everything guessable about the plan from its text (and the deadlines the extractor found). `givenDate`, the date
 * the user typed, starts the period when the text itself carries no date.
 */
export function guessPlanMetadata(text: string, latestDeadlineYear: number | null = null, givenDate: string | null = null): MetadataGuess {
  const head = text.slice(0, headLength);
  const title = guessTitle(head);
  const issuedOn = guessIssuedOn(head);
  return {
    title,
    issuingBody: guessIssuingBody(head),
    documentNo: guessDocumentNo(head),
    issuedOn,
    ...guessPeriod(title, text, issuedOn ?? givenDate, latestDeadlineYear),
  };
}
