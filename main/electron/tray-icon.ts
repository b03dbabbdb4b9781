// Berth's tray icon (a ring with a shank, in the accent blue), kept inline so the packaged app needs no
// extra asset path; the 32 px image is the 2x representation for high-density displays.
import { nativeImage, type NativeImage } from 'electron';

const png16 =
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAPklEQVR42mOwbvrGQAnGJfEfByZowH8iMVYD/pOI8RqALoZTDT7NDATE/o8aQGUDKI5GqiQkipMyVTITyRgAFX4qp9qgdmwAAAAASUVORK5CYII=';
const png32 =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAeUlEQVR42u2XuQ3AMAwDuVe2y9BumQUCRNYD0bGL62jhKpnCdQ90gtUEaCRdgE7CAkzCJcBkpgRYhEmAxYQEvjIzM14FrA8jGXoEynKeoalZeQEkCOAIHIGlBfbaA+2rWOIzav+OJQpJeyWTKKUStVziMJE5zf57HT8BML6FU+oCSgAAAABJRU5ErkJggg==';

export function trayIcon(): NativeImage {
  const image = nativeImage.createFromBuffer(Buffer.from(png16, 'base64'), { scaleFactor: 1 });
  image.addRepresentation({ scaleFactor: 2, buffer: Buffer.from(png32, 'base64') });
  return image;
}
