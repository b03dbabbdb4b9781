// Moving bytes between the page and the Files channels: base64 both ways (the transports carry JSON), a
// download saved as a file, and an upload checked against the channel's cap before anything is read.
import type { FileDownload } from '@shared/files-types';
import { UPLOAD_BASE64_LIMIT } from '@shared/channels/files-channels';
import { formatBytes } from '../../../format/bytes';
import { saveFile } from '../../../lib/save-file';

/** What an upload may hold in all: base64 grows bytes by a third. */
export const UPLOAD_BYTES_LIMIT = Math.floor((UPLOAD_BASE64_LIMIT * 3) / 4);

export function saveDownload(download: FileDownload): void {
  const binary = atob(download.base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  saveFile(bytes, download.name, download.kind === 'folder' ? 'application/x-tar' : 'application/octet-stream');
}

/** Why these files cannot be uploaded at once, or null. */
export function uploadProblem(files: readonly File[]): string | null {
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > UPLOAD_BYTES_LIMIT)
    return `These files are ${formatBytes(total)} in all; Berth uploads at most ${formatBytes(UPLOAD_BYTES_LIMIT)} at once. Upload fewer, or copy them with docker cp.`;
  if (files.length > 100) return 'Berth uploads at most 100 files at once.';
  return null;
}

export async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with one argument per byte overflows the stack on big arrays.
  for (let start = 0; start < bytes.length; start += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}
