// Mail goes into the outbox first, so that nothing is lost when SMTP is down. With SMTP_URL set it is
// sent at once (and retried by `sendPending`); without it, developers read it at /dev/mail.
import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '../config';
import { must } from '../db-errors';
import { serviceClient } from '../supabase';

export interface Mail {
	to: string;
	subject: string;
	text: string;
	kind: string;
}

let transport: Transporter | null = null;

export async function queueMail(mail: Mail): Promise<void> {
	const data = must(
		await serviceClient()
			.from('email_outbox')
			.insert({ to_address: mail.to, subject: mail.subject, body_text: mail.text, kind: mail.kind })
			.select('id')
			.single(),
		'queue mail'
	);
	if (config.smtpUrl) await send(data.id, mail);
}

async function send(id: number, mail: Mail): Promise<void> {
	transport ??= nodemailer.createTransport(config.smtpUrl);
	try {
		await transport.sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
		await serviceClient().from('email_outbox').update({ sent_at: new Date().toISOString() }).eq('id', id);
	} catch (error) {
		console.error(`[mail] sending ${mail.kind} failed: ${(error as Error).message}`);
		await serviceClient().from('email_outbox').update({ last_error: (error as Error).message }).eq('id', id);
	}
}
