// Column helpers shared by every schema file: instants are timestamptz read as Date; calendar dates
// stay 'YYYY-MM-DD' text on both engines.
import { date, timestamp } from 'drizzle-orm/pg-core';

export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const day = (name: string) => date(name, { mode: 'string' });
