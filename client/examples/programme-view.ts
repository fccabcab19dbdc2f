import type { ConferenceProgrammeQuery, PortalParticipantFragment } from '@lekgotla/client';

/**
 * What the Apollo Client and urql examples share: reading the page's address
 * and drawing the answer. Each example's main.ts is only its client setup.
 */

/** How the page asks: with persisted hashes the server must know already, or with automatic persisted queries. */
export type PersistedMode = 'trusted' | 'apq';

/** ?endpoint=<the API's /graphql>&mode=trusted|apq (apq by default). */
export function pageOptions(): { endpoint: string; mode: PersistedMode } {
  const parameters = new URLSearchParams(window.location.search);
  const endpoint = parameters.get('endpoint');
  if (!endpoint) throw new Error('Give the API in the address: ?endpoint=https://lekgotla.example/graphql');
  const mode = parameters.get('mode') ?? 'apq';
  if (mode !== 'trusted' && mode !== 'apq') throw new Error(`mode must be trusted or apq, not ${mode}`);
  document.getElementById('mode')!.textContent = mode === 'trusted' ? 'trusted documents (hash only)' : 'automatic persisted queries';
  return { endpoint, mode };
}

/** The hex sha256 of a text, as automatic persisted queries send it (Web Crypto: no library needed). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** "Ms C Clark — Deputy Director-General, DPSA": a person with the position the source gave them then. */
function who(participant: PortalParticipantFragment): string {
  const { position } = participant;
  if (!position) return participant.person.displayName;
  const organisation = position.organisation ? `, ${position.organisation.acronym ?? position.organisation.name}` : '';
  return `${participant.person.displayName} — ${position.acting ? 'Acting ' : ''}${position.title}${organisation}`;
}

export function renderProgramme(data: ConferenceProgrammeQuery | undefined): void {
  const conference = data?.conference;
  if (!conference) throw new Error('The API knows no such conference');
  document.title = `${conference.title} — programme`;
  document.querySelector('h1')!.textContent = conference.title;
  document.getElementById('theme')!.textContent = conference.theme ?? '';
  document.getElementById('venue')!.textContent = conference.venue ? `${conference.venue.name}, ${conference.venue.city ?? ''}` : '';
  const days = document.getElementById('days')!;
  for (const day of conference.days) {
    const section = element('section', undefined, 'day');
    section.dataset.day = String(day.number);
    section.append(element('h2', `Day ${day.number}`));
    if (day.subTheme) section.append(element('p', day.subTheme, 'sub-theme'));
    if (day.chair) section.append(element('p', `Chair: ${who(day.chair)}`, 'chair'));
    const sessions = element('ol', undefined, 'sessions');
    for (const session of day.sessions) sessions.append(element('li', session.title, 'session'));
    section.append(sessions);
    days.append(section);
  }
  document.body.dataset.state = 'loaded';
}

export function renderFailure(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  document.getElementById('error')!.textContent = `The programme could not be loaded: ${message}`;
  document.body.dataset.state = 'failed';
}
