/** Offers a file to the user as a download (the web host's .xlsx, the review's picture and PDF). */
export function downloadFile(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the browser may still be reading the object URL when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
