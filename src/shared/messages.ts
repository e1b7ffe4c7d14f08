// Typed messages: one union per direction, one response map per union, one send/handle pair.
import browser, { type Runtime } from 'webextension-polyfill';
import type { EntityType } from '../core/types';
import type { Annotation, PageSummary } from './annotation';
import { err, ok, type Result } from './result';

export type { Result } from './result';

/** Content script → background. */
export type ContentToBackground =
  | { type: 'ping'; sent: number }
  /** From the first-check stub: inject the full content script into this frame. */
  | { type: 'content:load'; reason: 'news' | 'selection' | 'grown' }
  | { type: 'page:report'; summary: PageSummary }
  | { type: 'annotations:list'; url: string }
  | { type: 'annotation:save'; annotation: Annotation }
  | { type: 'annotation:delete'; id: string };

export interface ContentToBackgroundResponses {
  ping: { sent: number; received: number; from: 'background' };
  'content:load': { injected: boolean };
  'page:report': { stored: boolean };
  'annotations:list': Annotation[];
  'annotation:save': { id: string };
  'annotation:delete': { deleted: boolean };
}

/** Popup or other extension page → content script of a tab. */
export type PopupToContent =
  | { type: 'summary:get' }
  | { type: 'types:set'; enabled: EntityType[] }
  | { type: 'annotation:reveal'; id: string }
  | { type: 'annotations:reload' }
  /** Analyse a page the first check skipped (listing pages: only when the reader asks). */
  | { type: 'page:analyse' };

export interface PopupToContentResponses {
  'summary:get': PageSummary;
  'types:set': { enabled: EntityType[] };
  'annotation:reveal': { found: boolean };
  'annotations:reload': { anchored: number; orphaned: number };
  'page:analyse': PageSummary;
}

/** Background → content script (commands, context menu). */
export type BackgroundToContent = { type: 'selection:highlight'; colour?: string; withNote?: boolean };

export interface BackgroundToContentResponses {
  'selection:highlight': { created: boolean; id?: string };
}

type Handlers<M extends { type: string }, R extends Record<M['type'], unknown>> = {
  [K in M['type']]: (msg: Extract<M, { type: K }>, sender: Runtime.MessageSender) => Promise<R[K]> | R[K];
};

/** Messages carry a channel tag so that each side answers only its own direction. */
type Channel = 'c2b' | 'p2c' | 'b2c';
interface Envelope<M> {
  channel: Channel;
  msg: M;
}

function isEnvelope(x: unknown, channel: Channel): x is Envelope<{ type: string }> {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as { channel?: unknown; msg?: unknown };
  return (
    e.channel === channel &&
    typeof e.msg === 'object' &&
    e.msg !== null &&
    typeof (e.msg as { type?: unknown }).type === 'string'
  );
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function wrap<T>(p: Promise<unknown>): Promise<Result<T>> {
  try {
    const res = (await p) as Result<T> | undefined;
    if (!res || typeof res !== 'object' || typeof (res as { ok?: unknown }).ok !== 'boolean') {
      return err('no handler answered');
    }
    return res;
  } catch (e) {
    return err(describe(e));
  }
}

function listen<M extends { type: string }, R extends Record<M['type'], unknown>>(
  channel: Channel,
  handlers: Handlers<M, R>,
): () => void {
  const listener = (raw: unknown, sender: Runtime.MessageSender): Promise<Result<unknown>> | undefined => {
    if (!isEnvelope(raw, channel)) return undefined;
    const msg = raw.msg as M;
    // The union is checked at the call sites; here the handler table is looked up by its tag.
    const table = handlers as unknown as Record<string, ((m: M, s: Runtime.MessageSender) => unknown) | undefined>;
    const handler = Object.hasOwn(table, msg.type) ? table[msg.type] : undefined;
    if (!handler) return Promise.resolve(err(`unknown message type: ${msg.type}`));
    return Promise.resolve()
      .then(() => handler(msg, sender))
      .then((v) => ok(v), (e: unknown) => err(describe(e)));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

export function sendToBackground<M extends ContentToBackground>(
  msg: M,
): Promise<Result<ContentToBackgroundResponses[M['type']]>> {
  const env: Envelope<M> = { channel: 'c2b', msg };
  return wrap(browser.runtime.sendMessage(env));
}

export function handleFromContent(
  handlers: Handlers<ContentToBackground, ContentToBackgroundResponses>,
): () => void {
  return listen<ContentToBackground, ContentToBackgroundResponses>('c2b', handlers);
}

export function sendToTab<M extends PopupToContent>(
  tabId: number,
  msg: M,
): Promise<Result<PopupToContentResponses[M['type']]>> {
  const env: Envelope<M> = { channel: 'p2c', msg };
  return wrap(browser.tabs.sendMessage(tabId, env));
}

export function handleFromPopup(handlers: Handlers<PopupToContent, PopupToContentResponses>): () => void {
  return listen<PopupToContent, PopupToContentResponses>('p2c', handlers);
}

export function sendFromBackground<M extends BackgroundToContent>(
  tabId: number,
  msg: M,
): Promise<Result<BackgroundToContentResponses[M['type']]>> {
  const env: Envelope<M> = { channel: 'b2c', msg };
  return wrap(browser.tabs.sendMessage(tabId, env));
}

export function handleFromBackground(
  handlers: Handlers<BackgroundToContent, BackgroundToContentResponses>,
): () => void {
  return listen<BackgroundToContent, BackgroundToContentResponses>('b2c', handlers);
}
