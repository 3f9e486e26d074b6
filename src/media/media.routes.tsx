import type { FastifyInstance } from 'fastify';

/** The agency's media library in the admin area. Prefix: /admin */
export default async function mediaAdmin(app: FastifyInstance) {
  void app;
}
