import { useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { problemsFor } from "../../api/problem";
import type { ScheduleView } from "../../api/types";
import { TextField } from "../../components/fields";
import { OutcomeNotice } from "../../components/problem";
import { useAction } from "../../hooks";
import {
  checkDraft,
  DEFAULT_TIME_ZONE,
  draftOf,
  emptyDraft,
  type ScheduleDraft,
} from "../../hotline/schedule-draft";
import { todayIn } from "../../hotline/zoned";
import { t } from "../../i18n";
import { MembersFieldset, OverridesFieldset } from "./schedule-people";

interface ScheduleFormProps {
  readonly municipality: string;
  /** Undefined: the municipality has none yet, and this form creates it. */
  readonly schedule: ScheduleView | undefined;
  readonly onSaved: () => void;
}

/** The whole schedule in one form: checked here as the API checks it, the API's errors at their fields. */
export const ScheduleForm = ({ municipality, schedule, onSaved }: ScheduleFormProps) => {
  const [draft, setDraft] = useState<ScheduleDraft>(() =>
    schedule ? draftOf(schedule) : emptyDraft(todayIn(new Date(), DEFAULT_TIME_ZONE)),
  );
  const [saved, setSaved] = useState(false);
  const { outcome, run, reject } = useAction();
  const problem = outcome.state === "failed" ? outcome.problem : undefined;
  const s = t.schedule;
  const edit = (change: Partial<ScheduleDraft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...change }));
  };
  const field = (key: "hotlineNumber" | "timeZone" | "ringSeconds" | "fallbackMessage") => ({
    id: `schedule-${key}`,
    value: draft[key],
    onInput: (value: string) => edit({ [key]: value }),
    problems: problemsFor(problem, key),
  });

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    const checked = checkDraft(draft);
    if (!checked.ok) return reject(checked.fields);
    const done = await run(() =>
      unwrap(
        api.PUT("/v1/hotline/schedules/{municipality}", {
          params: { path: { municipality } },
          body: checked.body,
        }),
      ),
    );
    if (done) {
      setSaved(true);
      onSaved();
    }
  };

  return (
    <form noValidate onSubmit={submit} class="card schedule-form" aria-labelledby="schedule-form-title">
      <h2 id="schedule-form-title">{s.title}</h2>
      <p class="hint">{s.lead}</p>
      <fieldset>
        <legend>{s.basics}</legend>
        <TextField
          {...field("hotlineNumber")}
          label={s.hotlineNumber}
          type="tel"
          hint={s.phoneHint}
          required
        />
        <TextField {...field("timeZone")} label={s.timeZone} hint={s.timeZoneHint} required />
      </fieldset>
      <fieldset>
        <legend>{s.rotation}</legend>
        <TextField
          id="schedule-startDate"
          label={s.startDate}
          type="date"
          value={draft.startDate}
          onInput={(startDate) => edit({ startDate })}
          required
          problems={problemsFor(problem, "rotation.startDate")}
        />
        <TextField
          id="schedule-shiftDays"
          label={s.shiftDays}
          hint={s.shiftDaysHint}
          inputMode="numeric"
          value={draft.shiftDays}
          onInput={(shiftDays) => edit({ shiftDays })}
          required
          problems={problemsFor(problem, "rotation.shiftDays")}
        />
        <TextField
          id="schedule-handoffTime"
          label={s.handoffTime}
          type="time"
          value={draft.handoffTime}
          onInput={(handoffTime) => edit({ handoffTime })}
          required
          problems={problemsFor(problem, "handoffTime")}
        />
        <MembersFieldset
          members={draft.members}
          onChange={(members) => edit({ members })}
          problem={problem}
        />
      </fieldset>
      <OverridesFieldset draft={draft} onChange={(overrides) => edit({ overrides })} problem={problem} />
      <fieldset aria-describedby="manager-hint">
        <legend>{s.manager}</legend>
        <p class="hint" id="manager-hint">
          {s.managerLead}
        </p>
        {(["name", "id", "phone"] as const).map((key) => (
          <TextField
            key={key}
            id={`manager-${key}`}
            label={s[key]}
            type={key === "phone" ? "tel" : "text"}
            hint={key === "phone" ? s.phoneHint : undefined}
            value={draft.manager[key]}
            onInput={(value) => edit({ manager: { ...draft.manager, [key]: value } })}
            required
            problems={problemsFor(problem, `manager.${key}`)}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{s.calls}</legend>
        <TextField
          {...field("ringSeconds")}
          label={s.ringSeconds}
          hint={s.ringSecondsHint}
          inputMode="numeric"
          required
        />
        <TextField
          {...field("fallbackMessage")}
          label={s.fallbackMessage}
          hint={s.fallbackMessageHint}
          type="url"
        />
      </fieldset>
      <OutcomeNotice outcome={outcome} />
      <p role="status">{saved ? s.saved : ""}</p>
      <button type="submit" class="primary" disabled={outcome.state === "pending"}>
        {s.save}
      </button>
    </form>
  );
};
