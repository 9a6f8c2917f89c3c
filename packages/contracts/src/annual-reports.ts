import { z } from 'zod';

/** A platform's yearly report (年度报告): filed by the host, pre-reviewed by the county, reviewed by the city. */
export const annualReportStatuses = ['draft', 'county_review', 'city_review', 'returned', 'accepted'] as const;
export const zAnnualReportStatus = z.enum(annualReportStatuses);
export type AnnualReportStatus = z.infer<typeof zAnnualReportStatus>;
