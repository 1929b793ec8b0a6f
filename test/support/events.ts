import { type CatalogueEvent, parseEvent } from "../../shared/events/parse";
import { receiveAll } from "./aws";

export interface ReceivedEvent {
  readonly queue: string;
  /** The SQS message body exactly as delivered. */
  readonly raw: string;
  readonly event: CatalogueEvent;
}

/**
 * Collects what reached the consumer queues. Each drain empties the queues (so messages are not
 * redelivered) and keeps everything seen so far, for tests to filter by their own ids. A message
 * that does not parse as a catalogue event fails the test at once.
 */
export const queueEvents = (queueUrls: Readonly<Partial<Record<string, string>>>) => {
  const seen: ReceivedEvent[] = [];
  const drain = async (): Promise<readonly ReceivedEvent[]> => {
    for (const [queue, url] of Object.entries(queueUrls)) {
      if (!url) continue;
      for (const message of await receiveAll(url)) {
        const raw = message.Body ?? "";
        const parsed = parseEvent(raw);
        if (!parsed.ok)
          throw new Error(`a message on ${queue} is not a valid event: ${JSON.stringify(parsed.issues)}`);
        seen.push({ queue, raw, event: parsed.event });
      }
    }
    return seen;
  };
  return { drain };
};
