// What a rate table shows. Its rows are the child areas of the area asked for and its 合计 that area itself; an area
// with no child areas (a community, as a grid inspector sees it) has no rows but a total with figures, which under an
// empty table read as "暂无数据" above "合计 1/1 100 %". Such an area is shown as its own one row instead.

export function rateTableRows<R>(rows: R[], total: R | undefined): { rows: R[]; total: R | undefined; own: boolean } {
  return rows.length === 0 && total ? { rows: [total], total: undefined, own: true } : { rows, total, own: false };
}
