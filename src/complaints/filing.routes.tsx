import type { FastifyInstance } from 'fastify';

export default async function filingRoutes(app: FastifyInstance) {
  void app;
}
