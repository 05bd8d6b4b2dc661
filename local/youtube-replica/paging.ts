/**
 * YouTube-style paging over a newest-first list. Tokens are opaque to
 * callers and hold the position of the item a page ended on, so videos
 * or comments that arrive between two page calls neither repeat nor
 * shift the pages already handed out.
 */

/** Where an item sits in newest-first order: time, then id. */
export interface Position {
  readonly at: number;
  readonly id: string;
}

interface Cursor extends Position {
  /** `n`: the page after this item; `p`: the page before it. */
  readonly dir: 'n' | 'p';
}

export interface PageOf<T> {
  readonly items: T[];
  readonly nextPageToken?: string;
  readonly prevPageToken?: string;
}

const encode = (cursor: Cursor) =>
  Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decode(token: string): Cursor | undefined {
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    const ok =
      (c?.dir === 'n' || c?.dir === 'p') &&
      typeof c.at === 'number' &&
      typeof c.id === 'string';
    return ok ? (c as Cursor) : undefined;
  } catch {
    return undefined;
  }
}

/** True when `a` comes after position `b` in newest-first order. */
const isAfter = (a: Position, b: Position) =>
  a.at < b.at || (a.at === b.at && a.id > b.id);

/**
 * One page of `items` (already newest first). Returns undefined for a
 * token this replica did not issue, which YouTube answers with 400.
 */
export function paginate<T>(
  items: readonly T[],
  position: (item: T) => Position,
  maxResults: number,
  pageToken?: string,
): PageOf<T> | undefined {
  let start = 0;
  let end = Math.min(items.length, maxResults);
  if (pageToken) {
    const cursor = decode(pageToken);
    if (!cursor) return undefined;
    if (cursor.dir === 'n') {
      // The first item after the cursor, wherever the list has grown.
      const next = items.findIndex((i) => isAfter(position(i), cursor));
      start = next === -1 ? items.length : next;
      end = Math.min(items.length, start + maxResults);
    } else {
      // The cursor's own place: the page before ends just ahead of it.
      const here = items.findIndex((i) => !isAfter(cursor, position(i)));
      end = here === -1 ? items.length : here;
      start = Math.max(0, end - maxResults);
    }
  }
  const page = items.slice(start, end);
  const first = page[0];
  const last = page[page.length - 1];
  return {
    items: page,
    ...(last && end < items.length
      ? { nextPageToken: encode({ ...position(last), dir: 'n' }) }
      : {}),
    ...(first && start > 0
      ? { prevPageToken: encode({ ...position(first), dir: 'p' }) }
      : {}),
  };
}
