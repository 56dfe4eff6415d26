/** The raw datasets' CSV reader (pure: text in, records out). */


/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Returns header-keyed records with their line. */
export function parseCsv(text: string): { records: Array<{ line: number; row: Record<string, string> }>; problems: string[] } {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const table: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      table.push({ line: startLine, fields });
      fields = [];
      field = '';
      line++;
      startLine = line;
    } else field += c;
  }
  if (field !== '' || fields.length) {
    fields.push(field);
    table.push({ line: startLine, fields });
  }
  const [header, ...body] = table.filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
  const problems: string[] = [];
  const records = [];
  for (const r of body) {
    if (r.fields.length !== header.fields.length) {
      problems.push(`line ${r.line}: ${r.fields.length} fields, expected ${header.fields.length}`);
      continue;
    }
    records.push({ line: r.line, row: Object.fromEntries(header.fields.map((h, i) => [h.trim(), r.fields[i]])) });
  }
  return { records, problems };
}
