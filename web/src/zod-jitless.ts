// zod compiles object parsers with new Function() unless told not to. The server's Content-Security-Policy has no
// 'unsafe-eval', so the attempt would be blocked and reported as a violation. The setting must be made before any
// schema is built, i.e. before the contracts package is evaluated: main.tsx imports this module first.
import { config } from 'zod';

config({ jitless: true });
