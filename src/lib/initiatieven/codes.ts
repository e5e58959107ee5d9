// The codes the database allows, in a module without zod so that pages can import them cheaply.
export const needs = ['handen', 'materialen', 'ruimte', 'geld'] as const;
export const brings = ['handen', 'materialen', 'vaardigheid', 'anders'] as const;
export const stages = ['idee', 'plan', 'uitvoering', 'zelfstandig', 'afgerond'] as const;
export const statuses = ['concept', 'ingediend', 'aanpassing_gevraagd', 'gepubliceerd', 'afgewezen'] as const;
export type Stage = (typeof stages)[number];
export type Status = (typeof statuses)[number];
