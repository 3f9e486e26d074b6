import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Entry } from './page-cache.store.js';
import { REQUEST_ID_HEADER } from './request-context.js';
import { askable, cacheKey, encodingClass, etagMatches, mayBePersonal } from './page-cache.rules.js';

/*
 * The fast path: a kept public page answered by the raw Node server before Fastify sees the
 * request. A hit through Fastify runs every onRequest hook (request context, cookies, helmet,
 * tenant lookup is skipped but the rest is not), about a third of the cost of a hit; here it is
 * a Map lookup and one writeHead with the headers the first answer had, security headers included
 * (page-cache.store.ts keeps them flat, worked out once at store time).
 *
 * Only hits: any doubt (a cookie that may be a session, a proxy setting not understood, a version
 * not read yet within the window and unreadable, nothing kept) falls through to Fastify, which
 * decides by the same rules, renders and fills the cache. So the fast path can answer less than
 * the cache would, never more. Fastify's request log and hooks do not run for what it answers;
 * app.pageCache.stats().fastHits counts it instead.
 */

/** Answers a request itself (true), or leaves it to Fastify (false); a promise when it must ask. */
export type FastAnswer = (
  req: IncomingMessage,
  res: ServerResponse,
  server: ServerSettings,
) => boolean | Promise<boolean>;

/** What the fast path must know of Fastify's options to read a request as Fastify would. */
export interface ServerSettings {
  trustProxy: unknown;
  genReqId?: (req: IncomingMessage) => string;
}

const answers = new WeakMap<Server, FastAnswer>();

/** Puts `answer` in front of Fastify on a server made by fastPathServer (elsewhere, does nothing). */
export function setFastAnswer(server: unknown, answer: FastAnswer): void {
  if (server instanceof http.Server) answers.set(server, answer);
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The part of Fastify's processed options its own HTTP/1 server is made from. */
interface FactoryOptions {
  http?: http.ServerOptions;
  trustProxy?: unknown;
  genReqId?: unknown;
  keepAliveTimeout?: number;
  requestTimeout?: number;
  connectionTimeout?: number;
  maxRequestsPerSocket?: number;
}

/**
 * Fastify's serverFactory: the HTTP/1 server Fastify would make (same timeouts), whose requests go
 * to the fast answer first, if one is set, and to Fastify when it declines.
 */
export function fastPathServer(handler: Handler, options: FactoryOptions): Server {
  const settings: ServerSettings = {
    trustProxy: options.trustProxy,
    ...(typeof options.genReqId === 'function'
      ? { genReqId: options.genReqId as (req: IncomingMessage) => string }
      : {}),
  };
  const server: Server = http.createServer(options.http ?? {}, (req, res) => {
    const answer = answers.get(server);
    // Closing (no longer listening): Fastify answers, and tells keep-alive clients to go.
    if (!answer || !server.listening) return handler(req, res);
    let answered: boolean | Promise<boolean>;
    try {
      answered = answer(req, res, settings);
    } catch {
      answered = false;
    }
    if (answered === true) return;
    if (answered === false) return handler(req, res);
    answered.then(
      (done) => done || handler(req, res),
      () => handler(req, res),
    );
  });
  if (options.keepAliveTimeout) server.keepAliveTimeout = options.keepAliveTimeout;
  if (options.requestTimeout) server.requestTimeout = options.requestTimeout;
  if (options.connectionTimeout) server.setTimeout(options.connectionTimeout);
  if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
  return server;
}

/** The Host as Fastify reads it (request.host), or undefined when that takes a proxy rule we skip. */
function hostOf(req: IncomingMessage, trustProxy: unknown): string | undefined {
  const forwarded = req.headers['x-forwarded-host'];
  if (Array.isArray(forwarded)) return undefined;
  if (forwarded) {
    if (trustProxy === true) {
      const last = forwarded.lastIndexOf(',');
      return last === -1 ? forwarded.trim() : forwarded.slice(last + 1).trim();
    }
    // A list of trusted addresses, a hop count or a function: Fastify decides.
    if (trustProxy !== false && trustProxy !== undefined) return undefined;
  }
  return req.headers.host ?? '';
}

/** What the page cache offers the fast path. */
export interface FastLookup {
  /** the content version: at once when read within the window, else a read */
  version(): number | Promise<number>;
  /** whether anything (even stale) is kept for key: no version is read for a sure miss */
  has(key: string): boolean;
  /** the entry for key at that version, counted as a fast hit; undefined for a miss */
  find(key: string, version: number): Entry | undefined;
}

function send(req: IncomingMessage, res: ServerResponse, entry: Entry, server: ServerSettings): void {
  const notModified = etagMatches(req.headers['if-none-match'], entry.etag);
  let headers = notModified ? entry.raw304 : entry.raw200;
  if (entry.requestId && server.genReqId) headers = [...headers, REQUEST_ID_HEADER, server.genReqId(req)];
  res.writeHead(notModified ? 304 : 200, headers);
  // Node sends no body for HEAD nor for 304; end() without one says so plainly.
  if (notModified || req.method === 'HEAD') res.end();
  else res.end(entry.body);
}

/** The page cache's fast answer: the conditions of its onRequest hook, read from the raw request. */
export function pageCacheAnswer(cache: FastLookup): FastAnswer {
  return (req, res, server) => {
    const url = req.url ?? '';
    if (!askable(req.method, url, req.headers) || mayBePersonal(req.headers.cookie)) return false;
    const host = hostOf(req, server.trustProxy);
    if (host === undefined) return false;
    const key = cacheKey(host, encodingClass(req.headers['accept-encoding']), url);
    if (!cache.has(key)) return false;
    const serve = (version: number): boolean => {
      const entry = cache.find(key, version);
      if (!entry) return false;
      send(req, res, entry, server);
      return true;
    };
    const version = cache.version();
    return typeof version === 'number' ? serve(version) : version.then(serve);
  };
}
