import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbortError } from '../data/errors.js';
import { loadErrorTexts } from '../format/error-texts.js';

/** Where an element's data stands. */
export type DataStatus = 'loading' | 'data' | 'empty' | 'error';

/** A unit of work: fetch and shape what the element shows. */
export type DataTask<T> = (context: { signal: AbortSignal; refresh: boolean }) => Promise<T>;

/** Options of a {@link DataController}. Every field is optional. */
export interface DataControllerOptions<T> {
  /** Whether a result counts as "no data" (the empty state). Default: never. */
  isEmpty?: (value: T) => boolean;
  /** Called after each settled run (data, empty or error), e.g. to fire events. */
  onSettled?: (controller: DataController<T>) => void;
}

/**
 * Runs an element's data task and tracks its state, the way every Vitrine element needs it:
 * - a new run when the task's key changes (an attribute, the bound source's filters), aborting the
 *   one in flight, whose late answer is ignored;
 * - periodic refresh (`refresh` attribute): while a refresh fails, the last data stays on screen,
 *   marked stale, rather than being blanked;
 * - removal from the page aborts the request and stops the timer; coming back runs again (a move within
 *   one task keeps the request in flight: no second request);
 * - an error settles once its text can be shown (the CDN build loads error texts on first use).
 */
export class DataController<T> implements ReactiveController {
  status: DataStatus = 'loading';
  value: T | undefined;
  error: Error | undefined;
  /** The data shown is from an earlier answer: the last refresh failed. */
  stale = false;
  /** When the shown data arrived. */
  updatedAt: Date | undefined;

  private key: string | undefined;
  private task: DataTask<T> | undefined;
  private abort: AbortController | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private refreshSeconds = 0;
  private connected = false;
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DataControllerOptions<T> = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    // Back on the page after a removal: the aborted run starts again.
    if (this.task && this.key !== undefined && this.status === 'loading' && !this.abort) this.start(false);
    this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stopTimer();
    const abort = this.abort;
    if (!abort) return;
    // A move in the page (out and back in within one task) keeps the request in flight: abort it only
    // if the element is still out once the task is done.
    queueMicrotask(() => {
      if (this.connected || this.abort !== abort) return;
      abort.abort();
      this.abort = undefined;
      if (this.status !== 'data' && this.status !== 'empty') this.status = 'loading';
    });
  }

  /**
   * Runs `task` unless the last run had the same `key`. A thrown error before any request (a bad
   * attribute) is shown like any other.
   */
  run(key: string, task: DataTask<T>): void {
    // After `fail`, the same key runs again: the attribute that was wrong may be right now.
    const afterFailure = this.task === undefined;
    this.task = task;
    if (key === this.key && !afterFailure) return;
    this.key = key;
    this.generation++;
    this.value = undefined;
    this.stale = false;
    this.status = 'loading';
    if (this.connected) this.start(false);
  }

  /** Shows an error found before any request (e.g. a wrong attribute). */
  fail(key: string, error: Error): void {
    // Shown already, or about to be (only `run` gives a key a task).
    if (key === this.key && !this.task) return;
    this.key = key;
    this.task = undefined;
    this.abort?.abort();
    this.abort = undefined;
    this.value = undefined;
    this.status = 'loading';
    this.whenTextsReady(++this.generation, () => this.settle('error', undefined, error));
  }

  /** Refreshes every `seconds` (0 or undefined: never). */
  setRefresh(seconds: number | undefined): void {
    const next = seconds && seconds > 0 ? seconds : 0;
    if (next === this.refreshSeconds) return;
    this.refreshSeconds = next;
    this.schedule();
  }

  /** Runs the task again now (the retry button; a refresh). */
  retry(): void {
    if (!this.task) return;
    const keep = this.status === 'data' || this.status === 'empty';
    if (!keep) {
      this.status = 'loading';
      this.host.requestUpdate();
    }
    this.start(true);
  }

  private start(refresh: boolean): void {
    const task = this.task;
    if (!task) return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    const generation = ++this.generation;
    task({ signal: abort.signal, refresh }).then(
      (value) => {
        if (generation !== this.generation) return;
        this.abort = undefined;
        const empty = this.options.isEmpty?.(value) ?? false;
        this.updatedAt = new Date();
        this.settle(empty ? 'empty' : 'data', value, undefined);
      },
      (error: unknown) => {
        if (generation !== this.generation || isAbortError(error) || abort.signal.aborted) return;
        this.abort = undefined;
        const failure = error instanceof Error ? error : new Error(String(error));
        this.whenTextsReady(generation, () => {
          // A failed refresh keeps the data on screen, marked stale.
          if (refresh && this.value !== undefined && (this.status === 'data' || this.status === 'empty')) {
            this.stale = true;
            this.error = failure;
            this.host.requestUpdate();
            this.options.onSettled?.(this);
            return;
          }
          this.settle('error', undefined, failure);
        });
      },
    );
  }

  /** Runs `show` (an error) at once when the error texts are there, else once they are, if still current. */
  private whenTextsReady(generation: number, show: () => void): void {
    const loading = loadErrorTexts();
    if (!loading) show();
    else
      void loading.then(() => {
        if (generation === this.generation) show();
      });
  }

  private settle(status: DataStatus, value: T | undefined, error: Error | undefined): void {
    this.status = status;
    this.value = value;
    this.error = error;
    this.stale = false;
    this.host.requestUpdate();
    this.options.onSettled?.(this);
  }

  private schedule(): void {
    this.stopTimer();
    if (this.connected && this.refreshSeconds > 0) {
      this.timer = setInterval(() => {
        if (!this.abort) this.start(true);
      }, this.refreshSeconds * 1000);
    }
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
