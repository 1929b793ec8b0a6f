import { orThrow } from "../../../shared/domain/errors";
import type { TriageView } from "../contract-triage";
import type { HotlineDeps } from "../deps";
import { complete } from "../domain/triage-completion";
import type { Context } from "./context";
import { TriageHandling } from "./triage-handling";

/**
 * Completing a triage, apart from TriageHandling: it is the one change that emits events
 * (`hotline.triage.completed`, a late `deadline.breached`), and only its function should build
 * their contracts as it loads.
 */
export class TriageCompletion {
  private readonly triages: TriageHandling;

  constructor(private readonly deps: HotlineDeps) {
    this.triages = new TriageHandling(deps);
  }

  async complete(id: string, context: Context): Promise<TriageView> {
    const { view, committed } = await this.triages.change(id, context, "complete", (current, now) =>
      orThrow(complete(current, now)),
    );
    if (committed) {
      // Met exactly when completed within the 24 hours (see domain/triage-completion.ts).
      this.deps.logger.info("triage completed", {
        triageId: id,
        withinDeadline: committed.deadline.state === "met",
      });
    }
    return view;
  }
}
