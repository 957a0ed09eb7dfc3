// Long synchronous loops in a request (an export's rows) give the event loop a turn now and then, so that the
// other users' requests on the same process are served meanwhile instead of after the whole loop.

/** Runs `fn` over `items` in order, yielding to the event loop (setImmediate) after every `every` items. */
export async function eachYielding<T>(items: Iterable<T>, fn: (item: T) => void, every = 100): Promise<void> {
  let n = 0;
  for (const item of items) {
    fn(item);
    if (++n % every === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
