import { vi } from 'vitest';

/** Stands in for the browser's EventSource (jsdom has none); a test drives each stream by hand. */
export class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];

  readyState = FakeEventSource.CONNECTING;
  private readonly listeners = new Map<string, ((event: Event) => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }

  /** Installs the fake as the global EventSource; `vi.unstubAllGlobals` (after each test) removes it. */
  static install() {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  }

  static latest(): FakeEventSource {
    const source = FakeEventSource.instances.at(-1);
    if (!source) throw new Error('no EventSource was opened');
    return source;
  }

  addEventListener(type: string, listener: (event: Event) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close() {
    this.readyState = FakeEventSource.CLOSED;
  }

  open() {
    this.readyState = FakeEventSource.OPEN;
    this.dispatch(new Event('open'));
  }

  send(type: string, data: unknown, id: string) {
    this.dispatch(new MessageEvent(type, { data: JSON.stringify(data), lastEventId: id }));
  }

  /** A dropped connection the browser will retry (CONNECTING), or one it gives up on (CLOSED). */
  fail(readyState = FakeEventSource.CONNECTING) {
    this.readyState = readyState;
    this.dispatch(new Event('error'));
  }

  private dispatch(event: Event) {
    if (this.readyState === FakeEventSource.CLOSED && event.type !== 'error') return;
    this.listeners.get(event.type)?.forEach((listener) => listener(event));
  }
}
