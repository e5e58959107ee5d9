// The processing register (verwerkingsregister) of the privacy statement, in both languages. The
// retention periods here are the ones the scheduled jobs enforce (supabase/migrations/*_retention.sql,
// src/lib/retention/jobs.server.ts): change them together.

export interface Verwerking {
	verwerking: string;
	doel: string;
	grondslag: string;
	gegevens: string;
	bewaartermijn: string;
	ontvangers: string;
}

const nl: Verwerking[] = [
	{
		verwerking: 'Account en inloggen',
		doel: 'Je laten inloggen en je account beveiligen.',
		grondslag: 'Overeenkomst (art. 6 lid 1 b AVG): de huisregels die je accepteert.',
		gegevens: 'E-mailadres, wachtwoord (alleen versleuteld), naam, buurt, taal, sessies (browser, tijd), inlogcodes en links (alleen versleuteld), tellers van pogingen.',
		bewaartermijn: 'Zolang je account bestaat. Niet bevestigd account: 30 dagen. Sessie: tot 30 dagen, of 7 dagen niet gebruikt. Codes en links: tot ze verlopen. Tellers: 1 dag.',
		ontvangers: 'Alleen jij. Opbouwwerkers van je wijk zien je e-mailadres.'
	},
	{
		verwerking: 'Huisregels',
		doel: 'Vastleggen dat je de huisregels kent en accepteert.',
		grondslag: 'Overeenkomst (art. 6 lid 1 b AVG).',
		gegevens: 'Versie van de huisregels en datum en tijd van accepteren.',
		bewaartermijn: 'Zolang je account bestaat.',
		ontvangers: 'Alleen jij.'
	},
	{
		verwerking: 'Profiel',
		doel: 'Buren met gedeelde interesses en talenten bij elkaar brengen.',
		grondslag: 'Toestemming (art. 6 lid 1 a AVG): je vult het zelf in en kunt het leegmaken.',
		gegevens: 'Interesses, talenten, wanneer je kunt, over jezelf; telefoon en adres (privé).',
		bewaartermijn: 'Zolang je account bestaat, of tot je het leegmaakt.',
		ontvangers: 'Ingelogde bewoners: naam, buurt, interesses. Telefoon en adres: de buur na een match die jullie allebei accepteerden, en opbouwwerkers van je wijk.'
	},
	{
		verwerking: 'Burenhulp',
		doel: 'Een vraag en een aanbod bij elkaar brengen en contact mogelijk maken.',
		grondslag: 'Overeenkomst (art. 6 lid 1 b AVG).',
		gegevens: 'Vraag of aanbod (soort, wanneer, buurt), matches, uitkomst, bedankje, berichten, blokkades.',
		bewaartermijn: 'Open vraag of aanbod: na 3 maanden zonder activiteit een bericht, 14 dagen later gesloten. Berichten: gewist 1 jaar nadat de match is beëindigd. Matches en gesloten vragen: zolang je account bestaat.',
		ontvangers: 'Ingelogde bewoners: voornaam, buurt, soort hulp. De buur van een match. Opbouwwerkers van de wijk (berichten alleen na een melding).'
	},
	{
		verwerking: 'Meedoen in de buurt',
		doel: 'Buurtinitiatieven, bewonersgroepen, Repair Cafés en de Rommelroute organiseren.',
		grondslag: 'Overeenkomst (art. 6 lid 1 b AVG).',
		gegevens: 'Wat je plaatst of waar je je voor aanmeldt, met je naam; adres van je kraam; je reparatie.',
		bewaartermijn: 'Zolang je account bestaat. Aanmelden kun je zelf intrekken.',
		ontvangers: 'Wat je publiceert: iedereen. Aanmeldingen: de organisatoren en opbouwwerkers van de wijk. Een goedgekeurde kraam: iedereen (adres op de kaart).'
	},
	{
		verwerking: 'Meldingen en e-mail',
		doel: 'Je laten weten wat er voor jou gebeurt.',
		grondslag: 'Overeenkomst (art. 6 lid 1 b AVG).',
		gegevens: 'Meldingen, je keuze per soort e-mail, afmeldingen, verstuurde e-mail.',
		bewaartermijn: 'Zolang je account bestaat. Kopie van een e-mail: 30 dagen.',
		ontvangers: 'Alleen jij.'
	},
	{
		verwerking: 'Meldingen van misbruik',
		doel: 'De huisregels handhaven en bewoners beschermen.',
		grondslag: 'Taak van algemeen belang (art. 6 lid 1 e AVG): veilig opbouwwerk.',
		gegevens: 'Wie meldt, waarover, de reden, de afhandeling.',
		bewaartermijn: 'Zolang het account van de melder bestaat.',
		ontvangers: 'Opbouwwerkers en coördinator van de wijk. Degene over wie het gaat ziet niet wie meldde.'
	},
	{
		verwerking: 'Signalen, zorg over de buurt en wijkbeeld',
		doel: 'Problemen in de buurt oppakken met partners, en het opbouwwerk verantwoorden.',
		grondslag: 'Taak van algemeen belang (art. 6 lid 1 e AVG).',
		gegevens: 'Een zorg over de buurt van een bewoner. Signalen bevatten geen persoonsgegevens.',
		bewaartermijn: 'Zolang het account van de schrijver bestaat.',
		ontvangers: 'Opbouwwerkers en coördinator. Partners zien alleen wat op hun agenda is gezet, nooit persoonsgegevens.'
	},
	{
		verwerking: 'Beslissingen van opbouwwerkers',
		doel: 'Verantwoorden wie wat besliste.',
		grondslag: 'Taak van algemeen belang (art. 6 lid 1 e AVG).',
		gegevens: 'Wie besliste, wat, wanneer, de reden.',
		bewaartermijn: 'Zolang het platform bestaat. Na het verwijderen van een account blijft de beslissing, zonder naam.',
		ontvangers: 'Opbouwwerkers van de wijk, de coördinator, de beheerder.'
	}
];

const en: Verwerking[] = [
	{
		verwerking: 'Account and log-in',
		doel: 'Letting you log in and keeping your account safe.',
		grondslag: 'Contract (Art. 6(1)(b) GDPR): the house rules you accept.',
		gegevens: 'E-mail address, password (encrypted only), name, neighbourhood, language, sessions (browser, time), log-in codes and links (encrypted only), counts of attempts.',
		bewaartermijn: 'As long as your account exists. Unconfirmed account: 30 days. Session: up to 30 days, or 7 days unused. Codes and links: until they expire. Counts: 1 day.',
		ontvangers: 'Only you. Community workers of your district see your e-mail address.'
	},
	{
		verwerking: 'House rules',
		doel: 'Recording that you know and accept the house rules.',
		grondslag: 'Contract (Art. 6(1)(b) GDPR).',
		gegevens: 'Version of the house rules, date and time you accepted.',
		bewaartermijn: 'As long as your account exists.',
		ontvangers: 'Only you.'
	},
	{
		verwerking: 'Profile',
		doel: 'Bringing neighbours with shared interests and talents together.',
		grondslag: 'Consent (Art. 6(1)(a) GDPR): you fill it in yourself and can empty it.',
		gegevens: 'Interests, talents, when you are available, about you; phone and address (private).',
		bewaartermijn: 'As long as your account exists, or until you empty it.',
		ontvangers: 'Logged-in residents: name, neighbourhood, interests. Phone and address: the neighbour after a match you both accepted, and community workers of your district.'
	},
	{
		verwerking: 'Neighbour help',
		doel: 'Bringing a request and an offer together and making contact possible.',
		grondslag: 'Contract (Art. 6(1)(b) GDPR).',
		gegevens: 'Request or offer (kind, when, neighbourhood), matches, outcome, thanks, messages, blocks.',
		bewaartermijn: 'Open request or offer: after 3 months without activity a message, closed 14 days later. Messages: deleted 1 year after the match ended. Matches and closed requests: as long as your account exists.',
		ontvangers: 'Logged-in residents: first name, neighbourhood, kind of help. The neighbour of a match. Community workers of the district (messages only after a report).'
	},
	{
		verwerking: 'Taking part in the neighbourhood',
		doel: 'Organising initiatives, residents\' groups, Repair Cafés and the Rommelroute.',
		grondslag: 'Contract (Art. 6(1)(b) GDPR).',
		gegevens: 'What you post or sign up for, with your name; the address of your stand; your repair.',
		bewaartermijn: 'As long as your account exists. You can withdraw a sign-up yourself.',
		ontvangers: 'What you publish: everyone. Sign-ups: the organisers and community workers of the district. An approved stand: everyone (address on the map).'
	},
	{
		verwerking: 'Notifications and e-mail',
		doel: 'Telling you what happens for you.',
		grondslag: 'Contract (Art. 6(1)(b) GDPR).',
		gegevens: 'Notifications, your choice of e-mail per kind, unsubscribes, mail sent.',
		bewaartermijn: 'As long as your account exists. Copy of an e-mail: 30 days.',
		ontvangers: 'Only you.'
	},
	{
		verwerking: 'Reports of abuse',
		doel: 'Upholding the house rules and protecting residents.',
		grondslag: 'Task in the public interest (Art. 6(1)(e) GDPR): safe community work.',
		gegevens: 'Who reports, about what, the reason, how it was handled.',
		bewaartermijn: 'As long as the reporter\'s account exists.',
		ontvangers: 'Community workers and the coordinator of the district. The person it is about does not see who reported.'
	},
	{
		verwerking: 'Signals, concerns about the neighbourhood and district figures',
		doel: 'Taking up problems in the neighbourhood with partners, and accounting for community work.',
		grondslag: 'Task in the public interest (Art. 6(1)(e) GDPR).',
		gegevens: 'A resident\'s concern about the neighbourhood. Signals hold no personal data.',
		bewaartermijn: 'As long as the writer\'s account exists.',
		ontvangers: 'Community workers and the coordinator. Partners see only what was put on their agenda, never personal data.'
	},
	{
		verwerking: 'Decisions of community workers',
		doel: 'Accounting for who decided what.',
		grondslag: 'Task in the public interest (Art. 6(1)(e) GDPR).',
		gegevens: 'Who decided, what, when, the reason.',
		bewaartermijn: 'As long as the platform exists. After an account is deleted the decision stays, without the name.',
		ontvangers: 'Community workers of the district, the coordinator, the administrator.'
	}
];

export function register(locale: string): Verwerking[] {
	return locale === 'en' ? en : nl;
}
