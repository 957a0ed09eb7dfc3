import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/db/schema (the one source of truth) and committed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
});
