import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { COMPLAINT_STATUSES, type ComplaintStatus } from './complaints.table.js';

/*
 * The JSON shapes the complaint API answers with (OpenAPI and response serialisation);
 * complaints.presenter.ts fills them. Field names are the API's: English snake_case.
 */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Time = Type.String({ format: 'date-time' });
const Status = Type.Unsafe<ComplaintStatus>({ type: 'string', enum: [...COMPLAINT_STATUSES] });
const AgencyRef = Type.Object({ slug: Type.String(), name: Type.String() });

export const ComplaintCategoryJson = Type.Object({
  code: Type.String({ description: 'Juga service_code Open311' }),
  name: Type.String(),
  agency: Nullable(Type.String({ description: 'slug OPD yang biasanya berwenang' })),
});

export const ComplaintFiledJson = Type.Object({
  tracking_code: Type.String(),
  access_key: Type.String({ description: 'Kunci akses pelapor; simpan, hanya ditampilkan sekali' }),
  status: Status,
  deadline_at: Nullable(Time),
});

const EventJson = Type.Object({
  action: Type.String(),
  label: Type.String(),
  status: Status,
  at: Time,
  actor: Type.Unsafe<'staff' | 'citizen' | 'system'>({
    type: 'string',
    enum: ['staff', 'citizen', 'system'],
  }),
  agency: Nullable(Type.String()),
  message: Type.String(),
  internal_note: Type.Optional(Type.String()),
  visibility: Type.Optional(Type.String()),
});

const AttachmentJson = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  mime: Type.String(),
  bytes: Type.Integer(),
  name: Type.String({ description: 'nama berkas asli; kosong bila pengirimnya dirahasiakan' }),
  visibility: Type.String(),
  uploaded_by: Type.String(),
  created_at: Time,
});

const ReporterJson = Type.Object({
  name: Type.String(),
  email: Type.String(),
  phone: Type.String(),
  nik: Type.String(),
});

export const ComplaintJson = Type.Object({
  view: Type.Unsafe<'public' | 'citizen' | 'staff'>({ type: 'string', enum: ['public', 'citizen', 'staff'] }),
  tracking_code: Type.String(),
  class: Type.String(),
  title: Type.String(),
  description: Type.String(),
  category: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  kelurahan: Nullable(Type.String()),
  address: Type.String(),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  occurred_on: Nullable(Type.String()),
  status: Status,
  status_label: Type.String(),
  anonymous: Type.Boolean(),
  confidential: Type.Boolean(),
  agency: Nullable(AgencyRef),
  deadline_at: Nullable(Time),
  deadline_kind: Nullable(Type.String()),
  overdue: Type.Boolean(),
  received_at: Time,
  answered_at: Nullable(Time),
  closed_at: Nullable(Time),
  updated_at: Time,
  rating: Nullable(Type.Integer()),
  timeline: Type.Array(EventJson),
  actions: Type.Array(Type.String(), { description: 'Langkah yang boleh diambil pemanggil sekarang' }),
  rating_comment: Type.Optional(Type.String()),
  reporter: Type.Optional(Nullable(ReporterJson)),
  attachments: Type.Optional(Type.Array(AttachmentJson)),
  channel: Type.Optional(Type.String()),
  lapor_number: Type.Optional(Type.String()),
  assignees: Type.Optional(
    Type.Array(Type.Object({ slug: Type.String(), name: Type.String(), role: Type.String() })),
  ),
  handoffs: Type.Optional(Type.Integer()),
  reopened: Type.Optional(Type.Integer()),
  resolution_due_at: Type.Optional(Time),
  merged_into: Type.Optional(Nullable(Type.String())),
});
export type ComplaintJson = Static<typeof ComplaintJson>;

export const ComplaintListJson = Type.Object({
  items: Type.Array(
    Type.Object({
      tracking_code: Type.String(),
      title: Type.String(),
      class: Type.String(),
      channel: Type.String(),
      status: Status,
      status_label: Type.String(),
      anonymous: Type.Boolean(),
      confidential: Type.Boolean(),
      agency: Nullable(AgencyRef),
      category: Nullable(Type.String({ description: 'nama kategori' })),
      deadline_at: Nullable(Time),
      deadline_kind: Nullable(Type.String()),
      overdue: Type.Boolean(),
      received_at: Time,
      handoffs: Type.Integer(),
      reopened: Type.Integer(),
    }),
  ),
  page: Type.Integer(),
  has_next: Type.Boolean(),
});
export type ComplaintListJson = Static<typeof ComplaintListJson>;
