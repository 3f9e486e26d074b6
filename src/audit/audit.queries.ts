import { sql, type SqlBool } from 'kysely';
import type { DbOrTx } from '../db/database.js';

/** What the viewer narrows the log by; every field optional except the scope. */
export interface AuditFilter {
  /** the OPDs whose events the reader may see, or every event (the super admin) */
  scope: 'all' | readonly string[];
  /** part of the actor's name or email */
  who?: string | undefined;
  action?: string | undefined;
  agencyId?: string | undefined;
  /** UTC instants: from inclusive, to exclusive */
  from?: string | undefined;
  to?: string | undefined;
  subjectId?: string | undefined;
}

/** Where a page ends: the next page starts strictly after this event (newest first). */
export interface AuditCursor {
  createdAt: string;
  id: string;
}

export interface AuditRow {
  id: string;
  createdAt: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: string;
  ip: string;
  userAgent: string;
  requestId: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  agencyId: string | null;
  agencyName: string | null;
}

export interface AuditPage {
  rows: AuditRow[];
  next: AuditCursor | null;
}

const escapeLike = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

// Nothing: an OPD reader with no OPD (the route answers 404 before asking, this is the backstop).
const NONE = sql<SqlBool>`1 = 0`;

/** One page of the log, newest first, keyset-paged on (created_at, id). */
export async function listAuditEvents(
  db: DbOrTx,
  filter: AuditFilter,
  page: { after?: AuditCursor | undefined; limit: number },
): Promise<AuditPage> {
  const { scope, who, action, agencyId, from, to, subjectId } = filter;
  const after = page.after;
  const rows = await db
    .selectFrom('auditEvents as e')
    .leftJoin('users as u', 'u.id', 'e.actorId')
    .leftJoin('agencies as g', 'g.id', 'e.agencyId')
    .select([
      'e.id',
      'e.createdAt',
      'e.action',
      'e.subjectType',
      'e.subjectId',
      'e.details',
      'e.ip',
      'e.userAgent',
      'e.requestId',
      'e.actorId',
      'u.name as actorName',
      'u.email as actorEmail',
      'e.agencyId',
      'g.name as agencyName',
    ])
    .$if(scope !== 'all', (q) => q.where((eb) => (scope.length ? eb('e.agencyId', 'in', [...scope]) : NONE)))
    .$if(Boolean(agencyId), (q) => q.where('e.agencyId', '=', agencyId!))
    .$if(Boolean(action), (q) => q.where('e.action', '=', action!))
    .$if(Boolean(subjectId), (q) => q.where('e.subjectId', '=', subjectId!))
    .$if(Boolean(from), (q) => q.where('e.createdAt', '>=', from!))
    .$if(Boolean(to), (q) => q.where('e.createdAt', '<', to!))
    .$if(Boolean(who), (q) => {
      const like = escapeLike(who!);
      return q.where(
        sql<SqlBool>`(lower(u.name) like ${like} escape '\\' or lower(u.email) like ${like} escape '\\')`,
      );
    })
    .$if(Boolean(after), (q) =>
      q.where((eb) =>
        eb.or([
          eb('e.createdAt', '<', after!.createdAt),
          eb.and([eb('e.createdAt', '=', after!.createdAt), eb('e.id', '<', after!.id)]),
        ]),
      ),
    )
    .orderBy('e.createdAt', 'desc')
    .orderBy('e.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  const last = shown[shown.length - 1];
  return { rows: shown, next: more && last ? { createdAt: last.createdAt, id: last.id } : null };
}
