/** Offers text as a file download: a Blob behind a temporary `<a download>`. */
export function downloadText(doc: Document, fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface ChosenFile {
  name: string;
  text: string;
}

/** The text of the file an `<input type=file>` holds, or null if none was chosen. */
export async function readChosenFile(input: HTMLInputElement): Promise<ChosenFile | null> {
  const file = input.files?.[0];
  if (!file) return null;
  return { name: file.name, text: await file.text() };
}
