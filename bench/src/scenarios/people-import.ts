// Issue 16 §8: import of 100,000 三项岗位 people from .xlsx within 5× of COPY. Subject: POST /api/people/import through
// the real server, as the demo enterprise's safety manager, in files of 20,000 rows (the route's cap per file) sent one
// after another; each row is read, checked (schema, GB 11643 check character, dates, duplicate by keyed hash), sealed,
// masked, inserted and audited, with one summary rewrite per file. Baseline: PostgreSQL COPY of the same 100,000 rows
// (identity numbers already sealed, masked and hashed outside the timing) into a table with the people table's
// columns, defaults and indexes. Then another user's page (an officer's enterprise list) alone and during one more
// file's import: the file is parsed, checked and sealed in the spreadsheet reading thread, not on the request thread.
// BENCH_PEOPLE_IMPORT_ROWS sets the size; a fresh database (anjian_bench_people_io).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DEV_PEOPLE_VAULT_KEY } from '../../../server/src/platform/config';
import { maskIdNumber } from '../../../server/src/platform/masking';
import { hashIdNumber, sealIdNumber } from '../../../server/src/modules/people/people.vault';
import { login, percentiles, settle, startPlatform, type Latency, type ScenarioResult } from '../lib';
import { ensureDatabase, pgAvailable } from './enterprises';

const ROWS = Number(process.env.BENCH_PEOPLE_IMPORT_ROWS ?? 100_000);
const PER_FILE = 20_000;
const POSTS = ['主要负责人', '安全管理人员', '特种作业人员', '特种作业人员', '特种设备作业人员', '其他关键岗位'];
const POST_KEYS = ['principal', 'safety_manager', 'special_operator', 'special_operator', 'equipment_operator', 'other'];

/** A valid 居民身份证号: 110101 (not the demo district's), a birth date from 1970-01-01 on, a sequence, the check character. */
function idNumber(i: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + (i % 12_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const body = `110101${birth}${String(Math.floor(i / 12_000)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, k) => acc + Number(d) * weights[k]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

interface Row {
  name: string;
  id: string;
  phone: string;
  post: number;
  title: string;
  from: string;
}

const rowOf = (i: number): Row => ({
  name: `基准员工${i}`,
  id: idNumber(i),
  phone: `139${String(i).padStart(8, '0')}`,
  post: i % POSTS.length,
  title: `岗位${i % 50}`,
  from: new Date(Date.UTC(2015, 0, 1) + (i % 3000) * 86_400_000).toISOString().slice(0, 10),
});

async function writeXlsx(file: string, from: number, to: number) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('人员名单');
  ws.addRow(['姓名', '身份证号', '手机', '岗位', '岗位名称', '上岗日期']).commit();
  for (let i = from; i < to; i++) {
    const r = rowOf(i);
    ws.addRow([r.name, r.id, r.phone, POSTS[r.post], r.title, r.from]).commit();
  }
  await wb.commit();
}

const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export async function peopleImportScenario(): Promise<ScenarioResult[]> {
  if (!(await pgAvailable())) return [];
  const url = await ensureDatabase('anjian_bench_people_io', true);
  const platform = await startPlatform({ DATABASE_URL: url });
  try {
    const s = await login(platform.url, 'ent_safety');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anjian-bench-people-io-'));
    const files: string[] = [];
    for (let lo = 0; lo < ROWS; lo += PER_FILE) {
      const file = path.join(dir, `people-${lo}.xlsx`);
      await writeXlsx(file, lo, Math.min(ROWS, lo + PER_FILE));
      files.push(file);
    }
    // The first start's own work (the day's jobs over the demo district) is not the import's.
    const settleMs = await settle(platform);
    const upload = async (file: string) => {
      const form = new FormData();
      form.append('file', new Blob([fs.readFileSync(file)]), path.basename(file));
      const res = await fetch(`${platform.url}/api/people/import?dryRun=false`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        body: form,
      });
      const report = (await res.json()) as { created: number; rejected: number; errors: unknown[] };
      if (!res.ok || report.rejected) throw new Error(`people import: ${res.status} ${JSON.stringify(report).slice(0, 400)}`);
      return report.created;
    };
    const perFile: number[] = [];
    let created = 0;
    for (const file of files) {
      const t0 = performance.now();
      created += await upload(file);
      perFile.push(performance.now() - t0);
    }
    if (created !== ROWS) throw new Error(`people import: created ${created} of ${ROWS}`);
    const importMs = perFile.reduce((a, b) => a + b, 0);

    // Another user meanwhile: an officer's enterprise list, one request every 50 ms, alone and then while one more
    // file of PER_FILE rows is imported (after the timed files, so it does not slow them).
    const officer = await login(platform.url, 'officer');
    const page = async () => {
      const t0 = performance.now();
      const res = await fetch(`${platform.url}/api/enterprises?page=1&pageSize=20`, { headers: { cookie: officer.cookie } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`enterprise list: ${res.status}`);
      return performance.now() - t0;
    };
    const probe = async (until: () => boolean): Promise<Latency> => {
      const samples: number[] = [];
      while (!until()) {
        samples.push(await page());
        await new Promise((r) => setTimeout(r, 50));
      }
      return percentiles(samples);
    };
    // Alone means after the server has linked the imported entries into the audit chain, which it does after commit.
    await settle(platform);
    let n = 0;
    const listAlone = await probe(() => ++n > 60);
    const extra = path.join(dir, 'people-extra.xlsx');
    await writeXlsx(extra, ROWS, ROWS + PER_FILE);
    let importing = true;
    const during = probe(() => !importing);
    await upload(extra).finally(() => (importing = false));
    const listDuringImport = await during;

    // Baseline: COPY the same rows, sealed and hashed beforehand, into a table like people.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const [ent] = (
      await client.query<{ enterprise_id: string; area_code: string; sector: string; park_id: string | null }>(
        `select enterprise_id, area_code, sector, park_id from people where name = $1`,
        [rowOf(0).name],
      )
    ).rows;
    const csv: string[] = [];
    for (let i = 0; i < ROWS; i++) {
      const r = rowOf(i);
      const { sealed, keyId } = sealIdNumber(DEV_PEOPLE_VAULT_KEY, r.id);
      csv.push(
        [
          ent!.enterprise_id,
          ent!.area_code,
          ent!.sector,
          ent!.park_id ?? '',
          r.name,
          sealed,
          keyId,
          maskIdNumber(r.id)!,
          hashIdNumber(DEV_PEOPLE_VAULT_KEY, r.id),
          r.phone,
          POST_KEYS[r.post]!,
          r.title,
          r.from,
        ]
          .map(csvField)
          .join(',') + '\n',
      );
    }
    await client.query('drop table if exists bench_copy; create table bench_copy (like people including all)');
    const c0 = performance.now();
    await pipeline(
      Readable.from(csv),
      client.query(
        copyFrom(
          `copy bench_copy (enterprise_id, area_code, sector, park_id, name, id_number_sealed, id_number_key_id, id_number_masked,
                            id_number_hash, phone, post, post_title, employed_from) from stdin with (format csv)`,
        ),
      ),
    );
    const copyMs = performance.now() - c0;
    await client.query('drop table bench_copy');
    await client.end();
    const ratio = importMs / copyMs;
    return [
      {
        name: `POST /api/people/import (${ROWS.toLocaleString('en')} people .xlsx) vs COPY`,
        engine: 'postgres',
        metrics: {
          importSeconds: importMs / 1000,
          rowsPerSec: ROWS / (importMs / 1000),
          perFileSeconds: perFile.map((ms) => Math.round(ms) / 1000),
          copySeconds: copyMs / 1000,
          copyRowsPerSec: ROWS / (copyMs / 1000),
          settleSeconds: Math.round(settleMs / 1000),
          listAlone,
          listDuringImport,
        },
        ratios: { importVsCopyTime: ratio, listP95DuringImport: listDuringImport.p95ms / listAlone.p95ms },
        targets: { 'within 5× of COPY': { limit: 5, met: ratio <= 5 } },
        notes:
          `${files.length} files of ≤ ${PER_FILE.toLocaleString('en')} rows (the route's cap) into one enterprise, one after another; ` +
          'every row checked, sealed, hashed, inserted and audited; COPY of the same rows (sealed beforehand) only loads; ' +
          `an officer's enterprise list every 50 ms, alone and while one more file of ${PER_FILE.toLocaleString('en')} rows is imported`,
      },
    ];
  } finally {
    await platform.stop();
  }
}
