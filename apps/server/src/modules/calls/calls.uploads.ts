import { ErrorCode } from '@stip/contracts';
import { AppError } from '../../shared/app-error';
import { describeAttachment, sniffType } from '../../shared/uploads';

/** The most an application material may weigh (the multipart limit of the app is 10 MB as well). */
export const maxMaterialBytes = 10 * 1024 * 1024;

const refused = (message: string, status: 'VALIDATION_FAILED' | 'PAYLOAD_REJECTED' = ErrorCode.ValidationFailed) =>
  new AppError(status, { message, details: [{ field: 'file', message }] });

/** Extensions accepted for each type the bytes may show. */
const acceptedExtensions: Record<string, readonly string[]> = {
  pdf: ['.pdf'],
  png: ['.png'],
  jpeg: ['.jpg', '.jpeg'],
  gif: ['.gif'],
  zip: ['.docx', '.xlsx'],
  ole: ['.doc', '.xls'],
};

/**
 * Checks an application material before it is stored: a name without folders or `..`, not empty, not over
 * the cap, and a PDF, Word, Excel or image file by its bytes (an executable renamed .pdf is refused) whose
 * extension agrees; an Office file's archive is checked against zip bombs (shared/uploads.ts).
 */
export async function checkMaterialUpload(content: Buffer, rawName: string | undefined): Promise<{ fileName: string; mimeType: string }> {
  const name = rawName ?? '';
  // eslint-disable-next-line no-control-regex
  if (!name.trim() || /[\\/]|^\.\.?$|\.\.[\\/]|[\u0000-\u001f]/.test(name) || name.includes('..')) {
    throw refused('文件名不合法（不能包含路径、“..”或控制字符）');
  }
  if (!content.length) throw refused('上传的文件是空的');
  if (content.length > maxMaterialBytes) throw refused('文件超过10MB，请压缩后上传', ErrorCode.PayloadRejected);
  const sniffed = sniffType(content);
  const extension = /\.[^.]+$/.exec(name)?.[0]?.toLowerCase() ?? '';
  const accepted = acceptedExtensions[sniffed];
  if (!accepted) throw refused('只接受PDF、Word（.doc/.docx）、Excel（.xls/.xlsx）和图片（PNG、JPEG、GIF）文件；文件内容与这些格式都不符');
  if (!accepted.includes(extension)) throw refused(`文件内容与扩展名“${extension || '无'}”不符（内容是${sniffed.toUpperCase()}格式）`);
  return describeAttachment(content, name);
}
