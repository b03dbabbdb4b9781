// Pure helpers for the Images page: how an image is named and referred to, usage in words, the pull box's
// and the Tag dialog's checks (docker's own rules, via parseReference), and the prune outcome in words.
import type { ImageSummary, ImagePruneResult } from '@shared/image-types';
import { parseReference } from '@shared/image-reference';
import { formatBytes } from '../../format/bytes';
import { shortId } from '../../model/text-filter';

/** The name shown for an image: its first tag, or `<none>` when dangling. */
export function imageName(image: ImageSummary): string {
  return image.repoTags[0] ?? '<none>';
}

/** What actions send for an image: its first tag (what the user sees), else the short id. */
export function imageRef(image: ImageSummary): string {
  return image.repoTags[0] ?? shortId(image.id);
}

/** The name in a button's label (`Inspect nginx:1.27`), so each row's buttons are unambiguous. */
export function imageLabel(image: ImageSummary): string {
  return image.repoTags[0] ?? `untagged image ${shortId(image.id)}`;
}

export function usageText(containers: number): string {
  if (containers < 0) return 'Not counted';
  if (containers === 0) return 'Unused';
  return `In use by ${containers} ${containers === 1 ? 'container' : 'containers'}`;
}

export type ReferenceCheck = { ok: true; normalised: string } | { ok: false; message: string };

/** The pull box's check: empty is not an error to show (nothing typed yet), only a reason to disable Pull. */
export function checkPullReference(text: string): ReferenceCheck & { empty: boolean } {
  if (text.trim() === '') return { ok: false, message: '', empty: true };
  const parsed = parseReference(text);
  return parsed.ok
    ? { ok: true, normalised: parsed.value.normalised, empty: false }
    : { ok: false, message: parsed.message, empty: false };
}

export type TagTarget = { ok: true; repository: string; tag: string; shown: string } | { ok: false; message: string };

/** What `images:tag` needs from what the user typed (`repo[:tag]`); a digest cannot be given to a tag. */
export function tagTarget(text: string): TagTarget {
  if (text.trim() === '')
    return { ok: false, message: 'Type a name such as myapp:1.0 or 127.0.0.1:5000/team/myapp:1.0' };
  const parsed = parseReference(text);
  if (!parsed.ok) return parsed;
  const { digest, tag, familiar } = parsed.value;
  if (digest !== null || tag === null)
    return { ok: false, message: 'a new tag cannot have a digest (@sha256:…): remove it' };
  const repository = familiar.slice(0, familiar.length - tag.length - 1);
  return { ok: true, repository, tag, shown: familiar };
}

/** `Deleted 3 images and layers, reclaimed 120 MiB.` (the engine lists images and layers together). */
export function pruneOutcome(result: ImagePruneResult): string {
  const count = result.deleted.length;
  if (count === 0 && result.spaceReclaimedBytes === 0) return 'Nothing to remove: no image matched.';
  const what = count === 1 ? 'image or layer' : 'images and layers';
  return `Deleted ${count} ${what}, reclaimed ${formatBytes(result.spaceReclaimedBytes)}.`;
}

/** Dockerfile steps come as `/bin/sh -c #(nop)  CMD ["sh"]`: the shell wrapper says nothing to a reader. */
export function readableStep(createdBy: string): string {
  return createdBy
    .trim()
    .replace(/^\/bin\/sh -c #\(nop\)\s+/, '')
    .replace(/^\/bin\/sh -c /, 'RUN ');
}
