import { type FieldError, fieldErrorsOf, type Problem, type ProblemCode, problemCatalog } from '@varn/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError, type z } from 'zod';
import { AppError } from './app-error.ts';

/** Builds the RFC 9457 body for a code, with both locales' messages. */
export function problemOf(code: ProblemCode, request: FastifyRequest, errors?: FieldError[], detail?: string): Problem {
  const entry = problemCatalog[code];
  return {
    type: `/problems/${code.replaceAll('_', '-')}`,
    title: entry.en,
    status: entry.status,
    ...(detail ? { detail } : {}),
    instance: request.url.split('?')[0],
    code,
    message: { sv: entry.sv, en: entry.en },
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

// Fastify's own errors for unreadable requests, mapped to our codes.
const fastifyErrorCodes: Record<string, ProblemCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_request',
  FST_ERR_BAD_URL: 'malformed_request',
};

/** Maps every error to problem+json once: expected ones by code, the rest as a logged 500. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      reply.headers(error.headers);
      return sendProblem(reply, problemOf(error.code, request, error.errors));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map(
        (item) =>
          ({
            ...item.params,
            code: item.keyword,
            path: item.instancePath.split('/').filter(Boolean),
            message: item.message,
          }) as unknown as z.core.$ZodIssue,
      );
      const where = (error as { validationContext?: string }).validationContext;
      const errors = fieldErrorsOf(issues).map((fieldError) => ({
        ...fieldError,
        path: where && where !== 'body' ? [where, fieldError.path].filter(Boolean).join('.') : fieldError.path,
      }));
      return sendProblem(reply, problemOf('validation_failed', request, errors));
    }
    if (error instanceof ZodError) {
      return sendProblem(reply, problemOf('validation_failed', request, fieldErrorsOf(error.issues)));
    }
    const mapped = error.code ? fastifyErrorCodes[error.code] : undefined;
    if (mapped) return sendProblem(reply, problemOf(mapped, request));
    if (error.statusCode === 429) return sendProblem(reply, problemOf('rate_limited', request));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, problemOf('malformed_request', request));
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, problemOf('internal_error', request));
  });
}
