import type { FastifyInstance } from 'fastify';
import categoriesAdmin from './categories.admin.routes.js';
import complaintDetailAdmin from './complaints.detail.admin.routes.js';
import complaintEntryAdmin from './complaints.entry.admin.routes.js';
import complaintQueueAdmin from './complaints.queue.admin.routes.js';
import dataRequestsAdmin from './data-requests.routes.js';

/**
 * The staff side of the complaint centre, under /admin/aduan: the queues and their export, one
 * complaint and its steps, staff entry of complaints from other channels, and the category list.
 * Prefix: /admin (each part inherits it).
 */
export default async function complaintsAdminRoutes(app: FastifyInstance) {
  await app.register(complaintQueueAdmin);
  await app.register(complaintEntryAdmin);
  await app.register(categoriesAdmin);
  await app.register(dataRequestsAdmin);
  await app.register(complaintDetailAdmin);
}
