/**
 * One-click unsubscribe (RFC 8058) at /v1/unsubscribe/:token.
 *
 * POST with `List-Unsubscribe=One-Click` (urlencoded or multipart, as mail
 * providers send it) puts the token's recipient on its list's suppression
 * list and answers 200: no redirect, no cookie, no sign-in. Twice is
 * harmless. GET only shows a confirmation page whose button sends that POST.
 * A token that is not ours changes nothing (400).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LedgerConfig } from '../config';
import { HttpError } from '../errors';
import type { Store } from '../store/types';
import { verifyToken, type TokenSubject } from '../tokens';
import { confirmPage, donePage, invalidPage, PAGE_HEADERS } from '../unsubscribe-page';

const FORM_BODY_LIMIT = 4096;
const params = {
  type: 'object',
  properties: { token: { type: 'string', maxLength: 512, description: 'an unsubscribe token' } },
  required: ['token'],
} as const;
const oneClickBody = {
  type: 'object',
  description: 'List-Unsubscribe=One-Click (RFC 8058)',
  required: ['List-Unsubscribe'],
  properties: { 'List-Unsubscribe': { type: 'string', const: 'One-Click', description: 'One-Click (RFC 8058)' } },
} as const;

/** Form bodies, parsed by the platform's own form-data reader (the WHATWG Response.formData). */
async function parseForm(request: FastifyRequest, body: Buffer): Promise<Record<string, string>> {
  const contentType = request.headers['content-type'] ?? '';
  const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  const fields: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === 'string' && !(name in fields)) fields[name] = value;
  return fields;
}

const wantsHtml = (request: FastifyRequest) => /\btext\/html\b/.test(request.headers.accept ?? '');

export async function unsubscribeRoutes(app: FastifyInstance, { config, store }: { config: LedgerConfig; store: Store }) {
  for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: FORM_BODY_LIMIT }, (request, body, done) => {
      parseForm(request, body as Buffer).then(
        (fields) => done(null, fields),
        () => done(new HttpError(400, `the body is not valid ${type}`)),
      );
    });
  }

  /** The token's subject, or an answer already sent (page or JSON) when there is none. */
  function subjectOf(request: FastifyRequest, reply: FastifyReply, token: string): TokenSubject | null {
    const html = request.method === 'GET' || wantsHtml(request);
    if (!config.tokenKeys.length) {
      if (html) void reply.code(503).headers(PAGE_HEADERS).send(invalidPage(true));
      else throw new HttpError(503, 'this ledger cannot verify unsubscribe tokens: LEDGER_TOKEN_KEYS is not set');
      return null;
    }
    const subject = verifyToken(config.tokenKeys, token);
    if (!subject) {
      if (html) void reply.code(400).headers(PAGE_HEADERS).send(invalidPage(false));
      else throw new HttpError(400, 'the token is not valid (forged, truncated or signed with a retired key)');
    }
    return subject;
  }

  app.get('/v1/unsubscribe/:token', { schema: { params } }, async (request, reply) => {
    const subject = subjectOf(request, reply, (request.params as { token: string }).token);
    if (subject) return reply.headers(PAGE_HEADERS).send(confirmPage(subject.list));
    return reply;
  });

  app.post('/v1/unsubscribe/:token', { bodyLimit: FORM_BODY_LIMIT, schema: { params, body: oneClickBody } }, async (request, reply) => {
    const subject = subjectOf(request, reply, (request.params as { token: string }).token);
    if (!subject) return reply;
    const added = await store.suppress(subject.list, subject.recipient, 'one-click', Date.now());
    request.log.info({ list: subject.list, added }, 'one-click unsubscribe');
    if (wantsHtml(request)) return reply.headers(PAGE_HEADERS).send(donePage(subject.list));
    return reply.send({ unsubscribed: true, list: subject.list });
  });
}
