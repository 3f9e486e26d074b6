import type { FastifyInstance } from 'fastify';

export default async function trackingRoutes(app: FastifyInstance) {
  void app;
}
