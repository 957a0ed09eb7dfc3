// Every code the server writes into the audit log has a label for the audit page, in both languages. The registry is
// the contracts' table (packages/contracts/src/audit-labels.ts): AuditInput takes only its keys, so a new code does not
// compile without a label. This test reads the sources for what a cast or an untyped helper could slip past the type:
// every dotted literal given as an audit `action` (each side of a conditional one too), the fixed start of every
// template-literal action, and every `entityType` literal.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditActionLabels, auditEntityLabels } from '@anjian/contracts';

const src = fileURLToPath(new URL('..', import.meta.url));
const actions = new Set(Object.keys(auditActionLabels));
const entities = new Set(Object.keys(auditEntityLabels));

function* sources(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* sources(path);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) yield path;
  }
}

interface Found {
  code: string;
  where: string;
}

/** Codes as the server's sources write them, with file:line. */
function scan() {
  const literal: Found[] = [];
  const prefixes: Found[] = [];
  const entityTypes: Found[] = [];
  const code = `[a-z][A-Za-z_]*(?:\\.[A-Za-z_]+)+`;
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    const at = (i: number) => `${relative(src, file)}:${text.slice(0, i).split('\n').length}`;
    for (const m of text.matchAll(new RegExp(`\\b(?:action|audit): '(${code})'`, 'g'))) literal.push({ code: m[1]!, where: at(m.index) });
    for (const m of text.matchAll(new RegExp(`\\baction: [^,\\n]*\\? '(${code})' : '(${code})'`, 'g'))) {
      literal.push({ code: m[1]!, where: at(m.index) }, { code: m[2]!, where: at(m.index) });
    }
    for (const m of text.matchAll(/\baction: `([a-z][A-Za-z_.]*\.)\$\{/g)) prefixes.push({ code: m[1]!, where: at(m.index) });
    for (const m of text.matchAll(/\bentityType: '([^']+)'/g)) entityTypes.push({ code: m[1]!, where: at(m.index) });
  }
  return { literal, prefixes, entityTypes };
}

describe('audit labels', () => {
  const found = scan();

  it('finds the codes it checks (the patterns still match how the server writes them)', () => {
    expect(found.literal.map((f) => f.code)).toEqual(expect.arrayContaining(['auth.login', 'hazard.report', 'user.resetPassword']));
    expect(found.prefixes.map((f) => f.code)).toEqual(expect.arrayContaining(['hazard.', 'case.']));
    expect(found.entityTypes.map((f) => f.code)).toEqual(expect.arrayContaining(['enterprise', 'route']));
  });

  it('has a label for every action code the server writes', () => {
    expect(found.literal.filter((f) => !actions.has(f.code)).map((f) => `${f.code} (${f.where})`)).toEqual([]);
  });

  it('has labels for the codes a template-literal action builds', () => {
    const unlabelled = found.prefixes.filter((f) => ![...actions].some((a) => a.startsWith(f.code)));
    expect(unlabelled.map((f) => `${f.code}… (${f.where})`)).toEqual([]);
  });

  it('has a label for every entity type the server writes', () => {
    expect(found.entityTypes.filter((f) => !entities.has(f.code)).map((f) => `${f.code} (${f.where})`)).toEqual([]);
  });

  it('registers codes shaped as the log stores them (labels in both languages: code-tables.test.ts)', () => {
    for (const code of actions) expect(code).toMatch(/^[a-z][A-Za-z_]*(\.[A-Za-z_]+)+$/);
    for (const type of entities) expect(type).toMatch(/^[a-z_]+$/);
  });
});
