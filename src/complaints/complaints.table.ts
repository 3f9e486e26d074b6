import type { Insertable, Selectable } from 'kysely';
import { everyColumn } from '../db/prepared.js';

/** The three classes SP4N-LAPOR! uses. */
export const COMPLAINT_CLASSES = ['pengaduan', 'aspirasi', 'permintaan_informasi'] as const;
export type ComplaintClass = (typeof COMPLAINT_CLASSES)[number];

/** How a complaint reached the city: the web form and API, or staff entering one that came otherwise. */
export const COMPLAINT_CHANNELS = [
  'web',
  'api',
  'open311',
  'whatsapp',
  'phone',
  'letter',
  'walk_in',
  'social_media',
  'lapor',
] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
/** The channels staff record by hand. */
export const STAFF_CHANNELS = ['whatsapp', 'phone', 'letter', 'walk_in', 'social_media', 'lapor'] as const;

/** The states of the workflow (src/complaints/complaints.workflow.ts). */
export const COMPLAINT_STATUSES = [
  'received',
  'verified',
  'on_hold',
  'assigned',
  'in_progress',
  'answered',
  'closed',
  'not_authority',
  'archived',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
/** States in which nothing more is expected of anyone. */
export const FINAL_STATUSES: readonly ComplaintStatus[] = ['closed', 'not_authority', 'archived'];

/** Which deadline runs now: verification by the coordinator, the OPD's follow-up, or auto-closing. */
export const DEADLINE_KINDS = ['verify', 'follow_up', 'auto_close'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const ARCHIVE_REASONS = ['spam', 'too_general', 'not_public_service', 'duplicate'] as const;
export type ArchiveReason = (typeof ARCHIVE_REASONS)[number];

export type Visibility = 'public' | 'internal';
export type ActorKind = 'staff' | 'citizen' | 'system';

export interface ComplaintCategoryTable {
  id: string;
  /** the Open311 service_code; stable, lowercase */
  code: string;
  name: string;
  description: string;
  defaultAgencyId: string | null;
  position: number;
  createdAt: string;
}

export interface ComplaintTable {
  id: string;
  trackingCode: string;
  /** SHA-256 of the citizen's access key */
  accessKeyHash: string;
  /** the form's one-time key: a double submit finds the complaint the first one made */
  submissionKey: string | null;
  class: ComplaintClass;
  channel: ComplaintChannel;
  /** the SP4N-LAPOR! tracking number, as a cross-reference */
  laporNumber: string;
  title: string;
  description: string;
  categoryId: string | null;
  /** the kelurahan */
  regionId: string | null;
  address: string;
  lat: number | null;
  lng: number | null;
  /** local date 'YYYY-MM-DD' of the event */
  occurredOn: string | null;
  status: ComplaintStatus;
  /** the status to go back to when a complaint on hold gets the information it waited for */
  heldFrom: ComplaintStatus | null;
  /** the OPD handling it (the lead assignee) */
  agencyId: string | null;
  /** 1: identity hidden from the public and the OPD */
  anonymous: number;
  /** 1: not public at all */
  confidential: number;
  reporterName: string;
  reporterEmail: string;
  reporterPhone: string;
  reporterNik: string;
  consentAt: string | null;
  personalDataRemovedAt: string | null;
  /** the deadline that runs now; null when none does (on hold, or final) */
  deadlineAt: string | null;
  deadlineKind: DeadlineKind | null;
  /** the hard cap: received plus the maximum days to resolution */
  resolutionDueAt: string;
  receivedAt: string;
  verifiedAt: string | null;
  assignedAt: string | null;
  /** the follow-up deadline the first answer is measured against */
  firstAnswerDueAt: string | null;
  answeredAt: string | null;
  firstAnsweredAt: string | null;
  closedAt: string | null;
  /** times an OPD returned it to the coordinator */
  handoffs: number;
  /** times the citizen reopened it */
  reopened: number;
  rating: number | null;
  ratingComment: string;
  mergedIntoId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Every column of ComplaintTable, for a query that must name them (src/db/prepared.ts); the compiler keeps it whole. */
export const COMPLAINT_COLUMNS = everyColumn<ComplaintTable>()([
  'id',
  'trackingCode',
  'accessKeyHash',
  'submissionKey',
  'class',
  'channel',
  'laporNumber',
  'title',
  'description',
  'categoryId',
  'regionId',
  'address',
  'lat',
  'lng',
  'occurredOn',
  'status',
  'heldFrom',
  'agencyId',
  'anonymous',
  'confidential',
  'reporterName',
  'reporterEmail',
  'reporterPhone',
  'reporterNik',
  'consentAt',
  'personalDataRemovedAt',
  'deadlineAt',
  'deadlineKind',
  'resolutionDueAt',
  'receivedAt',
  'verifiedAt',
  'assignedAt',
  'firstAnswerDueAt',
  'answeredAt',
  'firstAnsweredAt',
  'closedAt',
  'handoffs',
  'reopened',
  'rating',
  'ratingComment',
  'mergedIntoId',
  'createdBy',
  'createdAt',
  'updatedAt',
]);

export interface ComplaintAssigneeTable {
  complaintId: string;
  agencyId: string;
  role: 'lead' | 'co';
  createdAt: string;
}

export interface ComplaintEventTable {
  id: string;
  complaintId: string;
  action: string;
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus;
  actorKind: ActorKind;
  actorId: string | null;
  /** the agency the actor acted for, when an OPD acted */
  agencyId: string | null;
  /** shown to the citizen (and the public) when visibility is public */
  message: string;
  /** staff only */
  internalNote: string;
  visibility: Visibility;
  /** JSON: what else the step changed (agency, reason, stars, …) */
  details: string;
  createdAt: string;
}

export interface ComplaintAttachmentTable {
  id: string;
  complaintId: string;
  eventId: string | null;
  kind: 'photo' | 'pdf';
  mime: string;
  bytes: number;
  originalName: string;
  storageKey: string;
  visibility: Visibility;
  uploadedBy: 'citizen' | 'staff';
  createdAt: string;
}

export interface ComplaintReminderTable {
  complaintId: string;
  deadlineAt: string;
  /** resolution_overdue: past the hard cap (deadline_at then holds resolution_due_at) */
  kind: 'due_soon' | 'overdue' | 'resolution_overdue';
  sentAt: string;
}

export interface Open311ClientTable {
  id: string;
  name: string;
  apiKeyHash: string;
  createdBy: string | null;
  createdAt: string;
  revokedAt: string | null;
}

export interface ComplaintTables {
  complaintCategories: ComplaintCategoryTable;
  complaints: ComplaintTable;
  complaintAssignees: ComplaintAssigneeTable;
  complaintEvents: ComplaintEventTable;
  complaintAttachments: ComplaintAttachmentTable;
  complaintReminders: ComplaintReminderTable;
  open311Clients: Open311ClientTable;
}

export type ComplaintCategory = Selectable<ComplaintCategoryTable>;
export type Complaint = Selectable<ComplaintTable>;
export type NewComplaint = Insertable<ComplaintTable>;
export type ComplaintEvent = Selectable<ComplaintEventTable>;
export type ComplaintAttachment = Selectable<ComplaintAttachmentTable>;
