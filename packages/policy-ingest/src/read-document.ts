/** Turning an uploaded file into text: .txt (UTF-8, or GB18030 from older systems), .docx, .html/.htm. */
import { extname } from 'node:path';
import mammoth from 'mammoth';

/** Thrown for a file type we cannot read, with a message fit to show the user. */
export class UnsupportedDocumentError extends Error {
  override name = 'UnsupportedDocumentError';
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** UTF-8 (BOM stripped) when the bytes are valid UTF-8, else GB18030, the superset of GBK/GB2312 Chinese files use. */
function decodeText(bytes: Uint8Array, declaredCharset?: string): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  if (declaredCharset && /^(gb2312|gbk|gb18030|x-gbk)$/i.test(declaredCharset)) return new TextDecoder('gb18030').decode(body);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('gb18030').decode(body);
  }
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  middot: '·',
  hellip: '…',
  ensp: ' ',
  emsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/** Plain text of an HTML page: table cells become tab-separated lines, so task tables stay recognisable. */
function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style|head|noscript)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/>\s+</g, '><')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(td|th)\s*>/gi, '\t')
      .replace(/<\/(p|div|h[1-6]|li|tr|table|section|article|title)\s*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/\t+\n/g, '\n')
    .replace(/[ \u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}

/** Reads an uploaded document as text; throws UnsupportedDocumentError for formats it cannot read. */
export async function readDocumentText(input: Buffer, fileName: string): Promise<string> {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.docx') {
    const result = await mammoth.extractRawText({ buffer: input });
    return result.value;
  }
  if (extension === '.html' || extension === '.htm') return htmlToText(decodeText(input, declaredHtmlCharset(input)));
  if (['.doc', '.pdf', '.wps', '.xls', '.xlsx', '.ppt', '.pptx', '.zip'].includes(extension)) {
    throw new UnsupportedDocumentError(`不支持的文件类型：${extension}（请另存为 .docx、.txt 或 .html）`);
  }
  return decodeText(input);
}
