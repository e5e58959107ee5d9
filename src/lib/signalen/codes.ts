// The codes the database allows for signals, partners and agenda items, without zod, so that pages
// import them cheaply. The database's checks hold the same lists.
export const partnerKinds = ['gemeente', 'woningcorporatie', 'politie', 'sociaal_wijkteam', 'zorg', 'welzijn', 'anders'] as const;
export const sources = ['bewoner', 'eigen_waarneming', 'partner', 'vergadering'] as const;
export const urgencies = ['laag', 'normaal', 'hoog'] as const;
export const agendaStatuses = ['open', 'in_behandeling', 'beantwoord', 'afgesloten'] as const;

export type PartnerKind = (typeof partnerKinds)[number];
export type AgendaStatus = (typeof agendaStatuses)[number];

/** The kinds of notification signals write (public.notification_kinds holds the same, with defaults). */
export const signalenNotificationKinds = ['agenda_item_new', 'agenda_item_waiting', 'agenda_item_answered', 'zorg_beantwoord'] as const;
export const zorgStatuses = ['nieuw', 'beantwoord', 'signaal'] as const;

/** An agenda item without an answer this long gets its partner a reminder. */
export const WAITING_DAYS = 14;
export const PAGE_SIZE = 25;
/** The most signals in one bundle (the database holds the same limit). */
export const MAX_BUNDLE = 20;
