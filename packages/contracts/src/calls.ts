import { z } from 'zod';

/** A call for applications (申报通知/指南). Owned by the calls module; its lifecycle is calls.lifecycle.ts. */
export const callStatuses = ['draft', 'open', 'closed', 'archived'] as const;
export const zCallStatus = z.enum(callStatuses);
export type CallStatus = z.infer<typeof zCallStatus>;

/**
 * An application for recognition, from the host organisation's draft through the review chain
 * (county or supervising department → city formal review → expert review → public notice) to
 * recognition. Owned by the calls module; its lifecycle is applications.lifecycle.ts.
 */
export const applicationStatuses = [
  'draft',
  'county_review',
  'returned',
  'formal_review',
  'expert_review',
  'public_notice',
  'recognized',
  'rejected',
  'withdrawn',
] as const;
export const zApplicationStatus = z.enum(applicationStatuses);
export type ApplicationStatus = z.infer<typeof zApplicationStatus>;
