import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { roles } from '@stip/contracts';
import { createdAt, id, isDemo, updatedAt, version } from './columns';
import { regions } from './regions';
import { organizations } from './organizations';

export const role = pgEnum('role', roles);

export const users = pgTable('users', {
  id: id(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** Contact data the system administrator keeps; empty when not known. */
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  passwordHash: text('password_hash').notNull(),
  /** One role per user, so the three administrator roles can never be combined (三权分立); null until the security administrator assigns one. */
  role: role('role'),
  regionId: uuid('region_id').references(() => regions.id),
  organizationId: uuid('organization_id').references(() => organizations.id),
  isActive: boolean('is_active').notNull().default(true),
  /** Set when an administrator or the console reset the password: the session may only change it (or sign out) until then. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
  isDemo: isDemo(),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Server-side sessions: the cookie carries a random token, the table keeps only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    sourceIp: text('source_ip'),
    userAgent: text('user_agent'),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** The hashes of a user's replaced passwords, so a new password can't repeat one of the last few (等保 level 3). */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.createdAt)],
);

/**
 * Failed sign-ins counted per client address and username together (the username as typed, lower-cased, known or
 * not), so an attacker's address locks only itself out of that account, and unknown names lock like known ones.
 */
export const loginThrottles = pgTable(
  'login_throttles',
  {
    sourceIp: text('source_ip').notNull(),
    username: text('username').notNull(),
    failedCount: integer('failed_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.sourceIp, t.username] }), index('login_throttles_username_idx').on(t.username)],
);

/** One-time first-start setup tokens (only their SHA-256), printed on the console and written to DATA_DIR/setup-token. */
export const setupTokens = pgTable('setup_tokens', {
  id: id(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
});
