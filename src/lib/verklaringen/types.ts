/** Who is responsible, as the statements name them (from the environment: parties.server.ts). */
export interface Parties {
	/** The municipality, e.g. "Gemeente Zwolle"; empty: said generically. */
	gemeente: string;
	/** The welfare organisation doing the opbouwwerk; empty: said generically. */
	organisatie: string;
	/** An e-mail address for privacy and accessibility questions; empty: through the opbouwwerker. */
	contact: string;
}

/** The day the accessibility statement was drawn up (and last checked), YYYY-MM-DD. */
export const TOEGANKELIJKHEID_DATUM = '2026-12-08';
