import { describe, expect, it } from 'vitest';
import { cstDate, cstDateTime } from './time';

describe('cstDateTime', () => {
  it('shows a UTC instant as Shenzhen wall-clock time', () => {
    expect(cstDateTime('2026-12-06T09:23:49.451Z')).toBe('2026-12-06 17:23');
    expect(cstDateTime('2026-12-06T09:23:49.451Z', true)).toBe('2026-12-06 17:23:49');
  });
  it('keeps a +08:00 instant as written', () => {
    expect(cstDateTime('2026-06-18T09:30:00.000+08:00')).toBe('2026-06-18 09:30');
  });
  it('moves a late UTC evening to the next China day', () => {
    expect(cstDateTime('2026-11-22T16:30:00.000Z')).toBe('2026-11-23 00:30');
    expect(cstDate('2026-11-22T16:30:00.000Z')).toBe('2026-11-23');
  });
  it('leaves unreadable text alone', () => {
    expect(cstDateTime('—')).toBe('—');
  });
  it('shows text without an offset as written, whatever the browser zone', () => {
    expect(cstDateTime('2026-12-06T09:23:49')).toBe('2026-12-06 09:23');
    expect(cstDateTime('2026-12-06 09:23:49.123', true)).toBe('2026-12-06 09:23:49');
    expect(cstDateTime('2026-12-06')).toBe('2026-12-06');
  });
  it('reads an offset without a colon', () => {
    expect(cstDateTime('2026-12-06T09:23:49+0000')).toBe('2026-12-06 17:23');
  });
});
