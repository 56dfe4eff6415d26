import type { z } from 'zod';

/** A content-data problem, phrased so an editor can find and fix it. */
export class ContentDataError extends Error {
  override name = 'ContentDataError';
}

/**
 * "content-data/x.json: record 3 ("988 Lifeline"): field number: expected string".
 * `recordsKey` is the array in the file holding the records (path segment before the index).
 */
export function describeZodError(file: string, error: z.ZodError, data: unknown, recordsKey?: string): string {
  return error.issues
    .map((issue) => {
      const path = [...issue.path];
      let where = '';
      if (recordsKey !== undefined && path[0] === recordsKey && typeof path[1] === 'number') {
        const index = path[1];
        const record = (data as Record<string, unknown[]>)[recordsKey]?.[index] as Record<string, unknown> | undefined;
        const label = record && (record.id ?? record.name ?? record.zip);
        where = ` record ${index}${label ? ` (${JSON.stringify(label)})` : ''}:`;
        path.splice(0, 2);
      }
      const field = path.length ? ` field ${path.join('.')}:` : '';
      return `${file}:${where}${field} ${issue.message}`;
    })
    .join('\n');
}
