import { type FieldProblem, fieldMessage, type Problem, problemMessage } from "../api/problem";
import type { ActionOutcome } from "../hooks";
import { t } from "../i18n";

/** The API's answer in words, announced when it appears; the server's own words for support. */
export const ProblemNotice = ({ problem, onRetry }: { problem: Problem; onRetry?: () => void }) => (
  <div class="notice notice-error" role="alert">
    <p>
      <strong>{problemMessage(problem)}</strong>
    </p>
    {problem.detail ? <p class="technical">{t.problem.technical(problem.detail)}</p> : null}
    {problem.correlationId ? <p class="technical">{t.problem.reference(problem.correlationId)}</p> : null}
    {onRetry ? (
      <button type="button" onClick={onRetry}>
        {t.retry}
      </button>
    ) : null}
  </div>
);

/** A write's outcome next to the form that made it: its problem, or that the answer was lost. */
export const OutcomeNotice = ({ outcome }: { outcome: ActionOutcome }) => {
  if (outcome.state === "failed") return <ProblemNotice problem={outcome.problem} />;
  if (outcome.state === "lost") {
    return (
      <div class="notice notice-error" role="alert">
        <p>
          <strong>{t.connection.mutationLost}</strong>
        </p>
      </div>
    );
  }
  return null;
};

/** A field's own errors, tied to it with aria-describedby by the field's id + "-error". */
export const FieldErrors = ({ id, problems }: { id: string; problems: readonly FieldProblem[] }) =>
  problems.length === 0 ? null : (
    <p class="field-error" id={`${id}-error`}>
      {problems.map((p) => fieldMessage(p)).join(", ")}
    </p>
  );

export const Loading = () => (
  <p class="loading" role="status">
    {t.loading}
  </p>
);
