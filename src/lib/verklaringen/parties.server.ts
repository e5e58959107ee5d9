// Who is responsible, as the statements name them. One platform serves several gemeenten, each with
// its own welfare organisation, so the names come from the environment; without them the statements
// say it generically (the municipality that funds the opbouwwerk, and the organisation doing it).
import { env } from '$env/dynamic/private';
import type { Parties } from './types';

export function parties(): Parties {
	return {
		gemeente: (env.VERKLARING_GEMEENTE ?? '').trim(),
		organisatie: (env.VERKLARING_ORGANISATIE ?? '').trim(),
		contact: (env.VERKLARING_CONTACT ?? '').trim()
	};
}
