// A JSON call to the API from inside a logged-in page, with that session's cookie and CSRF token: for setting up what
// a test is not about (a step another role takes, a record to act on) without clicking through it.
import type { Page } from 'playwright-core';

export async function apiAs<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = await (await fetch('/api/me')).json();
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await res.json();
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    },
    { method, url, body },
  ) as Promise<T>;
}
