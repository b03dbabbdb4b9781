// Saves bytes made in the page as a file the browser downloads: a Blob behind a temporary link, nothing sent
// anywhere. The Logs tab's export and the Files tab's downloads use it.

export function saveFile(data: BlobPart, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the Blob once click() returns; the URL is no longer needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
