import { describe, expect, it } from 'vitest';
import { canGoNext, canGoPrevious, firstPage, goNext, goPrevious, pageNumber } from '../src/pagination/cursor-pages.ts';

describe('cursor pagination', () => {
  it('starts on page 1 with no cursor and no way back', () => {
    expect(firstPage.after).toBeNull();
    expect(pageNumber(firstPage)).toBe(1);
    expect(canGoPrevious(firstPage)).toBe(false);
  });

  it('moves forward with endCursor and back to the exact cursors it came from', () => {
    const page2 = goNext(firstPage, { hasNextPage: true, endCursor: 'c25' });
    const page3 = goNext(page2, { hasNextPage: true, endCursor: 'c50' });
    expect(page2).toEqual({ after: 'c25', visited: [null] });
    expect(page3).toEqual({ after: 'c50', visited: [null, 'c25'] });
    expect(pageNumber(page3)).toBe(3);

    const back2 = goPrevious(page3);
    expect(back2).toEqual(page2);
    const back1 = goPrevious(back2);
    expect(back1).toEqual(firstPage);
    expect(goPrevious(back1)).toEqual(firstPage);
  });

  it.each([
    [{ hasNextPage: false, endCursor: 'c25' }],
    [{ hasNextPage: true, endCursor: null }],
    [{ hasNextPage: true }],
    [null],
    [undefined],
  ])('stays put when there is no next page: %j', (pageInfo) => {
    expect(canGoNext(pageInfo)).toBe(false);
    expect(goNext(firstPage, pageInfo)).toBe(firstPage);
  });

  it('does not mutate the previous state', () => {
    const page2 = goNext(firstPage, { hasNextPage: true, endCursor: 'a' });
    goNext(page2, { hasNextPage: true, endCursor: 'b' });
    expect(page2.visited).toEqual([null]);
  });
});
