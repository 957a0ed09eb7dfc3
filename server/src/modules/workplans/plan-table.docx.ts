// The task tables of a Word document (.docx) as text grids. word/document.xml is read with fflate (unzip) and saxes
// (XML), both already in the dependency tree; `docx` only writes. Word writes a vertically merged cell as a first
// cell with <w:vMerge w:val="restart"/> and, in each row below, a cell with a bare <w:vMerge/> ("continue") and no
// text: such a cell takes the text of the cell above it in the same grid column. A horizontally merged cell is one
// <w:tc> with <w:gridSpan w:val="n"/>: it fills n grid columns, its text in the first. Only top-level tables count;
// the text of a table nested in a cell belongs to that cell. Deleted text (w:delText) is not text.
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

const local = (name: string) => name.slice(name.indexOf(':') + 1);
const MAX_XML = 50 * 1024 * 1024;

/** word/document.xml of a .docx, or null when the zip holds none (or it would unpack beyond 50 MB). */
export function documentXml(zip: Uint8Array): string | null {
  let tooBig = false;
  const files = unzipSync(zip, {
    filter: (f) => {
      if (f.name !== 'word/document.xml') return false;
      if (f.originalSize > MAX_XML) tooBig = true;
      return !tooBig;
    },
  });
  const xml = files['word/document.xml'];
  return xml && !tooBig ? new TextDecoder().decode(xml) : null;
}

interface Cell {
  text: string;
  span: number;
  vMerge: 'restart' | 'continue' | null;
}

/** Every top-level table of the document, each as rows of grid-column text. */
export function docxTables(xml: string): string[][][] {
  const tables: string[][][] = [];
  let depth = 0; // table nesting
  let rows: Cell[][] = [];
  let row: Cell[] | null = null;
  let cell: Cell | null = null;
  let gridBefore = 0;
  let paragraphs: string[] = [];
  let inText = false;
  const parser = new SaxesParser();
  parser.on('opentag', (node) => {
    const name = local(node.name);
    const val = (node.attributes as Record<string, string>)['w:val'];
    if (name === 'tbl') {
      depth++;
      if (depth === 1) rows = [];
      return;
    }
    if (depth !== 1 && !(cell && depth > 1)) return;
    if (depth === 1) {
      if (name === 'tr') {
        row = [];
        gridBefore = 0;
      } else if (name === 'gridBefore' && row && !cell) gridBefore = Number(val) || 0;
      else if (name === 'tc') {
        cell = { text: '', span: 1, vMerge: null };
        paragraphs = [''];
      } else if (cell && name === 'gridSpan') cell.span = Math.max(1, Number(val) || 1);
      else if (cell && name === 'vMerge') cell.vMerge = val === 'restart' ? 'restart' : 'continue';
    }
    if (!cell) return;
    if (name === 'p' && paragraphs[paragraphs.length - 1] !== '') paragraphs.push('');
    else if (name === 't') inText = true;
    else if (name === 'tab') paragraphs[paragraphs.length - 1] += ' ';
    else if (name === 'br' || name === 'cr') paragraphs[paragraphs.length - 1] += '\n';
  });
  parser.on('text', (t) => {
    if (inText && cell) paragraphs[paragraphs.length - 1] += t;
  });
  parser.on('closetag', (node) => {
    const name = local(node.name);
    if (name === 't') inText = false;
    else if (name === 'tbl') {
      if (depth === 1) tables.push(toGrid(rows));
      depth--;
    } else if (depth === 1 && name === 'tc' && cell && row) {
      cell.text = paragraphs.filter((p) => p !== '').join('\n');
      row.push(cell);
      cell = null;
    } else if (depth === 1 && name === 'tr' && row) {
      if (gridBefore) row.unshift({ text: '', span: gridBefore, vMerge: null });
      rows.push(row);
      row = null;
    }
  });
  parser.write(xml).close();
  return tables;
}

function toGrid(rows: Cell[][]): string[][] {
  const grid: string[][] = [];
  rows.forEach((cells, r) => {
    const line: string[] = [];
    for (const c of cells) {
      const col = line.length;
      const text = c.vMerge === 'continue' ? (grid[r - 1]?.[col] ?? '') : c.text;
      line.push(text);
      for (let i = 1; i < c.span; i++) line.push('');
    }
    grid.push(line);
  });
  return grid;
}
