// Who must (again) accept the house rules before going on, and which pages stay open meanwhile.
import { HUISREGELS_VERSIE } from './version';

/** Pages a resident can always use: the rules themselves, leaving (log out, own data, delete) and the profile. */
const OPEN = ['/huisregels', '/uitloggen', '/taal', '/profiel', '/mijn-gegevens', '/privacy', '/toegankelijkheid', '/afmelden', '/e-mail-bevestigen'];

export interface HuisregelsUser {
	role: string;
	huisregelsVersie: number;
}

/** True when this person is a resident who has not accepted the current version. */
export function mustAcceptHuisregels(user: HuisregelsUser | null): boolean {
	return !!user && user.role === 'bewoner' && user.huisregelsVersie < HUISREGELS_VERSIE;
}

/** True when the path stays reachable for a resident who still has to accept. */
export function openWithoutHuisregels(pathname: string): boolean {
	return OPEN.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

/** The interstitial, with the way back to where the person was. */
export function acceptHref(pathAndSearch: string): string {
	return `/huisregels/accepteren?redirectTo=${encodeURIComponent(pathAndSearch)}`;
}
