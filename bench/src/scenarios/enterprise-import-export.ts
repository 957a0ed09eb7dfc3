// Import of 100,000 rows from .xlsx (rows/s, against PostgreSQL COPY of the same rows into a table
// with the same columns and indexes) and export of 100,000 rows (rows/s and the server's peak RSS).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { completeCreditCode, CREDIT_CODE_CHARSET } from '../../../server/src/reference/credit-code';
import { login, startPlatform, type ScenarioResult } from '../lib';
import { ensureDatabase, measureList, pgAvailable } from './enterprises';
import { openDirect } from '../direct';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const SECTORS: [string, string][] = [
  ['机械', 'machinery'],
  ['轻工', 'light_industry'],
  ['商贸', 'commerce'],
  ['建材', 'building_materials'],
];

interface Row {
  name: string;
  code: string;
  address: string;
  area: string;
  sector: [string, string];
  principal: string;
  phone: string;
  employees: number;
}

function rows(n: number, communities: string[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < n; i++) {
    let k = i + 1_000_000;
    let body = '';
    for (let d = 0; d < 7; d++) {
      body = CREDIT_CODE_CHARSET[k % 31] + body;
      k = Math.floor(k / 31);
    }
    out.push({
      name: `深圳市龙岗区基准导入${i}号制品有限公司`,
      code: completeCreditCode(`91440307MB${body}`),
      address: `龙岗区基准路${i}号`,
      area: communities[i % communities.length]!,
      sector: SECTORS[i % SECTORS.length]!,
      principal: `张${i % 97}`,
      phone: `139${String(i).padStart(8, '0')}`,
      employees: 5 + (i % 300),
    });
  }
  return out;
}

async function writeXlsx(file: string, data: Row[], headers: string[]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(headers).commit();
  const at = (h: string) => headers.findIndex((x) => x.replace(/\*$/, '') === h);
  for (const r of data) {
    const cells: (string | number)[] = new Array(headers.length).fill('');
    cells[at('企业名称')] = r.name;
    cells[at('统一社会信用代码')] = r.code;
    cells[at('经营地址')] = r.address;
    cells[at('所属区划代码')] = r.area;
    cells[at('监管行业')] = r.sector[0];
    cells[at('主要负责人')] = r.principal;
    cells[at('主要负责人电话')] = r.phone;
    cells[at('从业人数')] = r.employees;
    ws.addRow(cells).commit();
  }
  await wb.commit();
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

export async function importExportScenario(): Promise<ScenarioResult[]> {
  if (!(await pgAvailable())) return [];
  const url = await ensureDatabase('anjian_bench_io', true);
  const platform = await startPlatform({ DATABASE_URL: url });
  // The server as started, for comparison with the idle baseline below, which comes after the import: the import's
  // garbage is still on V8's heap then, until a full GC that nothing forces.
  const rssStarted = rssOf(platform.proc.pid!);
  try {
    const s = await login(platform.url, 'officer');
    const template = await fetch(`${platform.url}/api/enterprises/import-template`, { headers: { cookie: s.cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await template.arrayBuffer());
    const headers = (wb.getWorksheet('企业名录')!.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const communities = (
      await client.query<{ code: string }>(
        `select code from areas where level = 'community' and code like '440307%' order by code limit 12`,
      )
    ).rows.map((r) => r.code);
    const data = rows(ROWS, communities);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'anjian-bench-io-')), 'import.xlsx');
    await writeXlsx(file, data, headers);

    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(file)]), 'import.xlsx');
    const t0 = performance.now();
    const res = await fetch(`${platform.url}/api/enterprises/import?dryRun=false`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: form,
    });
    const report = (await res.json()) as { created: number; rejected: number; errors: unknown[] };
    const importMs = performance.now() - t0;
    if (!res.ok || report.created !== ROWS) throw new Error(`import: ${res.status} ${JSON.stringify(report).slice(0, 400)}`);
    // The list + search mix straight after the bulk path (issue #19): the import settles the table it loaded.
    const direct = await openDirect({ databaseUrl: url });
    const afterImport = await measureList(platform, direct, 'postgres', 200, 4, '; straight after the import');
    await direct.close();

    // Baseline: COPY the same rows into a table with the same columns, defaults and indexes.
    await client.query('drop table if exists bench_copy; create table bench_copy (like enterprises including all)');
    const csv = data.map(
      (r) => [r.name, r.code, r.address, r.area, r.sector[1], 'enterprise', r.principal, r.phone, r.employees].join(',') + '\n',
    );
    const c0 = performance.now();
    await pipeline(
      Readable.from(csv),
      client.query(
        copyFrom(
          'copy bench_copy (name, credit_code, address, area_code, sector, unit_type, principal_name, principal_phone, employees) from stdin with (format csv)',
        ),
      ),
    );
    const copyMs = performance.now() - c0;
    await client.query('drop table bench_copy');
    await client.end();

    // Export everything in scope while sampling the server's resident memory.
    const pid = platform.proc.pid!;
    const rssBefore = rssOf(pid);
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 25);
    const e0 = performance.now();
    const exp = await fetch(`${platform.url}/api/enterprises/export`, { headers: { cookie: s.cookie } });
    const bytes = (await exp.arrayBuffer()).byteLength;
    const exportMs = performance.now() - e0;
    clearInterval(sampler);
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.load(
      await (
        await fetch(`${platform.url}/api/enterprises/export?q=${encodeURIComponent('基准导入1')}`, { headers: { cookie: s.cookie } })
      ).arrayBuffer(),
    );
    const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
    return [
      afterImport,
      {
        name: `POST /api/enterprises/import (${ROWS.toLocaleString('en')} rows .xlsx) vs COPY`,
        engine: 'postgres',
        metrics: {
          importSeconds: importMs / 1000,
          rowsPerSec: ROWS / (importMs / 1000),
          copySeconds: copyMs / 1000,
          copyRowsPerSec: ROWS / (copyMs / 1000),
          xlsxMB: mb(fs.statSync(file).size),
        },
        ratios: { importVsCopyTime: importMs / copyMs },
        targets: { 'within 5× of COPY': { limit: 5, met: importMs / copyMs <= 5 } },
        notes: 'import parses and validates every row (GB 32100, areas, scope) and writes audit entries; COPY only loads',
      },
      {
        name: `GET /api/enterprises/export (${(ROWS + 2000).toLocaleString('en')}+ rows in scope)`,
        engine: 'postgres',
        metrics: {
          exportSeconds: exportMs / 1000,
          rowsPerSec: (ROWS + 2000) / (exportMs / 1000),
          xlsxMB: mb(bytes),
          rssStartedMB: mb(rssStarted),
          rssBeforeMB: mb(rssBefore),
          rssPeakMB: mb(peak),
          sampleRows: exported.getWorksheet(1)?.rowCount ?? 0,
        },
        ratios: { peakRssVsIdle: peak / rssBefore },
        notes: 'streamed with keyset paging; peak RSS of the server process sampled every 25 ms',
      },
    ];
  } finally {
    await platform.stop();
  }
}
