// The page's wiring: config.json, sign-in, the organizer's events, and for the chosen event
// its counts, latest answers and an import's progress, read once and then followed live over
// the realtime connection. Whenever that connection is live again (after a server restart),
// everything shown is read again, since what was published meanwhile is lost.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
// The printer alone: the package's index would bring all of graphql-js into the bundle.
import { print } from 'graphql/language/printer';
import type {
  DashboardAnswerFragment,
  DashboardAttendeesQuery,
  DashboardEventsQuery,
  DashboardImportFragment,
  OnDashboardCountsSubscription,
} from '../generated/client/graphql';
import { latestAnswers, withAnswer } from './answers';
import { newestImport } from './imports';
import { ApiError, request } from './api';
import { parseConfig, type DashboardConfig } from './config';
import {
  DASHBOARD_ATTENDEES,
  DASHBOARD_COUNTS,
  DASHBOARD_EVENT,
  DASHBOARD_EVENTS,
  DASHBOARD_IMPORT_JOB,
  DASHBOARD_IMPORTS,
  ON_DASHBOARD_ANSWER,
  ON_DASHBOARD_COUNTS,
  ON_DASHBOARD_IMPORT,
} from './operations';
import { RealtimeClient, type ConnectionState } from './realtime';
import { answersList, countsChart, countsSummary, eventDetails, eventOptions, importProgress, type Answer, type Counts, type FormatTime } from './render';
import { clearSession, loadSession, needsRenewal, saveSession, sessionFromToken, signInWithEmail } from './session';

/** Pages of 100 read at most: the events list, and the attendees the first answers come from. */
const MAX_PAGES = 10;

const element = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const formatTime: FormatTime = (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const CONNECTION_TEXT: Record<ConnectionState, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', closed: 'Offline' };

class SignedOut extends Error {}

let config: DashboardConfig;
let realtime: RealtimeClient | null = null;
/** Set when the server refused the connection's token: the next one is a fresh token. */
let renewToken = false;
const view = {
  eventId: null as string | null,
  importId: null as string | null,
  latest: [] as Answer[],
  stopEvent: [] as (() => void)[],
  stopImport: null as (() => void) | null,
};

function showMessage(text: string) {
  element('message').textContent = text;
  element('message').hidden = !text;
}

async function idToken(): Promise<string> {
  let session = loadSession(sessionStorage);
  if (!session) throw new SignedOut('Signed out.');
  if (renewToken || needsRenewal(session, Date.now())) {
    if (!config.tokenUrl || !session.email) {
      signOut('Your token expired: sign in again.');
      throw new SignedOut('Token expired.');
    }
    session = await signInWithEmail(config.tokenUrl, session.email, Date.now());
    saveSession(sessionStorage, session);
    renewToken = false;
  }
  return session.idToken;
}

/** One query; a refused token (the local issuer's key changes with an in-memory restart) is renewed once. */
async function query<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  try {
    return await request(config.graphqlUrl, await idToken(), document, variables);
  } catch (error) {
    if (!(error instanceof ApiError) || error.errorType !== 'UnauthorizedException' || !config.tokenUrl) throw error;
    renewToken = true;
    return request(config.graphqlUrl, await idToken(), document, variables);
  }
}

function showConnection(state: ConnectionState, detail?: string) {
  const status = element('connection');
  status.dataset.state = state;
  status.textContent = CONNECTION_TEXT[state];
  status.title = detail ?? '';
  if (detail?.startsWith('refused')) renewToken = true;
}

function renderCounts(counts: Counts) {
  element('counts').innerHTML = countsChart(counts);
  element('counts-text').textContent = countsSummary(counts);
}

function renderAnswers() {
  element('answers').innerHTML = answersList(view.latest, formatTime);
}

function renderImport(job: DashboardImportFragment | null) {
  element('import').innerHTML = importProgress(job);
}

function writeHash() {
  const params = new URLSearchParams();
  if (view.eventId) params.set('event', view.eventId);
  if (view.importId) params.set('import', view.importId);
  history.replaceState(null, '', `#${params}`);
}

async function readAnswers(eventId: string): Promise<Answer[]> {
  const all: DashboardAnswerFragment[] = [];
  let nextToken: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const { attendees }: DashboardAttendeesQuery = await query(DASHBOARD_ATTENDEES, { eventId, nextToken });
    all.push(...attendees.items);
    nextToken = attendees.nextToken;
    if (!nextToken) break;
  }
  return latestAnswers(all);
}

/** Everything shown, read again: the first read, and after each (re)connection. */
async function refresh() {
  const eventId = view.eventId;
  if (!eventId) return;
  try {
    const [{ event }, latest] = await Promise.all([query(DASHBOARD_COUNTS, { id: eventId }), readAnswers(eventId)]);
    if (view.eventId !== eventId) return;
    if (event) renderCounts(event.counts);
    view.latest = latest;
    renderAnswers();
    await readImport(eventId, view.importId);
  } catch (error) {
    if (!(error instanceof SignedOut)) showMessage(`Could not read the event: ${(error as Error).message}`);
  }
}

function follow<Result, Variables extends Record<string, unknown>>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  onData: (data: Result) => void,
): () => void {
  return realtime!.subscribe(print(document), variables, {
    data: (data) => onData(data as Result),
    error: (errors) => showMessage(`Live updates refused: ${errors.map((e) => e.errorType ?? e.message).join(', ')}`),
  });
}

async function showEvent(eventId: string) {
  for (const stop of view.stopEvent.splice(0)) stop();
  view.stopImport?.();
  view.stopImport = null;
  view.importId = null;
  view.eventId = eventId;
  view.latest = [];
  writeHash();
  showMessage('');
  const { event } = await query(DASHBOARD_EVENT, { id: eventId });
  if (!event) throw new ApiError('NotFound', `No event with id ${eventId}`);
  element('event-title').textContent = event.title;
  element('event-when').textContent = eventDetails(event, formatTime);
  element('event').hidden = false;
  renderCounts(event.counts);
  renderAnswers();
  renderImport(null);
  view.stopEvent.push(
    follow(ON_DASHBOARD_COUNTS, { eventId }, ({ onRsvpCountsChanged: counts }: OnDashboardCountsSubscription) => {
      if (counts && counts.eventId === view.eventId) renderCounts(counts);
    }),
    follow(ON_DASHBOARD_ANSWER, { eventId }, ({ onAttendeeResponded: answer }) => {
      if (!answer || answer.eventId !== view.eventId) return;
      view.latest = withAnswer(view.latest, answer);
      renderAnswers();
    }),
  );
  followImport(null);
  // The read after the subscriptions are acknowledged (onLive) catches what changed in between.
  void refresh();
}

/** Follows one import, or (null) every import of the event: the newest now, then whichever reports progress. */
function followImport(importId: string | null) {
  view.stopImport?.();
  view.stopImport = null;
  view.importId = importId;
  writeHash();
  const eventId = view.eventId;
  if (!eventId) return renderImport(null);
  view.stopImport = follow(ON_DASHBOARD_IMPORT, { eventId, id: importId }, ({ onImportProgress: job }) => {
    if (job && job.eventId === view.eventId && (!view.importId || job.id === view.importId)) renderImport(job);
  });
  readImport(eventId, importId).catch((error: Error) => showMessage(`Could not read the imports: ${error.message}`));
}

async function readImport(eventId: string, importId: string | null) {
  const job = importId ? (await query(DASHBOARD_IMPORT_JOB, { eventId, id: importId })).importJob : newestImport((await query(DASHBOARD_IMPORTS, { eventId })).imports);
  if (view.eventId === eventId && view.importId === importId) renderImport(job);
}

async function showEvents(selected: string | null) {
  const events: { id: string; title: string; startsAt: string; status: string }[] = [];
  let nextToken: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const out: DashboardEventsQuery = await query(DASHBOARD_EVENTS, { nextToken });
    events.push(...out.events.items);
    nextToken = out.events.nextToken;
    if (!nextToken) break;
  }
  const known = selected && events.some((e) => e.id === selected) ? selected : null;
  element<HTMLSelectElement>('event-select').innerHTML = eventOptions(events, known, formatTime);
  element('events').hidden = false;
  return known;
}

async function start() {
  const session = loadSession(sessionStorage);
  element('sign-in').hidden = !!session;
  element('signed-in').hidden = !session;
  if (!session) return;
  element('who').textContent = session.email ?? 'signed in';
  realtime = new RealtimeClient({
    realtimeUrl: config.realtimeUrl,
    authorization: async () => ({ host: new URL(config.graphqlUrl).host, Authorization: await idToken() }),
    onState: showConnection,
    onLive: () => void refresh(),
  });
  const hash = new URLSearchParams(location.hash.slice(1));
  const eventId = await showEvents(hash.get('event'));
  if (!eventId) return;
  await showEvent(eventId);
  if (hash.get('import')) followImport(hash.get('import'));
}

function signOut(message = '') {
  realtime?.close();
  realtime = null;
  for (const stop of view.stopEvent.splice(0)) stop();
  view.eventId = null;
  clearSession(sessionStorage);
  element('events').hidden = true;
  element('event').hidden = true;
  element('connection').textContent = '';
  showMessage(message);
  void start();
}

function wire() {
  const signInForm = element<HTMLFormElement>('sign-in');
  element('email-field').hidden = !config.tokenUrl;
  element('token-field').hidden = !!config.tokenUrl;
  signInForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(signInForm);
    const signIn = config.tokenUrl
      ? signInWithEmail(config.tokenUrl, String(data.get('email')).trim(), Date.now())
      : Promise.resolve().then(() => sessionFromToken(String(data.get('token'))));
    signIn.then(
      (session) => {
        saveSession(sessionStorage, session);
        showMessage('');
        return start();
      },
      (error: Error) => showMessage(`Sign-in failed: ${error.message}`),
    );
  });
  element('sign-out').addEventListener('click', () => signOut());
  element<HTMLSelectElement>('event-select').addEventListener('change', (e) => {
    const id = (e.target as HTMLSelectElement).value;
    if (id) showEvent(id).catch((error: Error) => showMessage(`Could not open the event: ${error.message}`));
  });
  const importForm = element<HTMLFormElement>('import-form');
  importForm.addEventListener('submit', (e) => {
    e.preventDefault();
    followImport(String(new FormData(importForm).get('import')).trim() || null);
  });
}

async function main() {
  const response = await fetch('config.json', { cache: 'no-store' });
  config = parseConfig(await response.json());
  if (config.apiName) document.title = `${config.apiName} · RSVP dashboard`;
  wire();
  await start();
}

main().catch((error: Error) => showMessage(error instanceof SignedOut ? '' : `The dashboard could not start: ${error.message}`));
