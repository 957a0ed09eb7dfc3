import { describe, expect, it } from 'vitest';
import { eachYielding } from './yielding';

describe('eachYielding', () => {
  it('visits every item in order', async () => {
    const seen: number[] = [];
    await eachYielding([...Array(250).keys()], (i) => seen.push(i), 100);
    expect(seen).toEqual([...Array(250).keys()]);
  });

  it('lets work queued meanwhile run after each batch, not only after the whole loop', async () => {
    let done = 0;
    const turns: number[] = [];
    const other = () => {
      if (done < 0) return;
      turns.push(done);
      setImmediate(other);
    };
    setImmediate(other);
    await eachYielding([...Array(250).keys()], () => done++, 100);
    // Without the yields the other work would first run once all 250 were done.
    expect(turns).toEqual([100, 200]);
    done = -1; // stops the ticker on its next turn
  });
});
