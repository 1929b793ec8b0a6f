/** The steps a caseworker records on a referral, each a form that says what went wrong beside it. */
import { useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { CLOSURE_REASONS, type ClosureReason, type ReferralDetail } from "../../api/types";
import { RadioGroup, TextField } from "../../components/fields";
import { OutcomeNotice } from "../../components/problem";
import { Select } from "../../components/select";
import { t } from "../../i18n";
import { missingFields, requireFields, useForm } from "../../use-form";

export interface ActionProps {
  readonly referral: Pick<ReferralDetail, "id" | "unit" | "assignee">;
  /** Called after a write succeeded: the page reads the referral and its history again. */
  readonly onDone: () => void;
}

type YesNo = "ja" | "nej";

/** A note is sent only when something was written. */
const noteOf = (note: string) => (note.trim() ? { note: note.trim() } : {});

export const ProtectionAssessmentForm = ({ referral, onDone }: ActionProps) => {
  const [needed, setNeeded] = useState<YesNo>();
  const [note, setNote] = useState("");
  const { outcome, pending, problems, submit } = useForm({
    check: () =>
      requireFields([needed === undefined && "immediateProtectionNeeded"], () => ({
        immediateProtectionNeeded: needed === "ja",
        ...noteOf(note),
      })),
    write: (body) =>
      unwrap(
        api.POST("/v1/referrals/{id}/protection-assessment", { params: { path: { id: referral.id } }, body }),
      ),
    onDone,
  });
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
        problems={problems("immediateProtectionNeeded")}
      />
      <TextField
        id="protection-note"
        label={t.protection.note}
        value={note}
        onInput={setNote}
        multiline
        maxLength={4000}
        problems={problems("note")}
      />
      <OutcomeNotice outcome={outcome} />
      <button type="submit" class="primary" disabled={pending}>
        {t.protection.submit}
      </button>
    </form>
  );
};

export const DecisionForm = ({ referral, onDone }: ActionProps) => {
  const [open, setOpen] = useState<YesNo>();
  const [reason, setReason] = useState("");
  const { outcome, pending, problems, submit } = useForm({
    check: () =>
      requireFields([open === undefined && "openInvestigation", !reason.trim() && "reason"], () => ({
        openInvestigation: open === "ja",
        reason: reason.trim(),
      })),
    write: (body) =>
      unwrap(api.POST("/v1/referrals/{id}/decision", { params: { path: { id: referral.id } }, body })),
    onDone,
  });
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
        problems={problems("openInvestigation")}
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
        problems={problems("reason")}
      />
      <OutcomeNotice outcome={outcome} />
      <button type="submit" class="primary" disabled={pending}>
        {t.decision.submit}
      </button>
    </form>
  );
};

export const ConversationForm = ({ referral, onDone }: ActionProps) => {
  const [note, setNote] = useState("");
  const { outcome, pending, problems, submit } = useForm({
    check: () => requireFields([], () => noteOf(note)),
    write: (body) =>
      unwrap(
        api.POST("/v1/referrals/{id}/first-offence-conversation", {
          params: { path: { id: referral.id } },
          body,
        }),
      ),
    onDone,
  });
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
        problems={problems("note")}
      />
      <OutcomeNotice outcome={outcome} />
      <button type="submit" class="primary" disabled={pending}>
        {t.conversation.submit}
      </button>
    </form>
  );
};

export const CloseForm = ({ referral, onDone }: ActionProps) => {
  const [reason, setReason] = useState<ClosureReason>();
  const [note, setNote] = useState("");
  const { outcome, pending, problems, submit } = useForm({
    check: () =>
      reason === undefined ? missingFields(["reason"]) : { ok: true, body: { reason, ...noteOf(note) } },
    write: (body) =>
      unwrap(api.POST("/v1/referrals/{id}/close", { params: { path: { id: referral.id } }, body })),
    onDone,
  });
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
        problems={problems("reason")}
      />
      <TextField
        id="close-note"
        label={t.close.note}
        value={note}
        onInput={setNote}
        multiline
        maxLength={4000}
        problems={problems("note")}
      />
      <OutcomeNotice outcome={outcome} />
      <button type="submit" disabled={pending}>
        {t.close.submit}
      </button>
    </form>
  );
};
