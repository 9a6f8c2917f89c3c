import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import { createUploadSlots, safeFileName, sniffType } from './uploads';

describe('upload helpers', () => {
  it('keeps only the last segment of a file name, without control or reserved characters', () => {
    expect(safeFileName('../../etc/passwd', '附件')).toBe('passwd');
    expect(safeFileName('..\\..\\方案.docx', '附件')).toBe('方案.docx');
    expect(safeFileName('a\u0000b<c>.txt', '附件')).toBe('a_b_c_.txt');
    expect(safeFileName('..', '附件')).toBe('附件');
    expect(safeFileName(undefined, '附件')).toBe('附件');
  });

  it('tells a file type by its first bytes', () => {
    expect(sniffType(Buffer.from('PK\u0003\u0004rest'))).toBe('zip');
    expect(sniffType(Buffer.from('%PDF-1.7'))).toBe('pdf');
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffType(Buffer.from('进展说明'))).toBe('text');
    expect(sniffType(Buffer.from([0x00, 0x01, 0x02]))).toBe('unknown');
  });

  it('refuses work beyond its slots with a 429 instead of queueing it', async () => {
    const slots = createUploadSlots(1);
    let finish!: () => void;
    const first = slots.run(() => new Promise<void>((resolve) => (finish = resolve)));
    const second = slots.run(async () => 'ran');
    await expect(second).rejects.toBeInstanceOf(AppError);
    await expect(second).rejects.toMatchObject({ status: 429 });
    finish();
    await first;
    await expect(slots.run(async () => 'ran')).resolves.toBe('ran');
  });
});
