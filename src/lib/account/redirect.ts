/** Where log-in leads: the page the person came from, else their overview (`/`). Only paths on this site, never `//evil.example`: an open redirect would help phishing. */
export function safeRedirect(target: string | null | undefined, fallback = '/'): string {
	return target && /^\/(?![/\\])[^\s]*$/.test(target) ? target : fallback;
}
