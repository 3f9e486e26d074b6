import type { Db } from '../db/database.js';
import type { CitizenAction } from './complaints.schemas.js';
import { CITIZEN_ACTIONS } from './complaints.schemas.js';
import type { ComplaintView } from './complaints.read.js';
import type { ComplaintClass, ComplaintStatus, DeadlineKind } from './complaints.table.js';
import { labels } from './messages.js';
import { attachmentUrl } from './tracking.files.js';

/*
 * What the tracking page shows, from a ComplaintView (complaints.read.ts). The public part carries
 * nothing of the reporter: the reporter_* fields, the description and the address are copied only
 * into `own`, which exists only for the citizen holding the access key. On the public timeline the
 * citizen's own words (added information, the reason for reopening, the rating comment) are left
 * out for the same reason: they may name the sender; the step itself still shows.
 */

export interface TimelineEntry {
  id: string;
  action: string;
  label: string;
  message: string;
  at: string;
  /** the OPD that took the step, or the OPD it was routed to */
  agencyName: string | null;
  stars: number | null;
}

export interface AgencyLink {
  name: string;
  slug: string;
}

export interface OwnFile {
  name: string;
  kind: 'photo' | 'pdf';
  href: string;
  byCitizen: boolean;
}

/** The citizen's own view, shown only with the access key. */
export interface OwnPart {
  accessKey: string;
  reporter: { name: string; email: string; phone: string; nik: string };
  anonymous: boolean;
  confidential: boolean;
  description: string;
  address: string;
  kelurahan: string | null;
  occurredOn: string | null;
  files: OwnFile[];
  actions: CitizenAction[];
}

export interface TrackedComplaint {
  trackingCode: string;
  title: string;
  class: ComplaintClass;
  categoryName: string | null;
  status: ComplaintStatus;
  agency: AgencyLink | null;
  coAgencies: AgencyLink[];
  deadline: { kind: DeadlineKind; at: string } | null;
  receivedAt: string;
  answers: TimelineEntry[];
  timeline: TimelineEntry[];
  own: OwnPart | null;
}

function detailsOf(json: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const isCitizenAction = (action: string): action is CitizenAction =>
  (CITIZEN_ACTIONS as readonly string[]).includes(action);

export async function presentTracked(
  db: Db,
  view: ComplaintView,
  citizen: { accessKey: string; secret: string } | null,
): Promise<TrackedComplaint> {
  const c = view.complaint;
  const agencyIds = [...new Set([...view.assigneeIds, ...view.events.map((e) => e.agencyId)])].filter(
    (id): id is string => Boolean(id),
  );
  const assignedTo = view.events.flatMap((e) => {
    const id = detailsOf(e.details).agencyId;
    return e.action === 'assign' && typeof id === 'string' ? [id] : [];
  });
  const ids = [...new Set([...agencyIds, ...assignedTo])];
  const [agencies, category, region] = await Promise.all([
    ids.length
      ? db.selectFrom('agencies').select(['id', 'name', 'slug']).where('id', 'in', ids).execute()
      : Promise.resolve([]),
    c.categoryId
      ? db.selectFrom('complaintCategories').select('name').where('id', '=', c.categoryId).executeTakeFirst()
      : Promise.resolve(undefined),
    citizen && c.regionId
      ? db.selectFrom('regions').select('name').where('id', '=', c.regionId).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const link = (id: string | null | undefined): AgencyLink | null => {
    const a = id ? byId.get(id) : undefined;
    return a ? { name: a.name, slug: a.slug } : null;
  };
  const timeline: TimelineEntry[] = view.events.map((e) => {
    const details = detailsOf(e.details);
    const routedTo = e.action === 'assign' && typeof details.agencyId === 'string' ? details.agencyId : null;
    const stars = typeof details.stars === 'number' ? details.stars : null;
    const ownWords = e.actorKind === 'citizen' && isCitizenAction(e.action);
    return {
      id: e.id,
      action: e.action,
      label: labels.action[e.action as keyof typeof labels.action] ?? e.action,
      message: ownWords && !citizen ? '' : e.message,
      at: e.createdAt,
      agencyName: link(routedTo ?? e.agencyId)?.name ?? null,
      stars,
    };
  });
  return {
    trackingCode: c.trackingCode,
    title: c.title,
    class: c.class,
    categoryName: category?.name ?? null,
    status: c.status,
    agency: link(c.agencyId),
    coAgencies: view.assigneeIds
      .filter((id) => id !== c.agencyId)
      .map(link)
      .filter((a): a is AgencyLink => a !== null),
    deadline: c.deadlineAt && c.deadlineKind ? { kind: c.deadlineKind, at: c.deadlineAt } : null,
    receivedAt: c.receivedAt,
    answers: timeline.filter((e) => e.action === 'answer' && e.message).reverse(),
    timeline,
    own: citizen
      ? {
          accessKey: citizen.accessKey,
          reporter: {
            name: c.reporterName,
            email: c.reporterEmail,
            phone: c.reporterPhone,
            nik: c.reporterNik,
          },
          anonymous: c.anonymous === 1,
          confidential: c.confidential === 1,
          description: c.description,
          address: c.address,
          kelurahan: region?.name ?? null,
          occurredOn: c.occurredOn,
          files: view.attachments.map((a) => ({
            name: a.originalName,
            kind: a.kind,
            href: attachmentUrl(citizen.secret, a.id),
            byCitizen: a.uploadedBy === 'citizen',
          })),
          actions: view.actions.filter(isCitizenAction),
        }
      : null,
  };
}
