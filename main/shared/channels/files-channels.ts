// The Files channels: list a folder of a container (running or stopped), download a file or a folder (a tar),
// upload files into a folder. Everything travels as JSON frames, so contents are base64 and sizes are capped
// (a bridge client is dropped with more than 8 MiB unsent; an incoming frame may be at most 1 MiB).
import { z } from 'zod';
import { normalizeContainerPath } from '../container-path';
import type { FileDownload, FileUploadResult, FolderListing } from '../files-types';
import { channel, containerRef } from './channel-kit';

/** Base64 of all the files of one upload, in characters (about 525 KiB of content): one frame stays under 1 MiB. */
export const UPLOAD_BASE64_LIMIT = 700 * 1024;
/** The largest file or folder archive a download carries (8 MiB unsent drops a bridge client; base64 adds 1/3). */
export const DOWNLOAD_BYTES_LIMIT = 4 * 1024 * 1024;

/** An absolute path inside the container, normalised (`..` resolved from `/`). */
export const containerPath = z
  .string()
  .min(1, 'must be an absolute path in the container, like /etc')
  .max(4096, 'must be at most 4096 characters')
  .refine((path) => path.startsWith('/'), 'must be an absolute path in the container, starting with /')
  .refine((path) => !path.includes('\0'), 'must not contain a NUL character')
  .transform(normalizeContainerPath);

/** A plain file name: what lands in the folder, so no folder parts. */
export const uploadFileName = z
  .string()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  .refine((name) => !name.includes('/'), 'must be a plain file name, without /')
  .refine((name) => name !== '.' && name !== '..', 'must be a file name, not . or ..')
  .refine((name) => !name.includes('\0'), 'must not contain a NUL character');

const base64Text = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

const pathRequest = z.object({ id: containerRef, path: containerPath }).strict();
const uploadRequest = z
  .object({
    id: containerRef,
    folder: containerPath,
    files: z
      .array(
        z
          .object({
            name: uploadFileName,
            base64: base64Text,
            /** Permission bits; 0644 when absent. */
            mode: z.number().int().min(0).max(0o7777).optional(),
          })
          .strict(),
      )
      .min(1, 'must hold at least one file')
      .max(100, 'must hold at most 100 files'),
  })
  .strict()
  .superRefine((request, context) => {
    const total = request.files.reduce((sum, file) => sum + file.base64.length, 0);
    if (total > UPLOAD_BASE64_LIMIT)
      context.addIssue({
        code: 'custom',
        path: ['files'],
        message: `are too big to send at once: ${Math.round((total * 3) / 4 / 1024)} KiB, at most ${(UPLOAD_BASE64_LIMIT * 3) / 4 / 1024} KiB in all; upload fewer or use docker cp`,
      });
    const names = new Set<string>();
    request.files.forEach((file, index) => {
      if (names.has(file.name))
        context.addIssue({ code: 'custom', path: ['files', index, 'name'], message: `"${file.name}" is given twice` });
      names.add(file.name);
    });
  });

export const filesChannels = {
  /** A folder's direct entries; `truncated` when the folder's tree was too big to read whole. */
  'files:list': channel<typeof pathRequest, FolderListing>(pathRequest),
  /** A regular file's bytes, or a folder as a tar; over 4 MiB refused (TOO_LARGE) naming `docker cp`. */
  'files:download': channel<typeof pathRequest, FileDownload>(pathRequest),
  /** Writes the files into an existing folder, replacing files of the same names. */
  'files:upload': channel<typeof uploadRequest, FileUploadResult>(uploadRequest),
} as const;
