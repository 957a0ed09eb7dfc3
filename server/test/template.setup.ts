// Vitest global setup for the database projects: migrate one template database per run, and let every test file
// start from a copy of it instead of replaying the whole migration history (tens of statements per migration, over
// fifty migrations, once per file and engine). PGlite gets the template as a dumped data directory on disk;
// PostgreSQL gets a template database that `create database … template` copies. openTestDatabase (./db.ts) uses it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../src/platform/db';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (project.config.env?.ANJIAN_TEST_ENGINE === 'postgres') return postgresTemplate(project);
  return pgliteTemplate(project);
}

async function pgliteTemplate(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anjian-template-'));
  const d = await openPglite(null);
  await d.migrate();
  const client = (d.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  await d.close();
  const file = path.join(dir, 'pglite.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}

async function postgresTemplate(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('the db:postgres project needs TEST_DATABASE_URL');
  const name = `anjian_tpl_${randomBytes(6).toString('hex')}`;
  await adminQuery(base, `create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const d = await openPostgres(url.toString(), { max: 2 });
  await d.migrate();
  await d.close();
  project.provide('postgresTemplate', name);
  return () => adminQuery(base, `drop database if exists ${name} with (force)`);
}

async function adminQuery(url: string, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}
