// Mail goes into the outbox and nowhere else: a trigger enqueues a mail.send job for every row, and
// the job runner delivers it by SMTP (src/lib/server/mail/deliver.ts), with retries, so nothing is
// lost when SMTP is down. Without SMTP_URL, nothing sends and developers read it at /dev/mail.
import { must } from '../db-errors';
import { nudgeJobs } from '../jobs/site';
import { serviceClient } from '../supabase';

export interface Mail {
	to: string;
	subject: string;
	text: string;
	kind: string;
}

export async function queueMail(mail: Mail): Promise<void> {
	must(
		await serviceClient()
			.from('email_outbox')
			.insert({ to_address: mail.to, subject: mail.subject, body_text: mail.text, kind: mail.kind }),
		'queue mail'
	);
	// This instance's runner sends it now rather than at its next poll.
	nudgeJobs();
}
