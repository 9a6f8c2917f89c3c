import type { FastifyRequest } from 'fastify';
import { ErrorCode, type Permission, type Role } from '@stip/contracts';
import { AppError } from './app-error';
import type { Database, Transaction } from '../db/client';

/** The signed-in user a request acts for, with the scope its role reaches. */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
  regionId: string | null;
  /** Materialised path of the actor's region ("/…/"), the root of its subtree scope. */
  regionPath: string | null;
  organizationId: string | null;
  permissions: readonly Permission[];
  /** The password was reset by an administrator: only routes that allow it (change password, me, logout) answer. */
  mustChangePassword?: boolean;
}

/** What a service needs to act: who, from where, on which database. */
export interface RequestContext {
  actor: Actor | null;
  sourceIp: string | null;
  db: Database;
  /** The HTTP request's id (X-Request-Id), stored in audit records; absent outside requests. */
  requestId?: string | null;
}

/** A context whose actor is known (routes behind a permission). */
export interface ActorContext extends RequestContext {
  actor: Actor;
}

/** Runs `work` in one transaction: its writes and their audit records commit or fail together. */
export function inTransaction<T>(ctx: RequestContext, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return ctx.db.transaction(work);
}

/** The actor as the system itself (seeding, CLI): no user, full reach. */
export function systemContext(db: Database): RequestContext {
  return { actor: null, sourceIp: null, db };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who acts, from where, on which database: set by the auth plugin before any handler runs. */
    ctx: RequestContext;
  }
}

/** The context of a request whose route requires a signed-in actor. */
export function actorContext(request: FastifyRequest): ActorContext {
  if (!request.ctx.actor) throw new AppError(ErrorCode.Unauthenticated);
  return request.ctx as ActorContext;
}
