/**
 * A text document saved under a name, as the browser's download: used for the API's own
 * documents (saved as they came, never parsed or rewritten) and for what the console makes (the
 * audit trail's CSV).
 */
export const saveText = (text: string, type: string, name: string): void => {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  // The download has begun by then; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
