import type { Caller } from "../../../shared/domain/caller";
import type { Envelope } from "../../../shared/events/envelope";

/** Who acted and under which correlation id: a member of staff, a machine client, or an event. */
export interface Actor {
  readonly actor: string;
  readonly correlationId: string;
}

/** A request past the edge: the verified caller and the request's correlation id. */
export interface RequestContext {
  readonly caller: Caller;
  readonly correlationId: string;
}

export const actorOf = (context: RequestContext): Actor => ({
  actor: context.caller.subject,
  correlationId: context.correlationId,
});

/** Another service's event acts as `event:<service>`, under the event's correlation id. */
export const eventActor = (event: Envelope): Actor => ({
  actor: `event:${event.source}`,
  correlationId: event.correlationId,
});
