import { describe, expect, it } from 'vitest';
import { addressOf, listStateOf, sortOrderOf } from './listState';

describe('the enterprise list in the address', () => {
  it('reads filters, page and sort, and writes them back the same', () => {
    const params = new URLSearchParams('q=五金&sector=machinery&keyOnly=true&page=3&pageSize=50&sort=name');
    const state = listStateOf(params);
    expect(state).toEqual({
      filters: { q: '五金', sector: 'machinery', keyOnly: true },
      page: { page: 3, pageSize: 50 },
      sort: 'name',
    });
    expect(Object.fromEntries(addressOf(state))).toEqual(Object.fromEntries(params));
  });

  it('drops a bad value alone and keeps the rest', () => {
    const state = listStateOf(new URLSearchParams('q=宏达&sector=nonsense&page=abc&pageSize=9999&sort=drop table&keyOnly=yes'));
    expect(state).toEqual({ filters: { q: '宏达' }, page: { page: 1, pageSize: 20 }, sort: '-updatedAt' });
  });

  it('shows the first page for a page past the paging depth', () => {
    expect(listStateOf(new URLSearchParams('q=五金&page=99999999')).page).toEqual({ page: 1, pageSize: 20 });
    expect(listStateOf(new URLSearchParams('page=500')).page).toEqual({ page: 500, pageSize: 20 });
  });

  it('leaves the defaults out, so the plain list is /enterprises', () => {
    expect(addressOf(listStateOf(new URLSearchParams(''))).toString()).toBe('');
    expect(addressOf({ filters: { keyOnly: false } as never, page: { page: 1, pageSize: 20 }, sort: '-updatedAt' }).toString()).toBe('');
  });

  it('shows a sort arrow only on the sorted column, none for the default', () => {
    expect(sortOrderOf('-updatedAt', 'updatedAt')).toBeNull();
    expect(sortOrderOf('updatedAt', 'updatedAt')).toBe('ascend');
    expect(sortOrderOf('-name', 'name')).toBe('descend');
    expect(sortOrderOf('-name', 'updatedAt')).toBeNull();
  });
});
