/** A multipart/form-data body as a browser sends an upload: text fields, then one file. */
export function multipartBody(
  file: { name: string; content: Buffer; type?: string },
  fields: Record<string, string> = {},
): { payload: Buffer; contentType: string } {
  const boundary = '----stip-test-upload';
  const parts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  const payload = Buffer.concat([
    ...parts,
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
