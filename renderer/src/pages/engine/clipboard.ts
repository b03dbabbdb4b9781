// Puts text on the clipboard when the browser allows it. Chromium refuses outside a secure context or without
// focus, and Electron can deny the permission: the caller then shows the text to copy by hand.

/** True when the text is on the clipboard; false (with the reason logged) when the caller must fall back. */
export async function copyText(text: string): Promise<boolean> {
  if (!navigator.clipboard?.writeText) {
    console.warn('[engine] no clipboard API here (not a secure context?): showing the text to copy instead');
    return false;
  }
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (error) {
    console.warn('[engine] the clipboard refused the text: showing it to copy instead', error);
    return false;
  }
}
