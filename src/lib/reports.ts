import type { reportReasons as schemaReasons } from '$lib/schemas/report';

/** The reasons a report can give, as in the database enum (without zod, for the report form). */
export const reportReasons = ['spam', 'ongepast', 'onveilig', 'oplichting', 'privacy', 'anders'] as const satisfies typeof schemaReasons;

// Where a worker goes to see what was reported, per subject type. Capabilities add their own line;
// a type without one (e.g. 'person') is shown without a link.
export const reportLinks: Record<string, (subjectId: string) => string> = {
	initiatief: (id) => `/initiatieven/${id}`,
	initiatief_reactie: (id) => `/initiatieven/reactie/${id}`
};

export function reportLink(subjectType: string, subjectId: string): string | null {
	return reportLinks[subjectType]?.(subjectId) ?? null;
}
