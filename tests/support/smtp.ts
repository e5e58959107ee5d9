// A real SMTP server for tests (smtp-server, from nodemailer's authors), on a local port: it keeps
// every mail it accepts, parsed enough to read headers and both bodies. It can be closed and opened
// again on the same port (an outage), and told to refuse mail for a while.
import { appendFileSync } from 'node:fs';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
	to: string[];
	headers: Map<string, string>;
	subject: string;
	text: string;
	html: string;
	raw: string;
}

export interface TestSmtp {
	url: string;
	port: number;
	mails: ReceivedMail[];
	/** Mails to this address, oldest first. */
	to(address: string): ReceivedMail[];
	/** Waits until a mail to this address matches (or fails after the time-out). */
	waitFor(address: string, match?: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
	/** While set, every mail is refused with this SMTP reply (a temporary failure: 451). */
	refuse: string | null;
	/** Holds each accepted mail this long before answering (a slow server). */
	delayMs: number;
	close(): Promise<void>;
	reopen(): Promise<void>;
}

/** With `logFile`, each mail is also appended there as a JSON line, for readers in other processes. */
export async function startSmtp(port = 0, { logFile }: { logFile?: string } = {}): Promise<TestSmtp> {
	const mails: ReceivedMail[] = [];
	let server: SMTPServer;
	const smtp: TestSmtp = {
		url: '',
		port,
		mails,
		refuse: null,
		delayMs: 0,
		to: (address) => mails.filter((mail) => mail.to.includes(address.toLowerCase())),
		async waitFor(address, match = () => true, timeoutMs = 20_000) {
			const deadline = Date.now() + timeoutMs;
			while (Date.now() < deadline) {
				const found = smtp.to(address).find(match);
				if (found) return found;
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			throw new Error(`no matching mail to ${address} within ${timeoutMs} ms (got ${smtp.to(address).map((m) => m.subject).join(' | ') || 'none'})`);
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
		reopen: () => listen()
	};
	function listen(): Promise<void> {
		server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			onData(stream, session, callback) {
				const chunks: Buffer[] = [];
				stream.on('data', (chunk: Buffer) => chunks.push(chunk));
				stream.on('end', () => {
					if (smtp.refuse) {
						const error = new Error(smtp.refuse) as Error & { responseCode: number };
						error.responseCode = 451;
						return callback(error);
					}
					const raw = Buffer.concat(chunks).toString('utf8');
					const accept = () => {
						const mail = parseMail(raw, session.envelope.rcptTo.map((r) => r.address.toLowerCase()));
						mails.push(mail);
						if (logFile) appendFileSync(logFile, JSON.stringify({ to: mail.to, subject: mail.subject, text: mail.text, headers: Object.fromEntries(mail.headers) }) + '\n');
						callback();
					};
					if (smtp.delayMs) setTimeout(accept, smtp.delayMs);
					else accept();
				});
			}
		});
		return new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(smtp.port, '127.0.0.1', () => {
				const address = server.server.address();
				smtp.port = typeof address === 'object' && address ? address.port : smtp.port;
				smtp.url = `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`;
				resolve();
			});
		});
	}
	await listen();
	return smtp;
}

function parseHeaders(block: string): Map<string, string> {
	const headers = new Map<string, string>();
	for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
	}
	return headers;
}

function decode(body: string, encoding: string | undefined): string {
	if (encoding?.toLowerCase() === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	if (encoding?.toLowerCase() === 'quoted-printable') {
		const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
		return Buffer.from(bytes, 'latin1').toString('utf8');
	}
	return body;
}

/** RFC 2047 encoded words in headers (=?UTF-8?Q?...?= and =?UTF-8?B?...?=). */
function decodeWords(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, mode: string, text: string) =>
			mode.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decode(text.replace(/_/g, ' '), 'quoted-printable')
		);
}

function parseMail(raw: string, to: string[]): ReceivedMail {
	const split = raw.indexOf('\r\n\r\n');
	const headers = parseHeaders(raw.slice(0, split));
	const body = raw.slice(split + 4);
	let text = '';
	let html = '';
	const walk = (partHeaders: Map<string, string>, partBody: string) => {
		const type = partHeaders.get('content-type') ?? 'text/plain';
		const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
		if (boundary) {
			for (const part of partBody.split(`--${boundary}`).slice(1)) {
				if (part.startsWith('--')) break;
				const cut = part.indexOf('\r\n\r\n');
				walk(parseHeaders(part.slice(2, cut)), part.slice(cut + 4).replace(/\r\n$/, ''));
			}
			return;
		}
		const decoded = decode(partBody, partHeaders.get('content-transfer-encoding')).replace(/\r\n/g, '\n');
		if (type.startsWith('text/html')) html = decoded;
		else text = decoded;
	};
	walk(headers, body);
	return { to, headers, subject: decodeWords(headers.get('subject') ?? ''), text, html, raw };
}
