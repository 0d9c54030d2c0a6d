import type { CallContext } from '../call-context';
import { badRequest, json } from '../responses';

/**
 * OVH API v2 cursor pagination (OVH.md): the page size comes in `X-Pagination-Size`, the position in
 * `X-Pagination-Cursor`, and a further page is announced by `X-Pagination-Cursor-Next`. Without a size,
 * everything comes in one answer. The cursor is opaque to clients; here it encodes an offset.
 */
export function paginate(ctx: CallContext, items: readonly unknown[]): Response {
  const sizeHeader = ctx.request.headers.get('x-pagination-size');
  const cursorHeader = ctx.request.headers.get('x-pagination-cursor');
  let offset = 0;
  if (cursorHeader) {
    const decoded = decodeCursor(cursorHeader);
    if (decoded === undefined) return badRequest('Invalid pagination cursor');
    offset = decoded;
  }
  if (!sizeHeader && !cursorHeader) return json(items);
  const size = sizeHeader ? Number(sizeHeader) : 100;
  if (!Number.isInteger(size) || size < 1 || size > 1000)
    return badRequest('X-Pagination-Size must be an integer between 1 and 1000');
  const page = items.slice(offset, offset + size);
  const next: Record<string, string> =
    offset + size < items.length ? { 'X-Pagination-Cursor-Next': encodeCursor(offset + size) } : {};
  return json(page, 200, next);
}

function encodeCursor(offset: number): string {
  return btoa(JSON.stringify({ o: offset })).replace(/=+$/, '');
}

function decodeCursor(cursor: string): number | undefined {
  try {
    const value: unknown = JSON.parse(atob(cursor));
    const offset = (value as { o?: unknown }).o;
    return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? offset : undefined;
  } catch {
    return undefined;
  }
}
