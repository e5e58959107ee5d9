/** Only paths on this site, never `//evil.example`: an open redirect would help phishing. */
export function safeRedirect(target: string | null | undefined, fallback = '/profiel'): string {
	return target && /^\/(?![/\\])[^\s]*$/.test(target) ? target : fallback;
}
