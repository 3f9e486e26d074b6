import { listAgencies } from '../agencies/agencies.repository.js';
import type { DbOrTx } from '../db/database.js';
import { isOverdue } from './complaints.deadlines.js';
import type { QueuePage } from './complaints.queries.js';
import type { ComplaintView } from './complaints.read.js';
import { CITIZEN_ACTIONS, STAFF_ACTIONS } from './complaints.schemas.js';
import type { ComplaintJson, ComplaintListJson } from './complaints.json.js';
import type { Complaint, ComplaintCategory } from './complaints.table.js';
import { labels } from './messages.js';

/*
 * A complaint as JSON (shapes in complaints.json.ts). One schema serves three readers, who see more step by step:
 *   public  — by tracking code alone: the report, its status, the OPD, the deadline, public steps;
 *   citizen — with the access key: also the sender's own data, files and the steps they may take;
 *   staff   — with a token: also the internal steps, assignees and channel; the sender only when
 *             `view.reporterVisible` (never for the OPD on an anonim complaint: UU 27/2022).
 */

/** What the route loads beside the view: names and slugs for the ids the complaint holds. */
export interface Refs {
  agencies: ReadonlyMap<string, { slug: string; name: string }>;
  category: Pick<ComplaintCategory, 'code' | 'name'> | null;
  kelurahan: string | null;
  mergedInto: string | null;
}

/** Slug and name of every agency, by id. */
export async function agencyMap(db: DbOrTx) {
  return new Map((await listAgencies(db)).map((a) => [a.id, { slug: a.slug, name: a.name }]));
}

/** The names and slugs a complaint's ids stand for (loaded by the routes, beside the view). */
export async function loadRefs(db: DbOrTx, complaint: Complaint): Promise<Refs> {
  const [agencies, category, region, merged] = await Promise.all([
    agencyMap(db),
    complaint.categoryId
      ? db
          .selectFrom('complaintCategories')
          .select(['code', 'name'])
          .where('id', '=', complaint.categoryId)
          .executeTakeFirst()
      : undefined,
    complaint.regionId
      ? db.selectFrom('regions').select('slug').where('id', '=', complaint.regionId).executeTakeFirst()
      : undefined,
    complaint.mergedIntoId
      ? db
          .selectFrom('complaints')
          .select('trackingCode')
          .where('id', '=', complaint.mergedIntoId)
          .executeTakeFirst()
      : undefined,
  ]);
  return {
    agencies,
    category: category ?? null,
    kelurahan: region?.slug ?? null,
    mergedInto: merged?.trackingCode ?? null,
  };
}

export type Audience = 'public' | 'citizen' | 'staff';

function presentEvents(view: ComplaintView, refs: Refs, audience: Audience) {
  return view.events.map((e) => ({
    action: e.action,
    label: labels.action[e.action as keyof typeof labels.action] ?? e.action,
    status: e.toStatus,
    at: e.createdAt,
    actor: e.actorKind,
    agency: e.agencyId ? (refs.agencies.get(e.agencyId)?.slug ?? null) : null,
    message: e.message,
    ...(audience === 'staff' ? { internal_note: e.internalNote, visibility: e.visibility } : {}),
  }));
}

/** One complaint as `audience` may see it; `view` comes from readComplaint for that reader. */
export function presentComplaint(
  view: ComplaintView,
  refs: Refs,
  audience: Audience,
  at: string,
): ComplaintJson {
  const c = view.complaint;
  const agency = c.agencyId ? refs.agencies.get(c.agencyId) : undefined;
  const base: ComplaintJson = {
    view: audience,
    tracking_code: c.trackingCode,
    class: c.class,
    title: c.title,
    description: c.description,
    category: refs.category ? { code: refs.category.code, name: refs.category.name } : null,
    kelurahan: refs.kelurahan,
    address: c.address,
    lat: c.lat,
    lng: c.lng,
    occurred_on: c.occurredOn,
    status: c.status,
    status_label: labels.status[c.status],
    anonymous: c.anonymous === 1,
    confidential: c.confidential === 1,
    agency: agency ? { slug: agency.slug, name: agency.name } : null,
    deadline_at: c.deadlineAt,
    deadline_kind: c.deadlineKind,
    overdue: isOverdue(c.deadlineAt, at),
    received_at: c.receivedAt,
    answered_at: c.answeredAt,
    closed_at: c.closedAt,
    updated_at: c.updatedAt,
    rating: c.rating,
    timeline: presentEvents(view, refs, audience),
    actions: audience === 'public' ? [] : view.actions,
  };
  if (audience === 'public') return base;
  const withPrivate: ComplaintJson = {
    ...base,
    rating_comment: c.ratingComment,
    reporter: view.reporterVisible
      ? { name: c.reporterName, email: c.reporterEmail, phone: c.reporterPhone, nik: c.reporterNik }
      : null,
    attachments: view.attachments.map((a) => ({
      id: a.id,
      kind: a.kind,
      mime: a.mime,
      bytes: a.bytes,
      // A file name such as "ktp_siti.jpg" can name the sender as surely as the name field.
      name: view.reporterVisible || a.uploadedBy === 'staff' ? a.originalName : '',
      visibility: a.visibility,
      uploaded_by: a.uploadedBy,
      created_at: a.createdAt,
    })),
  };
  if (audience === 'citizen') return withPrivate;
  return {
    ...withPrivate,
    channel: c.channel,
    lapor_number: c.laporNumber,
    assignees: view.assigneeIds.map((id, i) => ({
      slug: refs.agencies.get(id)?.slug ?? '',
      name: refs.agencies.get(id)?.name ?? '',
      role: i === 0 && id === c.agencyId ? 'lead' : 'co',
    })),
    handoffs: c.handoffs,
    reopened: c.reopened,
    resolution_due_at: c.resolutionDueAt,
    merged_into: refs.mergedInto,
  };
}

export function presentQueue(
  page: QueuePage,
  agencies: ReadonlyMap<string, { slug: string; name: string }>,
  at: string,
): ComplaintListJson {
  return {
    items: page.rows.map((r) => {
      const agency = r.agencyId ? agencies.get(r.agencyId) : undefined;
      return {
        tracking_code: r.trackingCode,
        title: r.title,
        class: r.class,
        channel: r.channel,
        status: r.status,
        status_label: labels.status[r.status],
        anonymous: r.anonymous === 1,
        confidential: r.confidential === 1,
        agency: agency ? { slug: agency.slug, name: agency.name } : null,
        category: r.categoryName,
        deadline_at: r.deadlineAt,
        deadline_kind: r.deadlineKind,
        overdue: isOverdue(r.deadlineAt, at),
        received_at: r.receivedAt,
        handoffs: Number(r.handoffs),
        reopened: Number(r.reopened),
      };
    }),
    page: page.page,
    has_next: page.hasNext,
  };
}

/** The steps the API accepts, for the OpenAPI description. */
export const ACTION_SUMMARY =
  `Langkah petugas (dengan token): ${STAFF_ACTIONS.join(', ')}. ` +
  `Langkah pelapor (dengan access_key): ${CITIZEN_ACTIONS.join(', ')}.`;
