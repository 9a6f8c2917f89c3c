import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { ErrorCode } from '@stip/contracts';
import { AppError } from './app-error';

/**
 * What an uploaded Office file (a ZIP archive: .xlsx, .docx) may unpack to. A real import workbook of
 * 5,000 rows unpacks to a few MB, a plan document to a few tens; a zip bomb claims hundreds of MB or more.
 */
export interface ArchiveLimits {
  /** Entries in the archive (files and folders). */
  maxEntries: number;
  /** The sum of the entries' uncompressed sizes. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size of one entry, checked for entries over 1 MB (XML rarely packs better than 1:100). */
  maxEntryRatio: number;
}

export const officeArchiveLimits: ArchiveLimits = { maxEntries: 2_000, maxTotalBytes: 64 * 1024 * 1024, maxEntryRatio: 200 };

const mebibytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function rejected(message: string): AppError {
  return new AppError(ErrorCode.PayloadRejected, { message, details: [{ field: 'file', message }] });
}

function unreadable(what: string): AppError {
  const message = `无法读取该文件：不是有效的 ${what} 文件（文件可能已损坏，或与其扩展名不符）`;
  return new AppError(ErrorCode.ValidationFailed, { message, details: [{ field: 'file', message }] });
}

/** A sink that only counts, so an entry can be inflated to check its real size without keeping it. */
const discard = () =>
  new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });

/**
 * Checks a ZIP archive before anything unpacks it: the entry count, the total uncompressed size and each
 * entry's compression ratio as its central directory declares them, then inflates each entry into nothing
 * so that an entry whose data holds more than declared (a lying header) is refused too (yauzl's size check).
 * Answers 413 naming the limit that was passed, 400 for a file that is not a readable archive.
 */
export async function checkArchive(content: Buffer, what: string, limits: ArchiveLimits = officeArchiveLimits): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(content, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true });
  } catch {
    throw unreadable(what);
  }
  const tooBig = rejected(`文件解压后超过 ${mebibytes(limits.maxTotalBytes)}，系统不予处理（请检查文件，或拆分后上传）`);
  try {
    if (zip.entryCount > limits.maxEntries)
      throw rejected(`文件内含 ${zip.entryCount} 个部件，超过上限 ${limits.maxEntries} 个，系统不予处理`);
    let total = 0;
    const entries: yauzl.Entry[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
        if (total > limits.maxTotalBytes) return reject(tooBig);
        if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxEntryRatio)
          return reject(
            rejected(`文件中的“${entry.fileName}”压缩比异常（${Math.round(ratio)}:1，上限 ${limits.maxEntryRatio}:1），系统不予处理`),
          );
        if (entry.isEncrypted()) return reject(unreadable(what));
        entries.push(entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', () => reject(unreadable(what)));
      zip.readEntry();
    });
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      try {
        await pipeline(await zip.openReadStreamPromise(entry), discard());
      } catch {
        // Inflated to more (or less) than the directory declares, or damaged data.
        throw unreadable(what);
      }
    }
  } finally {
    zip.close();
  }
}

/** What an upload's first bytes say it is. */
export type SniffedType = 'zip' | 'pdf' | 'png' | 'jpeg' | 'gif' | 'ole' | 'text' | 'unknown';

/** Tells an upload's type by its magic bytes, never by its name or the client's Content-Type. */
export function sniffType(content: Buffer): SniffedType {
  const starts = (...bytes: number[]) => bytes.every((byte, index) => content[index] === byte);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  const sample = content.subarray(0, 4096);
  if (sample.length && !sample.includes(0) && sample.toString('utf8').indexOf('\uFFFD') === -1) return 'text';
  return 'unknown';
}

/** Requires an upload to be an Office Open XML file (.xlsx, .docx: a ZIP archive) and checks the archive. */
export async function checkOfficeUpload(content: Buffer, what: string): Promise<void> {
  if (!content.length)
    throw new AppError(ErrorCode.ValidationFailed, { message: '上传的文件是空的', details: [{ field: 'file', message: '空文件' }] });
  if (sniffType(content) !== 'zip') throw unreadable(what);
  await checkArchive(content, what);
}

/**
 * A file name safe to store and to send back: the last path segment only (no `../`, no folders), without
 * control characters or characters Windows forbids, at most 200 characters; `fallback` when nothing is left.
 */
export function safeFileName(name: string | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 200);
  return cleaned || fallback;
}

/**
 * A counting semaphore that refuses instead of queueing: a server busy with `size` parses answers 429 with a
 * Chinese message, so a burst of large uploads cannot pile up in memory.
 */
export function createUploadSlots(size: number) {
  let inUse = 0;
  return {
    /** Runs `work` in a free slot, or throws RateLimited when all are taken. */
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (inUse >= size)
        throw new AppError(ErrorCode.RateLimited, { message: '服务器正在处理其他文件，请稍后再上传（同时处理的文件数已达上限）' });
      inUse++;
      try {
        return await work();
      } finally {
        inUse--;
      }
    },
    get inUse() {
      return inUse;
    },
  };
}

/** One bound for every parsed upload in this process (imports, plan documents): two at a time. */
export const parseSlots = createUploadSlots(2);

/** Lets timers and I/O run during a long loop (the data-folder lock, other requests); call every few hundred steps. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The content types of the Word and Excel files the app serves and accepts. */
export const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const officeTypes: Record<string, string> = {
  '.docx': docxMime,
  '.xlsx': xlsxMime,
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
const legacyOfficeTypes: Record<string, string> = {
  '.doc': 'application/msword',
  '.xls': 'application/vnd.ms-excel',
  '.ppt': 'application/vnd.ms-powerpoint',
};
const sniffedTypes: Partial<Record<SniffedType, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  text: 'text/plain; charset=utf-8',
};

/**
 * A stored attachment's safe name and its content type as its bytes show it (the client's Content-Type is
 * never trusted, so nothing uploaded is served back as HTML or script); a ZIP-based file is checked like any
 * other archive.
 */
export async function describeAttachment(content: Buffer, fileName: string | undefined): Promise<{ fileName: string; mimeType: string }> {
  const name = safeFileName(fileName, '附件');
  const extension = /\.[^.]+$/.exec(name)?.[0]?.toLowerCase() ?? '';
  const sniffed = sniffType(content);
  if (sniffed === 'zip') await checkArchive(content, extension || '.zip');
  const mimeType =
    sniffed === 'zip'
      ? (officeTypes[extension] ?? 'application/zip')
      : sniffed === 'ole'
        ? (legacyOfficeTypes[extension] ?? 'application/octet-stream')
        : (sniffedTypes[sniffed] ?? 'application/octet-stream');
  return { fileName: name, mimeType };
}
