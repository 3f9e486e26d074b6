import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { authorize, canCreateAgency } from '../accounts/accounts.policy.js';
import { requireActor } from '../http/auth.js';
import { listAgencies } from './agencies.repository.js';
import { AgencyCreateInput, AgencyJson } from './agencies.schemas.js';
import { createAgency } from './agencies.service.js';
import { presentAgency } from './agencies.presenter.js';
import type { Agency } from './agencies.table.js';

const errors = {
  400: { $ref: 'ErrorBody#' },
  401: { $ref: 'ErrorBody#' },
  403: { $ref: 'ErrorBody#' },
  409: { $ref: 'ErrorBody#' },
  422: { $ref: 'ErrorBody#' },
};

/** /api/v1/agencies: the public list, and creation by a super admin. */
export default async function agencyApi(app: FastifyInstance) {
  const present = (agency: Agency, all: Agency[]) =>
    presentAgency(agency, all.find((a) => a.id === agency.parentId)?.slug ?? null, app.config.baseUrl);

  app.get(
    '/agencies',
    {
      schema: {
        tags: ['agencies'],
        summary: 'Daftar perangkat daerah (publik)',
        response: { 200: Type.Array(AgencyJson) },
      },
    },
    async () => {
      const all = await listAgencies(app.db);
      return all.map((a) => present(a, all));
    },
  );

  app.post(
    '/agencies',
    {
      schema: {
        tags: ['agencies'],
        summary: 'Tambah perangkat daerah (super admin)',
        security: [{ bearer: [] }],
        body: AgencyCreateInput,
        response: { 201: AgencyJson, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(canCreateAgency(actor));
      const agency = await createAgency(app.db, actor, request.body as AgencyCreateInput);
      return reply.code(201).send(present(agency, await listAgencies(app.db)));
    },
  );
}
