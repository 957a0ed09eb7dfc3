import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('takes the documented defaults and whole numbers as given', () => {
    expect(loadConfig({}, []).session).toEqual({ idleMinutes: 30, absoluteHours: 12, cacheMs: 2000 });
    expect(loadConfig({ ANJIAN_SESSION_CACHE_MS: '0', PORT: ' 8080 ' }, []).session.cacheMs).toBe(0);
    expect(loadConfig({ PORT: ' 8080 ' }, []).port).toBe(8080);
  });

  it('refuses to start on a number setting that is not a whole number, naming it', () => {
    for (const bad of ['abc', '2s', '-1', '1.5', 'NaN']) {
      expect(() => loadConfig({ ANJIAN_SESSION_CACHE_MS: bad }, [])).toThrow(/ANJIAN_SESSION_CACHE_MS must be a whole number/);
    }
    expect(() => loadConfig({ ANJIAN_LOCK_FAILURES: '五' }, [])).toThrow(/ANJIAN_LOCK_FAILURES/);
  });
});
