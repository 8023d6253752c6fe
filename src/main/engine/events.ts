import type { EventName, PayloadOf } from '../../shared/contract/events';

export type EventListener = (event: EventName, payload: unknown) => void;

/** Fans engine events out to every connected transport. `on` returns its unsubscribe function. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: PayloadOf<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
