import { z } from 'zod';

/** An evaluation round (评估考核) over platform types and a period. */
export const evaluationRoundStatuses = ['draft', 'scoring', 'reviewing', 'published', 'applied'] as const;
export const zEvaluationRoundStatus = z.enum(evaluationRoundStatuses);
export type EvaluationRoundStatus = z.infer<typeof zEvaluationRoundStatus>;

export const evaluationGrades = ['excellent', 'good', 'qualified', 'unqualified'] as const;
export const zEvaluationGrade = z.enum(evaluationGrades);
export type EvaluationGrade = z.infer<typeof zEvaluationGrade>;

/** What a published result does to the platform: keep, rectify (整改), revoke (撤销), recommend upward (省级培育库). */
export const evaluationOutcomes = ['keep', 'rectify', 'revoke', 'recommend'] as const;
export const zEvaluationOutcome = z.enum(evaluationOutcomes);
export type EvaluationOutcome = z.infer<typeof zEvaluationOutcome>;
