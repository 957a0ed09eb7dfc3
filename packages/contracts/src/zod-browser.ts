// zod compiles object parsers with new Function() unless told not to, and it probes for that the first time an
// object schema is built. In the browser the server's Content-Security-Policy has no 'unsafe-eval', so the probe is
// blocked and reported as a violation. The setting must come before any schema of this package is built; as the
// first import of index.ts it runs first even when the bundler puts the package in a chunk of its own (an
// application-level import in main.tsx did not: the chunk's schemas were evaluated before it). On the server
// (no document) zod keeps compiling its parsers.
import { config } from 'zod';

if (typeof (globalThis as { document?: unknown }).document !== 'undefined') config({ jitless: true });
