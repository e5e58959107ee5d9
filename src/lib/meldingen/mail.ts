// The mails about notifications: one at once, or a digest of several. Plain text and an HTML body of
// the same words; the sender adds the footer with the unsubscribe link. Call inside inLocale().
import { m } from '$lib/paraglide/messages';
import { renderHtmlBody, renderText, type MailContent } from '$lib/server/mail/render';
import { notificationText, type NotificationFacts } from './texts';

export interface ComposedMail {
	subject: string;
	text: string;
	html: string;
}

function firstName(name: string): string {
	return name.trim().split(/\s+/)[0] ?? '';
}

function compose(subject: string, content: MailContent): ComposedMail {
	return { subject, text: renderText(content), html: renderHtmlBody(content) };
}

export function notificationMail(name: string, n: NotificationFacts & { link: string }, origin: string): ComposedMail {
	const { title, detail } = notificationText(n);
	return compose(title, {
		paragraphs: [m.mail_hello({ name: firstName(name) }), title, ...(detail ? [detail] : [])],
		action: { label: m.melding_mail_open(), url: origin + n.link }
	});
}

export function digestMail(name: string, mode: 'daily' | 'weekly', items: (NotificationFacts & { link: string })[], origin: string): ComposedMail {
	const lines = items.map((item) => {
		const { title, detail } = notificationText(item);
		return `• ${title}${detail ? `\n  ${detail}` : ''}\n  ${origin}${item.link}`;
	});
	return compose(mode === 'daily' ? m.melding_digest_daily_subject() : m.melding_digest_weekly_subject(), {
		paragraphs: [m.mail_hello({ name: firstName(name) }), m.melding_digest_intro(), ...lines],
		action: { label: m.melding_digest_all(), url: `${origin}/meldingen` }
	});
}
