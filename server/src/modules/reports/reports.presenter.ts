// Report → response whitelist. The reporter's identity is not a field of the row (it lives in the vault), and
// nothing here reads the vault: list, detail, audit and events present the same whitelist. Mobiles and identity
// numbers inside the description are masked (platform/masking.ts maskFreeText) for every reader.
import type { PublicReportStatus, ReportCategory, ReportChannel, ReportDetail, ReportStatus, ReportView } from '@anjian/contracts';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { findReportHistory, reportNames } from './reports.queries';
import { availableReportActions, type ReportRow } from './reports.workflow';
import { can } from '@anjian/contracts';
import { maskFreeText } from '../../platform/masking';
import { daysLeft, extensionRefusal } from './reports.rules';
import { findReportLinks, presentLink } from './reports.links';
import { findReportPhotos, presentReportPhoto, presentTrackedPhoto } from './reports.photos';
import type { FileRow } from '../../platform/files';

export function isOverdue(row: Pick<ReportRow, 'status' | 'acceptDue' | 'handleDue'>, today: string): boolean {
  if (row.status === 'received') return row.acceptDue < today;
  if (row.status === 'accepted' || row.status === 'handling') return !!row.handleDue && row.handleDue < today;
  return false;
}

/** Statuses in which the investigation's products may be linked or unlinked. */
export const LINKABLE: readonly string[] = ['accepted', 'handling', 'replied'];

type Names = Awaited<ReturnType<typeof reportNames>>;

export function presentReport(actor: Actor, row: ReportRow, names: Names, today: string): ReportView {
  const abilities: string[] = availableReportActions(actor, row);
  if (row.named && can(actor.role, 'report.revealReporter')) abilities.push('revealReporter');
  if (can(actor.role, 'report.extend') && extensionRefusal(row, 1) === null) abilities.push('extend');
  if (can(actor.role, 'report.handle') && LINKABLE.includes(row.status)) abilities.push('link');
  return {
    id: row.id,
    category: row.category as ReportCategory,
    channel: row.channel as ReportChannel,
    channelRef: row.channelRef,
    areaCode: row.areaCode,
    areaName: names.areas.get(row.areaCode) ?? null,
    address: row.address,
    lon: row.lon,
    lat: row.lat,
    enterpriseName: row.enterpriseName,
    occurredOn: row.occurredOn,
    // A reporter who writes a mobile or an ID number into the text must not be identified through it.
    description: maskFreeText(row.description),
    named: row.named,
    status: row.status as ReportStatus,
    submittedOn: row.submittedOn,
    acceptDue: row.acceptDue,
    acceptedOn: row.acceptedOn,
    handleDue: row.handleDue,
    overdue: isOverdue(row, today),
    daysLeft: daysLeft(row, today),
    extendedDays: row.extendedDays,
    extensionReason: row.extensionReason,
    extendedOn: row.extendedOn,
    decisionReason: row.decisionReason,
    transferTarget: row.transferTarget,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeId ? (names.users.get(row.assigneeId) ?? null) : null,
    findings: row.findings,
    reply: row.reply,
    repliedOn: row.repliedOn,
    closedOn: row.closedOn,
    version: row.version,
    mergedIntoId: row.mergedInto,
    reporterCount: row.reporterCount,
    abilities,
  };
}

export async function presentReports(db: DbOrTx, actor: Actor, rows: ReportRow[], today: string) {
  const names = await reportNames(db, rows);
  return rows.map((r) => presentReport(actor, r, names, today));
}

export async function presentReportDetail(db: DbOrTx, actor: Actor, row: ReportRow, today: string): Promise<ReportDetail> {
  const [view] = await presentReports(db, actor, [row], today);
  const [history, links, photos] = await Promise.all([
    findReportHistory(db, row.id),
    findReportLinks(db, row.id),
    findReportPhotos(db, [row.id]),
  ]);
  return {
    ...view!,
    history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
    links: links.map(presentLink),
    photos: (photos.get(row.id) ?? []).map(presentReportPhoto),
  };
}

/**
 * What a tracking code shows: the stage, the reply and — when the handling limit was extended — why, by how much and
 * until when (rules.md §8: the reporter is told the reason). The reason is an officer's text: identity and mobile
 * numbers in it are masked like the description's. The reporter's own photos are listed under the code; nothing else
 * of the report (or any other) leaves.
 */
export function presentPublicStatus(
  code: string,
  row: {
    status: string;
    submittedOn: string;
    reply: string | null;
    extensionReason: string | null;
    extendedDays: number | null;
    extendedOn: string | null;
    handleDue: string | null;
  },
  photos: FileRow[],
): PublicReportStatus {
  const extended = row.extensionReason && row.extendedDays && row.extendedOn && row.handleDue;
  return {
    status: row.status as ReportStatus,
    submittedOn: row.submittedOn,
    reply: row.reply,
    extension: extended
      ? { reason: maskFreeText(row.extensionReason!), days: row.extendedDays!, extendedOn: row.extendedOn!, handleDue: row.handleDue! }
      : null,
    photos: photos.map((f) => presentTrackedPhoto(code, f)),
  };
}

/** The audit entry's picture of a report: the whitelist minus abilities — never the reporter. */
export function auditRow(row: ReportRow) {
  return {
    status: row.status,
    category: row.category,
    channel: row.channel,
    areaCode: row.areaCode,
    assigneeId: row.assigneeId,
    decisionReason: row.decisionReason,
    transferTarget: row.transferTarget,
    handleDue: row.handleDue,
    extensionReason: row.extensionReason,
    version: row.version,
  };
}
