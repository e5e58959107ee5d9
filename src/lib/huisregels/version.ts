// The house rules' version. Raise it (and the date) when the rules change in a way residents must
// agree to again: every logged-in resident is then asked to accept before they go on (see guard.ts).
// The text itself is src/lib/verklaringen/Huisregels{Nl,En}.svelte.
export const HUISREGELS_VERSIE = 1;
/** The day this version took effect (YYYY-MM-DD), shown on /huisregels. */
export const HUISREGELS_DATUM = '2026-12-08';
