/**
 * Builds a small PDF whose text sits at given positions, so tests need no font files: the text is drawn in a
 * non-embedded CID font (Identity-H, each character's code its Unicode code point) with a ToUnicode map, which is how
 * a PDF exported from Word or WPS carries Chinese text for a reader to extract. Every character advances one em.
 */

export interface PdfText {
  /** Left edge, in points from the page's left. */
  x: number;
  /** Baseline, in points from the page's top (converted to PDF's bottom-up y). */
  top: number;
  text: string;
  /** Font size in points (default 10.5, Word's 五号). */
  size?: number;
}

export interface PdfLine {
  x1: number;
  top1: number;
  x2: number;
  top2: number;
}

export interface PdfPage {
  texts: PdfText[];
  /** Ruled lines (table borders); drawn only, a reader must not need them. */
  lines?: PdfLine[];
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;

function hexOf(text: string): string {
  let hex = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    hex += (code > 0xffff ? 0x3f : code).toString(16).padStart(4, '0');
  }
  return hex;
}

/** Each object's body, numbered from 1, in order. */
function serialise(objects: readonly string[]): Buffer {
  const chunks: string[] = ['%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n'];
  const offsets: number[] = [];
  let length = Buffer.byteLength(chunks[0] ?? '', 'latin1');
  objects.forEach((body, index) => {
    offsets.push(length);
    const chunk = `${index + 1} 0 obj\n${body}\nendobj\n`;
    chunks.push(chunk);
    length += Buffer.byteLength(chunk, 'latin1');
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`),
  ];
  chunks.push(...xref, `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`);
  return Buffer.from(chunks.join(''), 'latin1');
}

function stream(content: string): string {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
}

const TO_UNICODE = [
  '/CIDInit /ProcSet findresource begin',
  '12 dict begin',
  'begincmap',
  '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
  '/CMapName /Adobe-Identity-UCS def',
  '/CMapType 2 def',
  '1 begincodespacerange',
  '<0000> <FFFF>',
  'endcodespacerange',
  '1 beginbfrange',
  '<0000> <FFFF> <0000>',
  'endbfrange',
  'endcmap',
  'CMapName currentdict /CMap defineresource pop',
  'end',
  'end',
].join('\n');

/** A PDF of the given pages (A4). */
export function minimalPdf(pages: readonly PdfPage[]): Buffer {
  // 1 catalog, 2 pages, 3 font, 4 descendant font, 5 descriptor, 6 ToUnicode, then a page and its content per page.
  const pageIds = pages.map((_, index) => 7 + index * 2);
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 /CIDToGIDMap /Identity >>',
    '<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>',
    stream(TO_UNICODE),
  ];
  pages.forEach((page, index) => {
    const drawn = (page.lines ?? []).map((line) => `${line.x1} ${PAGE_HEIGHT - line.top1} m ${line.x2} ${PAGE_HEIGHT - line.top2} l S`);
    const texts = page.texts.map((item) => {
      const size = item.size ?? 10.5;
      return `BT /F1 ${size} Tf 1 0 0 1 ${item.x} ${(PAGE_HEIGHT - item.top).toFixed(2)} Tm <${hexOf(item.text)}> Tj ET`;
    });
    const content = ['0.5 w', ...drawn, ...texts].join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[index]! + 1} 0 R >>`,
      stream(content),
    );
  });
  return serialise(objects);
}

/** Splits text into pieces of at most `width` characters (a cell's lines as a narrow column wraps them). */
export function wrapText(text: string, width: number): string[] {
  const chars = [...text];
  const pieces: string[] = [];
  for (let index = 0; index < chars.length; index += width) pieces.push(chars.slice(index, index + width).join(''));
  return pieces.length > 0 ? pieces : [''];
}
