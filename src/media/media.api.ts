import type { FastifyInstance } from 'fastify';

/** POST /api/v1/agencies/:slug/media. Prefix: /api/v1 */
export default async function mediaApi(app: FastifyInstance) {
  void app;
}
