// The mail.send job: delivers one outbox row by SMTP. Every non-account mail gets the RFC 8058
// one-click unsubscribe headers and a footer (in the recipient's language) with the same link.
//
// Once, not twice: begin_mail records who is sending; after the SMTP server accepted the mail, the
// row is marked sent, retrying for as long as the database is away (up to ten minutes), so a job that
// runs again finds it sent. Another instance that reclaims the job meanwhile waits (mail_in_doubt).
import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { m } from '../../paraglide/messages.js';
import type { Db, JobHandler } from '../jobs/runner.ts';
import { footerHtml, htmlDocument, textToHtmlBody } from './render.ts';
import { unsubscribeUrl } from './unsubscribe.ts';

export interface DeliveryOptions {
	smtpUrl: string;
	from: string;
	/** The site's address, for links (ORIGIN). */
	origin: string;
	/** Signs unsubscribe links (the project's JWT secret; a key is derived from it). */
	secret: string;
	/** How long to keep trying to record a sent mail while the database is away. */
	markSentForMs?: number;
}

/** Mail about the account itself: no unsubscribe. The same list as app.is_account_mail in SQL. */
export const ACCOUNT_KINDS = new Set([
	'verify_email',
	'reset_password',
	'register_existing',
	'email_change_verify',
	'email_change_requested',
	'email_change_taken',
	'email_change_done',
	'login_code',
	'account_erased'
]);

interface OutboxMail {
	id: number;
	to_address: string;
	subject: string;
	body_text: string;
	body_html: string | null;
	kind: string;
	locale: string;
}

export interface MailDelivery {
	handler: JobHandler;
	close(): void;
}

export function mailDelivery(options: DeliveryOptions): MailDelivery {
	let transport: Transporter | null = null;
	const markSentForMs = options.markSentForMs ?? 10 * 60_000;
	const host = new URL(options.origin).hostname || 'buurtplein.local';

	const handler: JobHandler = async (payload, _job, ctx) => {
		const id = Number(payload.id);
		const { data, error } = await ctx.db.rpc('begin_mail', { p_id: id, p_worker: ctx.workerId });
		if (error) throw new Error(error.hint === 'mail_in_doubt' ? `mail ${id} is being sent by another instance` : `begin mail ${id}: ${error.message}`);
		const mail = (data as OutboxMail[] | null)?.[0];
		if (!mail) return; // sent already, or unsubscribed
		transport ??= nodemailer.createTransport({ url: options.smtpUrl, pool: true, maxConnections: 4 });
		const message = compose(mail, options, host);
		try {
			await transport.sendMail(message);
		} catch (failure) {
			await ctx.db.rpc('mark_mail_failed', { p_id: id, p_error: (failure as Error).message });
			throw failure;
		}
		await markSent(ctx.db, id, message.messageId, markSentForMs);
	};

	return {
		handler,
		close() {
			transport?.close();
			transport = null;
		}
	};
}

async function markSent(db: Db, id: number, messageId: string, forMs: number): Promise<void> {
	const deadline = Date.now() + forMs;
	for (let wait = 250; ; wait = Math.min(wait * 2, 15_000)) {
		const { error } = await db.rpc('mark_mail_sent', { p_id: id, p_message_id: messageId });
		if (!error) return;
		if (Date.now() + wait > deadline) throw new Error(`mail ${id} was sent but could not be recorded: ${error.message}`);
		await new Promise((resolve) => setTimeout(resolve, wait));
	}
}

function compose(mail: OutboxMail, options: DeliveryOptions, host: string) {
	const locale = mail.locale === 'en' ? 'en' : 'nl';
	// A stable Message-ID per outbox row: should a mail ever go out twice, clients show it once.
	const messageId = `<outbox-${mail.id}-${createHash('sha256').update(`${mail.id}:${mail.to_address}`).digest('hex').slice(0, 12)}@${host}>`;
	const account = ACCOUNT_KINDS.has(mail.kind);
	const bodyHtml = mail.body_html ?? textToHtmlBody(mail.body_text);
	if (account) {
		return {
			from: options.from,
			to: mail.to_address,
			subject: mail.subject,
			messageId,
			text: mail.body_text,
			html: htmlDocument(locale, mail.subject, bodyHtml, '')
		};
	}
	const unsubscribe = unsubscribeUrl(options.origin, options.secret, mail.to_address, mail.kind);
	const footer = [
		m.mail_footer_why({}, { locale }),
		m.mail_footer_unsubscribe({ url: unsubscribe }, { locale }),
		m.mail_footer_settings({ url: `${options.origin}/profiel/meldingen` }, { locale })
	];
	return {
		from: options.from,
		to: mail.to_address,
		subject: mail.subject,
		messageId,
		text: `${mail.body_text}\n\n-- \n${footer.join('\n')}`,
		html: htmlDocument(locale, mail.subject, bodyHtml, footerHtml(footer)),
		headers: {
			'List-Unsubscribe': `<${unsubscribe}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		}
	};
}
