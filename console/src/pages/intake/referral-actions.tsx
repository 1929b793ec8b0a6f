/** The steps a caseworker records on a referral, each a form that says what went wrong beside it. */
import { useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { problemsFor } from "../../api/problem";
import { CLOSURE_REASONS, type ClosureReason, type ReferralDetail } from "../../api/types";
import { RadioGroup, TextField } from "../../components/fields";
import { OutcomeNotice } from "../../components/problem";
import { Select } from "../../components/select";
import { useAction } from "../../hooks";
import { t } from "../../i18n";

export interface ActionProps {
  readonly referral: Pick<ReferralDetail, "id" | "unit" | "assignee">;
  /** Called after a write succeeded: the page reads the referral and its history again. */
  readonly onDone: () => void;
}

type YesNo = "ja" | "nej";
const problemOf = (outcome: ReturnType<typeof useAction>["outcome"]) =>
  outcome.state === "failed" ? outcome.problem : undefined;

export const ProtectionAssessmentForm = ({ referral, onDone }: ActionProps) => {
  const [needed, setNeeded] = useState<YesNo>();
  const [note, setNote] = useState("");
  const { outcome, run, refuse } = useAction();
  const problem = problemOf(outcome);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (needed === undefined) return refuse(["immediateProtectionNeeded"]);
    const body = {
      immediateProtectionNeeded: needed === "ja",
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    const done = await run(() =>
      unwrap(
        api.POST("/v1/referrals/{id}/protection-assessment", { params: { path: { id: referral.id } }, body }),
      ),
    );
    if (done) onDone();
  };
  return (
    <form noValidate onSubmit={submit} class="card" aria-labelledby="protection-title">
      <h3 id="protection-title">{t.protection.title}</h3>
      <RadioGroup
        name="protection"
        legend={t.protection.question}
        value={needed}
        options={[
          ["ja", t.protection.yes],
          ["nej", t.protection.no],
        ]}
        onChange={setNeeded}
        problems={problemsFor(problem, "immediateProtectionNeeded")}
      />
      <TextField
        id="protection-note"
        label={t.protection.note}
        value={note}
        onInput={setNote}
        multiline
        maxLength={4000}
        problems={problemsFor(problem, "note")}
      />
      <OutcomeNotice outcome={outcome} />
      <button type="submit" class="primary" disabled={outcome.state === "pending"}>
        {t.protection.submit}
      </button>
    </form>
  );
};

export const DecisionForm = ({ referral, onDone }: ActionProps) => {
  const [open, setOpen] = useState<YesNo>();
  const [reason, setReason] = useState("");
  const { outcome, run, refuse } = useAction();
  const problem = problemOf(outcome);
  const submit = async (event: Event) => {
    event.preventDefault();
    const missing = [open === undefined ? "openInvestigation" : "", reason.trim() ? "" : "reason"].filter(
      Boolean,
    );
    if (missing.length > 0) return refuse(missing);
    const body = { openInvestigation: open === "ja", reason: reason.trim() };
    const done = await run(() =>
      unwrap(api.POST("/v1/referrals/{id}/decision", { params: { path: { id: referral.id } }, body })),
    );
    if (done) onDone();
  };
  return (
    <form noValidate onSubmit={submit} class="card" aria-labelledby="decision-title">
      <h3 id="decision-title">{t.decision.title}</h3>
      <RadioGroup
        name="decision"
        legend={t.decision.question}
        value={open}
        options={[
          ["ja", t.decision.yes],
          ["nej", t.decision.no],
        ]}
        onChange={setOpen}
        problems={problemsFor(problem, "openInvestigation")}
      />
      <TextField
        id="decision-reason"
        label={t.decision.reason}
        hint={t.decision.reasonHint}
        value={reason}
        onInput={setReason}
        multiline
        required
        maxLength={4000}
        problems={problemsFor(problem, "reason")}
      />
      <OutcomeNotice outcome={outcome} />
      <button type="submit" class="primary" disabled={outcome.state === "pending"}>
        {t.decision.submit}
      </button>
    </form>
  );
};

export const ConversationForm = ({ referral, onDone }: ActionProps) => {
  const [note, setNote] = useState("");
  const { outcome, run } = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const done = await run(() =>
      unwrap(
        api.POST("/v1/referrals/{id}/first-offence-conversation", {
          params: { path: { id: referral.id } },
          body: note.trim() ? { note: note.trim() } : {},
        }),
      ),
    );
    if (done) onDone();
  };
  return (
    <form noValidate onSubmit={submit} class="card" aria-labelledby="conversation-title">
      <h3 id="conversation-title">{t.conversation.title}</h3>
      <p class="hint">{t.conversation.lead}</p>
      <TextField
        id="conversation-note"
        label={t.conversation.note}
        value={note}
        onInput={setNote}
        multiline
        maxLength={4000}
        problems={problemsFor(problemOf(outcome), "note")}
      />
      <OutcomeNotice outcome={outcome} />
      <button type="submit" class="primary" disabled={outcome.state === "pending"}>
        {t.conversation.submit}
      </button>
    </form>
  );
};

export const CloseForm = ({ referral, onDone }: ActionProps) => {
  const [reason, setReason] = useState<ClosureReason>();
  const [note, setNote] = useState("");
  const { outcome, run, refuse } = useAction();
  const problem = problemOf(outcome);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (reason === undefined) return refuse(["reason"]);
    const body = { reason, ...(note.trim() ? { note: note.trim() } : {}) };
    const done = await run(() =>
      unwrap(api.POST("/v1/referrals/{id}/close", { params: { path: { id: referral.id } }, body })),
    );
    if (done) onDone();
  };
  return (
    <form noValidate onSubmit={submit} class="card" aria-labelledby="close-title">
      <h3 id="close-title">{t.close.title}</h3>
      <Select
        id="close-reason"
        label={t.close.reason}
        value={reason}
        options={CLOSURE_REASONS}
        labelOf={(r) => t.referral.closure[r]}
        empty=""
        required
        onChange={setReason}
        problems={problemsFor(problem, "reason")}
      />
      <TextField
        id="close-note"
        label={t.close.note}
        value={note}
        onInput={setNote}
        multiline
        maxLength={4000}
        problems={problemsFor(problem, "note")}
      />
      <OutcomeNotice outcome={outcome} />
      <button type="submit" disabled={outcome.state === "pending"}>
        {t.close.submit}
      </button>
    </form>
  );
};
