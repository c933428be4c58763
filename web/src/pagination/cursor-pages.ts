// Relay-style cursor pagination only moves forward, so going back means remembering the `after`
// cursor each visited page was opened with.
export interface CursorPages {
  /** The `after` argument of the page on screen (null: first page). */
  readonly after: string | null;
  /** The `after` arguments of the pages visited before it, oldest first. */
  readonly visited: readonly (string | null)[];
}

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor?: string | null;
}

export const firstPage: CursorPages = { after: null, visited: [] };

export function pageNumber(pages: CursorPages): number {
  return pages.visited.length + 1;
}

export function canGoNext(pageInfo: PageInfo | null | undefined): boolean {
  return Boolean(pageInfo?.hasNextPage && pageInfo.endCursor);
}

export function canGoPrevious(pages: CursorPages): boolean {
  return pages.visited.length > 0;
}

/** Opens the page after the current one; stays put when the API says there is none. */
export function goNext(pages: CursorPages, pageInfo: PageInfo | null | undefined): CursorPages {
  if (!canGoNext(pageInfo)) return pages;
  return { after: pageInfo?.endCursor ?? null, visited: [...pages.visited, pages.after] };
}

export function goPrevious(pages: CursorPages): CursorPages {
  if (!canGoPrevious(pages)) return pages;
  const visited = pages.visited.slice(0, -1);
  return { after: pages.visited[pages.visited.length - 1] ?? null, visited };
}
