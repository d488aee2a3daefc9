/** A CSV file of a table's rows, made in the browser from the figures already on the page. */
export function csvLink(fileName: string, header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (value: unknown) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\n\r]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const body = [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n');
  const href = URL.createObjectURL(new Blob([`${body}\r\n`], { type: 'text/csv;charset=utf-8' }));
  return `<a class="govuk-link app-download" href="${href}" download="${fileName}">Download ${fileName} (CSV)</a>`;
}
