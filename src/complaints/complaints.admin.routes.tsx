import type { FastifyInstance } from 'fastify';

export default async function complaintsAdminRoutes(app: FastifyInstance) {
  void app;
}
