import { PORTAL } from '../env.js';

/** The page address of a local portal dataset, as a webmaster would paste it. */
export const datasetPage = (id: string) => `${PORTAL}/explore/dataset/${id}/`;

/** An element that reports its data through `vitrine-data-load` / `vitrine-data-error`. */
type DataElement = HTMLElement & { updateComplete?: Promise<unknown> };

/** Whether an element is past loading: its base part says `aria-busy="false"`. */
export function isSettled(element: HTMLElement): boolean {
  return element.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('aria-busy') === 'false';
}

/**
 * Resolves when the element shows data, "no data" or an error: at once when it already does, else at
 * the next `vitrine-data-load` / `vitrine-data-error` event.
 */
export async function settled(element: DataElement, timeout = 15000): Promise<void> {
  await element.updateComplete;
  if (isSettled(element)) return;
  await nextLoad(element, timeout, 'settle');
  await element.updateComplete;
}

/** The text of a part of an element's shadow root (whitespace collapsed). */
export function partText(element: HTMLElement, part: string): string | undefined {
  const node = element.shadowRoot?.querySelector(`[part~="${part}"]`);
  return node?.textContent?.replace(/[ \t\n\r]+/g, ' ').replace(/^ | $/g, '');
}

/** Portal request log entries (the local portal's test hook). */
export interface LogEntry {
  method: string;
  path: string;
  search: string;
  status: number;
  aborted?: boolean;
}

export async function portalLog(): Promise<LogEntry[]> {
  return (await fetch(`${PORTAL}/__log`)).json();
}

export async function clearPortalLog(): Promise<void> {
  await fetch(`${PORTAL}/__log`, { method: 'DELETE' });
}

/** Injects a failure into the local portal's next matching requests. */
export async function injectFault(fault: {
  path?: string;
  status?: number;
  times?: number;
  retryAfter?: number;
  delayMs?: number;
  body?: 'malformed' | 'truncated' | 'html' | 'huge';
  drop?: boolean;
}): Promise<void> {
  await fetch(`${PORTAL}/__faults`, { method: 'POST', body: JSON.stringify(fault) });
}

export async function clearFaults(): Promise<void> {
  await fetch(`${PORTAL}/__faults`, { method: 'DELETE' });
}

/** Waits until `check` returns a truthy value (polling), or fails after `timeout` ms. */
export async function waitFor<T>(check: () => T | Promise<T>, timeout = 10000, what = 'condition'): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A unique number, to make a query no earlier test has cached. */
let counter = 0;
export const unique = () => `${Date.now() % 100000}${(counter += 1)}`;

/** The Explore API of the local portal. */
const API = `${PORTAL}/api/explore/v2.1/catalog/datasets`;

/** The number of records of a local portal dataset matching `where` clauses, asked of the portal directly. */
export async function portalCount(id: string, where: string[]): Promise<number> {
  const query = new URLSearchParams([['limit', '0'], ...where.map((w): [string, string] => ['where', w])]);
  return ((await (await fetch(`${API}/${id}/records?${query}`)).json()) as { total_count: number }).total_count;
}

/** Runs one of web-test-runner's built-in commands from the page: real input events, not synthetic ones. */
async function runnerCommand(command: string, payload: unknown): Promise<void> {
  const sessionId = new URL(location.href).searchParams.get('wtr-session-id');
  const socket = '/__web-dev-server__web-socket.js';
  const { sendMessageWaitForResponse } = (await import(socket)) as {
    sendMessageWaitForResponse(message: unknown): Promise<{ executed: boolean }>;
  };
  const answer = await sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command, payload });
  if (!answer.executed) throw new Error(`the ${command} command is not available`);
}

/** Real key presses or typing (web-test-runner's `send-keys`), e.g. `{ press: 'Enter' }`, `{ type: 'Lyon' }`. */
export function sendKeys(payload: { press: string } | { type: string }): Promise<void> {
  return runnerCommand('send-keys', payload);
}

/** A real mouse click at a point of the page (web-test-runner's `send-mouse`). */
export function mouseClick(x: number, y: number): Promise<void> {
  return runnerCommand('send-mouse', { type: 'click', position: [Math.round(x), Math.round(y)] });
}

/** Adds `<script type="module" src>` to the page (the CDN build: run `npm run build` first). */
export function addScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}: npm run build`));
    document.head.append(script);
  });
}

/**
 * Resolves at the element's next `vitrine-data-load` (or error): set it up before the change. `what`
 * names the wait in the timeout's message.
 */
export function nextLoad(el: HTMLElement, timeout = 15000, what = 'load again'): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`<${el.localName}> did not ${what} in ${timeout} ms`)), timeout);
    const done = () => {
      clearTimeout(timer);
      el.removeEventListener('vitrine-data-load', done);
      el.removeEventListener('vitrine-data-error', done);
      resolve();
    };
    el.addEventListener('vitrine-data-load', done);
    el.addEventListener('vitrine-data-error', done);
  });
}

/** The checkbox (or radio button) of the value named `name` in a `vitrine-filter`. */
export function filterControl(el: HTMLElement, name: string): HTMLInputElement {
  const row = [...el.shadowRoot!.querySelectorAll('.row')].find((r) => r.querySelector('.name')?.textContent === name);
  if (!row) throw new Error(`no value named ${name}`);
  return row.querySelector('input')!;
}

/**
 * Removes `el` once its request (whose query holds `tag`, held back by a delay fault) reached the
 * portal, and returns that request's log entry once the portal saw it aborted.
 */
export async function removeWhileLoading(el: HTMLElement, tag: string): Promise<LogEntry | undefined> {
  await waitFor(async () => (await portalLog()).some((e) => e.search.includes(tag)), 5000, 'the request');
  el.remove();
  return waitFor(
    async () => (await portalLog()).find((e) => e.search.includes(tag) && e.aborted),
    5000,
    'an aborted request',
  );
}
