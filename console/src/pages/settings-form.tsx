/**
 * The settings from a date on, in one form: checked here with the API's own schema, the API's
 * errors (400, and 422 for a date in the past) at their fields, and what the change changes said
 * before and after it is saved.
 */
import { useState } from "preact/hooks";
import { api, unwrap } from "../api/client";
import { TextField } from "../components/fields";
import { OutcomeNotice } from "../components/problem";
import { formatDate } from "../format";
import { t } from "../i18n";
import {
  changesBetween,
  checkDraft,
  draftOf,
  NUMBER_FIELDS,
  type NumberField,
  SETTING_KEYS,
  type SettingChange,
  type SettingsDraft,
} from "../settings/draft";
import { settingsBefore } from "../settings/rules";
import type { ChangeView, SettingsView } from "../settings/types";
import { hintOf, labelOf, valueWords } from "../settings/words";
import { useForm } from "../use-form";
import { RoutingFieldset } from "./settings-routing";

/** The number fields in the order the table of settings in force lists them. */
const NUMBER_FIELD_ORDER = SETTING_KEYS.filter((key): key is NumberField => key !== "routing");

export const ChangeList = ({ changes, id }: { changes: readonly SettingChange[]; id?: string }) => (
  <ul id={id}>
    {changes.map((change) => (
      <li key={change.key}>
        {t.settings.change(
          labelOf(change.key),
          valueWords(change.key, change.from).join("; "),
          valueWords(change.key, change.to).join("; "),
        )}
      </li>
    ))}
  </ul>
);

interface SettingsFormProps {
  readonly municipality: string;
  readonly view: SettingsView;
  readonly history: readonly ChangeView[];
  readonly onSaved: () => void;
}

type Confirmation =
  | { readonly kind: "saved"; readonly effectiveFrom: string; readonly changes: readonly SettingChange[] }
  | { readonly kind: "nothing" };

export const SettingsForm = ({ municipality, view, history, onSaved }: SettingsFormProps) => {
  const s = t.settings;
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(view.inForce.settings, view.today));
  const [confirmation, setConfirmation] = useState<Confirmation | undefined>(undefined);
  const edit = (change: Partial<SettingsDraft>) => {
    setConfirmation(undefined);
    setDraft((d) => ({ ...d, ...change }));
  };

  // What the change would change, against what is in force or scheduled on its date today.
  const checked = checkDraft(draft);
  const preview =
    checked.ok && checked.settings
      ? changesBetween(settingsBefore(history, checked.body.effectiveFrom), checked.settings)
      : undefined;
  // A change replaces whatever was scheduled from its date on: said before it is saved.
  const replaces = checked.ok
    ? view.scheduled.filter((change) => change.effectiveFrom >= checked.body.effectiveFrom)
    : [];

  const form = useForm({
    check: () => checked,
    write: (body) =>
      unwrap(
        api.PUT("/v1/municipalities/{code}/settings", { params: { path: { code: municipality } }, body }),
      ),
    onDone: (_view, body) => {
      setConfirmation({ kind: "saved", effectiveFrom: body.effectiveFrom, changes: preview ?? [] });
      onSaved();
    },
  });
  const { outcome, pending, problems } = form;

  const submit = (event: Event) => {
    setConfirmation(undefined);
    if (preview?.length === 0 && replaces.length === 0) {
      // The same settings again: nothing to send, and said so.
      event.preventDefault();
      form.reset();
      return setConfirmation({ kind: "nothing" });
    }
    return form.submit(event);
  };

  const numberField = (field: NumberField) => (
    <TextField
      key={field}
      id={`settings-${field}`}
      label={labelOf(field)}
      hint={hintOf(field)}
      inputMode="numeric"
      value={draft[field]}
      onInput={(value) => edit({ [field]: value })}
      required={field !== "firstOffenceConversationHours" && field !== "adultInvestigationTargetDays"}
      problems={problems(NUMBER_FIELDS[field])}
    />
  );

  return (
    <form noValidate onSubmit={submit} class="card settings-form" aria-labelledby="settings-form-title">
      <h2 id="settings-form-title">{s.form}</h2>
      <p class="hint">{s.formLead}</p>
      <TextField
        id="settings-effectiveFrom"
        label={s.effectiveFrom}
        hint={s.effectiveFromHint(formatDate(view.today))}
        type="date"
        value={draft.effectiveFrom}
        onInput={(effectiveFrom) => edit({ effectiveFrom })}
        required
        problems={problems("effectiveFrom")}
      />
      <RoutingFieldset rules={draft.routing} onChange={(routing) => edit({ routing })} problems={problems} />
      {NUMBER_FIELD_ORDER.map(numberField)}
      <section aria-labelledby="settings-preview-title" class="settings-preview">
        <h3 id="settings-preview-title">{s.preview}</h3>
        {preview === undefined ? null : preview.length === 0 ? (
          <p>{s.previewNone}</p>
        ) : (
          <ChangeList changes={preview} />
        )}
        {replaces.length > 0 ? (
          <div class="notice notice-info">
            <p>{s.replacesScheduled}</p>
            <ul>
              {replaces.map((change) => (
                <li key={change.changedAt}>
                  {s.scheduledItem(formatDate(change.effectiveFrom), change.changedBy)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      <OutcomeNotice outcome={outcome} />
      <div role="status" class={confirmation ? "notice notice-ok" : undefined}>
        {confirmation?.kind === "saved" ? (
          <>
            <p>
              <strong>{s.saved(formatDate(confirmation.effectiveFrom))}</strong>
            </p>
            <ChangeList changes={confirmation.changes} />
          </>
        ) : confirmation?.kind === "nothing" ? (
          <p>{s.nothingToSave}</p>
        ) : null}
      </div>
      <button type="submit" class="primary" disabled={pending}>
        {pending ? t.saving : s.save}
      </button>
    </form>
  );
};
