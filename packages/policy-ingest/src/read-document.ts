/**
 * Turning an uploaded file into text the extractor reads, by what the file is (its first bytes), not only its name:
 * .txt (UTF-8, UTF-16 or GB18030), .html/.htm (parse5), .docx (mammoth's HTML, so tables stay tables), .xlsx (ExcelJS,
 * by header row), .pdf (pdf.js, with positions). Tables come out as tab-separated rows; tables in plain text, whose
 * cells a web page's copy left separated by spaces and wrapped over lines, are rebuilt the same way (space-tables.ts).
 * Old binary Office files (.doc, .wps, .xls) are refused with a message asking for .docx.
 */
import { extname } from 'node:path';
import mammoth from 'mammoth';
import { declaredHtmlCharset, htmlToText } from './read-html.js';
import { pdfToText } from './read-pdf.js';
import { xlsxToText } from './read-xlsx.js';
import { rebuildSpaceTables } from './space-tables.js';

/** Thrown for a file we cannot read, with a message fit to show the user. */
export class UnsupportedDocumentError extends Error {
  override name = 'UnsupportedDocumentError';
}

/** The extensions readDocumentText reads. */
export const READABLE_EXTENSIONS = ['.txt', '.html', '.htm', '.docx', '.xlsx', '.pdf'] as const;

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];

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

type Sniffed = 'ole' | 'zip' | 'pdf' | 'rtf' | 'text';

function sniff(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, OLE_MAGIC)) return 'ole';
  if (startsWith(bytes, ZIP_MAGIC)) return 'zip';
  if (startsWith(bytes, PDF_MAGIC)) return 'pdf';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf';
  return 'text';
}

/** The names a zip archive's entries have, read from its central directory without unpacking anything. */
function zipEntryNames(bytes: Buffer): string[] {
  const names: string[] = [];
  const endAt = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) return names;
  let offset = bytes.readUInt32LE(endAt + 16);
  const count = bytes.readUInt16LE(endAt + 10);
  for (let index = 0; index < count && offset + 46 <= bytes.length; index += 1) {
    if (bytes.readUInt32LE(offset) !== 0x02014b50) break;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    names.push(bytes.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const ASK_FOR_DOCX = '请在 Word 或 WPS 中另存为 .docx 后上传，或复制正文粘贴';

/** What an Office Open XML archive holds: a Word document, a workbook, or neither. */
function officeKind(bytes: Buffer): 'docx' | 'xlsx' | null {
  const names = zipEntryNames(bytes);
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  return null;
}

async function readZip(input: Buffer, extension: string): Promise<string> {
  const kind = officeKind(input);
  if (kind === 'docx') {
    const { value } = await mammoth.convertToHtml({ buffer: input });
    return rebuildSpaceTables(htmlToText(value));
  }
  if (kind === 'xlsx') return xlsxToText(input);
  if (extension === '.pptx') throw new UnsupportedDocumentError('不支持演示文稿（.pptx）：请上传政策文件的 .docx、.pdf 或 .txt');
  throw new UnsupportedDocumentError(`无法读取该文件：压缩包不是 Word（.docx）或 Excel（.xlsx）文件（${ASK_FOR_DOCX}）`);
}

/** Reads an uploaded document as text; throws UnsupportedDocumentError for files it cannot read. */
export async function readDocumentText(input: Buffer, fileName: string): Promise<string> {
  const extension = extname(fileName).toLowerCase();
  const kind = sniff(input);
  if (kind === 'ole') {
    const what =
      extension === '.wps' ? 'WPS 文字（.wps）' : extension === '.xls' || extension === '.et' ? '旧版 Excel（.xls）' : '旧版 Word（.doc）';
    const ask = extension === '.xls' || extension === '.et' ? '请另存为 .xlsx 后上传' : ASK_FOR_DOCX;
    throw new UnsupportedDocumentError(`不支持${what}文件：${ask}`);
  }
  if (kind === 'rtf') throw new UnsupportedDocumentError(`不支持 RTF 文件：${ASK_FOR_DOCX}`);
  if (kind === 'zip') return readZip(input, extension);
  if (kind === 'pdf') {
    const text = await pdfToText(input).catch((error: unknown) => {
      if (error instanceof Error && error.name === 'PasswordException')
        throw new UnsupportedDocumentError('该 PDF 已加密，无法读取：请上传未加密的 PDF 或 .docx');
      throw error;
    });
    if (!text.trim()) throw new UnsupportedDocumentError('该 PDF 中没有可读取的文字（可能是扫描件）：请上传可复制文字的 PDF 或 .docx');
    return rebuildSpaceTables(text);
  }
  if (['.doc', '.wps', '.xls', '.et', '.ppt', '.pptx', '.zip', '.rar', '.7z', '.ofd'].includes(extension)) {
    throw new UnsupportedDocumentError(`不支持的文件类型：${extension}（${ASK_FOR_DOCX}）`);
  }
  if (['.docx', '.xlsx', '.pdf'].includes(extension)) {
    throw new UnsupportedDocumentError(`无法读取该文件：内容不是 ${extension} 文件（文件可能已损坏，或与其扩展名不符）`);
  }
  const isHtml =
    extension === '.html' ||
    extension === '.htm' ||
    /^\s*(<!doctype html|<html[\s>])/i.test(Buffer.from(input.subarray(0, 512)).toString('latin1'));
  if (isHtml) return rebuildSpaceTables(htmlToText(decodeText(input, declaredHtmlCharset(input))));
  return rebuildSpaceTables(decodeText(input));
}
