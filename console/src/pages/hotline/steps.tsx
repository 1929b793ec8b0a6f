/** The triage's four steps, each done or not needed with a reason, and the completion they allow. */
import { useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { ApiError, problemsFor } from "../../api/problem";
import type { StepName, StepStatus } from "../../api/types";
import { RadioGroup, TextField } from "../../components/fields";
import { OutcomeNotice, ProblemNotice } from "../../components/problem";
import { formatDateTime } from "../../format";
import { useAction } from "../../hooks";
import { pendingStepsOf, type ShownTriage, withoutCaller } from "../../hotline/triage";
import { t } from "../../i18n";

interface StepFormProps {
  readonly triage: ShownTriage;
  readonly step: StepName;
  /** Named by a refused completion: marked as what is still to do. */
  readonly pending: boolean;
  readonly onSaved: (triage: ShownTriage) => void;
}

export const StepForm = ({ triage, step, pending, onSaved }: StepFormProps) => {
  const current = triage.steps[step];
  const [status, setStatus] = useState<StepStatus>(current.status);
  const [reason, setReason] = useState(current.reason ?? "");
  const [note, setNote] = useState(current.note ?? "");
  const [identity, setIdentity] = useState("");
  const [saved, setSaved] = useState(false);
  const { outcome, run, refuse } = useAction();
  const problem = outcome.state === "failed" ? outcome.problem : undefined;
  const p = t.triagePage;
  const name = t.triage.step[step];
  const needsIdentity = step === "financial-assistance" && status === "done";
  const save = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    if (status === "not-needed" && !reason.trim()) return refuse(["reason"]);
    if (needsIdentity && !identity.trim()) return refuse(["personalIdentityNumber"]);
    const body = {
      status,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(status === "not-needed" ? { reason: reason.trim() } : {}),
      ...(needsIdentity ? { personalIdentityNumber: identity.trim() } : {}),
    };
    const answer = await run(() =>
      unwrap(
        api.PUT("/v1/hotline/triages/{id}/steps/{step}", { params: { path: { id: triage.id, step } }, body }),
      ),
    );
    if (answer) {
      setIdentity("");
      setSaved(true);
      onSaved(withoutCaller(answer));
    }
  };
  const stateText = p.stepState(
    t.triage.stepStatus[current.status],
    current.by,
    current.at ? formatDateTime(current.at) : undefined,
  );
  const id = `step-${step}`;
  if (triage.status === "completed") {
    return (
      <div class="card">
        <h3>{name}</h3>
        <p>{stateText}</p>
        {current.reason ? <p class="recorded-note">{current.reason}</p> : null}
        {current.note ? <p class="recorded-note">{current.note}</p> : null}
      </div>
    );
  }
  return (
    <form
      noValidate
      class={`card${pending ? " card-pending" : ""}`}
      onSubmit={save}
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>{name}</h3>
      <p>{stateText}</p>
      {pending ? (
        <p class="field-error" id={`${id}-pending`}>
          {t.problem.field.pending}
        </p>
      ) : null}
      <RadioGroup
        name={id}
        legend={p.stepLegend}
        value={status}
        options={[
          ["done", t.triage.stepStatus.done],
          ["not-needed", t.triage.stepStatus["not-needed"]],
          ["pending", t.triage.stepStatus.pending],
        ]}
        onChange={setStatus}
        problems={problemsFor(problem, "status")}
      />
      {status === "not-needed" ? (
        <TextField
          id={`${id}-reason`}
          label={p.reason}
          value={reason}
          onInput={setReason}
          required
          maxLength={500}
          problems={problemsFor(problem, "reason")}
        />
      ) : null}
      {needsIdentity ? (
        <TextField
          id={`${id}-identity`}
          label={p.personalIdentityNumber}
          hint={p.personalIdentityNumberHint}
          value={identity}
          onInput={setIdentity}
          required
          inputMode="numeric"
          problems={problemsFor(problem, "personalIdentityNumber")}
        />
      ) : null}
      <TextField
        id={`${id}-note`}
        label={p.note}
        value={note}
        onInput={setNote}
        multiline
        maxLength={2000}
        problems={problemsFor(problem, "note")}
      />
      <OutcomeNotice outcome={outcome} />
      <p role="status">{saved ? p.stepSaved(name) : ""}</p>
      <button type="submit" class="primary" disabled={outcome.state === "pending"}>
        {p.saveStep(name)}
      </button>
    </form>
  );
};

interface CompleteProps {
  readonly triage: ShownTriage;
  readonly onCompleted: (triage: ShownTriage) => void;
  /** Which steps a refused completion named, so their forms can say so. */
  readonly onPending: (steps: readonly StepName[]) => void;
}

/** Completing: the 409 while a step is pending is said in words, naming the steps. */
export const CompleteTriage = ({ triage, onCompleted, onPending }: CompleteProps) => {
  const { outcome, run } = useAction();
  const p = t.triagePage;
  const complete = async () => {
    const answer = await run(async () => {
      try {
        return await unwrap(
          api.POST("/v1/hotline/triages/{id}/complete", { params: { path: { id: triage.id } } }),
        );
      } catch (error) {
        onPending(error instanceof ApiError ? pendingStepsOf(error.problem.fields) : []);
        throw error;
      }
    });
    if (answer) {
      onPending([]);
      onCompleted(withoutCaller(answer));
    }
  };
  const pending = outcome.state === "failed" ? pendingStepsOf(outcome.problem.fields) : [];
  return (
    <section aria-labelledby="complete-title" class="card">
      <h2 id="complete-title">{p.complete}</h2>
      <p class="hint">{p.completeHint}</p>
      {outcome.state === "failed" ? (
        <ProblemNotice problem={outcome.problem} />
      ) : (
        <OutcomeNotice outcome={outcome} />
      )}
      {pending.length > 0 ? (
        <p class="field-error">{p.pendingSteps(pending.map((s) => t.triage.step[s]).join(", "))}</p>
      ) : null}
      <button type="button" class="primary" onClick={complete} disabled={outcome.state === "pending"}>
        {p.complete}
      </button>
    </section>
  );
};
