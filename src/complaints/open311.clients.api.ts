import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { authorize, isSuperAdmin } from '../accounts/accounts.policy.js';
import { NotFoundError } from '../errors.js';
import { requireActor } from '../http/auth.js';
import { Text, errorResponses as err } from '../http/schema.js';
import { createOpen311Client, listOpen311Clients, revokeOpen311Client } from './open311.clients.js';

const ClientInput = Type.Object({ name: Text('Nama aplikasi', 120) });
const IssuedJson = Type.Object({ id: Type.String(), name: Type.String(), api_key: Type.String() });
const ClientJson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  created_at: Type.String(),
  revoked_at: Type.Union([Type.String(), Type.Null()]),
});
const ClientParams = Type.Object({ id: Type.String({ maxLength: 60 }) });

const json = (c: { id: string; name: string; createdAt: string; revokedAt: string | null }) => ({
  id: c.id,
  name: c.name,
  created_at: c.createdAt,
  revoked_at: c.revokedAt,
});

/**
 * The keys of the apps that file through /open311/v2 (src/complaints/open311.routes.ts): issued,
 * listed and revoked by a super admin. A key is shown once, when issued; a revoked key files nothing
 * from the next request on. Prefix: /api/v1
 */
export default async function open311ClientsApi(app: FastifyInstance) {
  const { db } = app;
  const superAdmin = { tags: ['complaints'], security: [{ bearer: [] }] };

  app.post(
    '/open311-clients',
    {
      schema: {
        ...superAdmin,
        summary: 'Buat kunci API untuk aplikasi Open311 (super admin); kunci hanya ditampilkan sekali',
        body: ClientInput,
        response: { 201: IssuedJson, ...err([400, 401, 403, 422]) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(isSuperAdmin(actor));
      const { name } = request.body as Static<typeof ClientInput>;
      const { client, apiKey } = await createOpen311Client(db, actor, name, request.ip);
      return reply.code(201).send({ id: client.id, name: client.name, api_key: apiKey });
    },
  );

  app.get(
    '/open311-clients',
    {
      schema: {
        ...superAdmin,
        summary:
          'Daftar aplikasi Open311 dan kuncinya yang sudah dicabut (super admin; kunci tidak pernah ditampilkan)',
        response: { 200: Type.Array(ClientJson), ...err([401, 403]) },
      },
    },
    async (request) => {
      authorize(isSuperAdmin(requireActor(request)));
      return (await listOpen311Clients(db)).map(json);
    },
  );

  app.delete(
    '/open311-clients/:id',
    {
      schema: {
        ...superAdmin,
        summary:
          'Cabut kunci API aplikasi Open311 (super admin); sejak permintaan berikutnya kunci itu ditolak',
        params: ClientParams,
        response: { 200: ClientJson, ...err([400, 401, 403, 404]) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(isSuperAdmin(actor));
      const { id } = request.params as Static<typeof ClientParams>;
      const revoked = await revokeOpen311Client(db, actor, id, request.ip);
      if (!revoked) throw new NotFoundError('Aplikasi Open311 itu tidak ada.');
      return json(revoked);
    },
  );
}
