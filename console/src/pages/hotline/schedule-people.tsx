/** The rotation's members and the overrides, as lists the administrator grows, orders and trims. */
import { type Problem, problemsFor } from "../../api/problem";
import { TextField } from "../../components/fields";
import { FieldErrors } from "../../components/problem";
import { Select } from "../../components/select";
import {
  emptyPerson,
  nextKey,
  type OverrideDraft,
  type PersonDraft,
  type ScheduleDraft,
} from "../../hotline/schedule-draft";
import { t } from "../../i18n";

const s = t.schedule;

const replaceAt = <T,>(list: readonly T[], index: number, item: T): T[] =>
  list.map((old, i) => (i === index ? item : old));

interface MembersProps {
  readonly members: readonly PersonDraft[];
  readonly onChange: (members: readonly PersonDraft[]) => void;
  readonly problem: Problem | undefined;
}

export const MembersFieldset = ({ members, onChange, problem }: MembersProps) => {
  const listProblems = problemsFor(problem, "rotation.members");
  return (
    <fieldset aria-describedby={listProblems.length > 0 ? "members-error" : undefined}>
      <legend>{s.members}</legend>
      <FieldErrors id="members" problems={listProblems} />
      {members.map((member, i) => {
        const path = `rotation.members.${i}`;
        const edit = (change: Partial<PersonDraft>) =>
          onChange(replaceAt(members, i, { ...member, ...change }));
        return (
          <fieldset key={member.key} class="row-group">
            <legend>{s.member(i + 1)}</legend>
            <TextField
              id={`member-${member.key}-name`}
              label={s.name}
              value={member.name}
              onInput={(name) => edit({ name })}
              required
              maxLength={200}
              problems={problemsFor(problem, `${path}.name`)}
            />
            <TextField
              id={`member-${member.key}-id`}
              label={s.id}
              value={member.id}
              onInput={(id) => edit({ id })}
              required
              problems={problemsFor(problem, `${path}.id`)}
            />
            <TextField
              id={`member-${member.key}-phone`}
              label={s.phoneOptional}
              type="tel"
              value={member.phone}
              onInput={(phone) => edit({ phone })}
              hint={s.phoneHint}
              problems={problemsFor(problem, `${path}.phone`)}
            />
            <div class="row-actions">
              {i > 0 ? (
                <button
                  type="button"
                  onClick={() => {
                    const next = [...members];
                    next.splice(i - 1, 2, member, members[i - 1] as PersonDraft);
                    onChange(next);
                  }}
                >
                  {s.moveUp(i + 1)}
                </button>
              ) : null}
              {members.length > 1 ? (
                <button type="button" onClick={() => onChange(members.filter((_, j) => j !== i))}>
                  {s.removeMember(i + 1)}
                </button>
              ) : null}
            </div>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => onChange([...members, emptyPerson()])}>
        {s.addMember}
      </button>
    </fieldset>
  );
};

interface OverridesProps {
  readonly draft: ScheduleDraft;
  readonly onChange: (overrides: readonly OverrideDraft[]) => void;
  readonly problem: Problem | undefined;
}

export const OverridesFieldset = ({ draft, onChange, problem }: OverridesProps) => {
  const { overrides } = draft;
  // Whoever the form names now, the manager too; each once.
  const people = new Map<string, string>();
  for (const p of [...draft.members, draft.manager]) {
    if (p.id.trim() && !people.has(p.id.trim()))
      people.set(p.id.trim(), s.personLabel(p.name.trim(), p.id.trim()));
  }
  const listProblems = problemsFor(problem, "overrides");
  return (
    <fieldset aria-describedby={listProblems.length > 0 ? "overrides-error" : "overrides-hint"}>
      <legend>{s.overrides}</legend>
      <p class="hint" id="overrides-hint">
        {s.overridesLead}
      </p>
      <FieldErrors id="overrides" problems={listProblems} />
      {overrides.length === 0 ? <p>{s.noOverrides}</p> : null}
      {overrides.map((o, i) => {
        const path = `overrides.${i}`;
        const edit = (change: Partial<OverrideDraft>) =>
          onChange(replaceAt(overrides, i, { ...o, ...change }));
        return (
          <fieldset key={o.key} class="row-group">
            <legend>{s.override(i + 1)}</legend>
            <Select
              id={`override-${o.key}-member`}
              label={s.overrideWho}
              value={people.has(o.memberId) ? o.memberId : undefined}
              options={[...people.keys()]}
              labelOf={(id) => people.get(id) ?? id}
              empty={s.choose}
              onChange={(memberId) => edit({ memberId: memberId ?? "" })}
              required
              problems={problemsFor(problem, `${path}.memberId`)}
            />
            <TextField
              id={`override-${o.key}-start`}
              label={s.overrideStart}
              type="datetime-local"
              value={o.start}
              onInput={(start) => edit({ start })}
              required
              problems={problemsFor(problem, `${path}.start`)}
            />
            <TextField
              id={`override-${o.key}-end`}
              label={s.overrideEnd}
              type="datetime-local"
              value={o.end}
              onInput={(end) => edit({ end })}
              required
              problems={problemsFor(problem, `${path}.end`)}
            />
            <div class="row-actions">
              <button type="button" onClick={() => onChange(overrides.filter((_, j) => j !== i))}>
                {s.removeOverride(i + 1)}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() => onChange([...overrides, { key: nextKey(), memberId: "", start: "", end: "" }])}
      >
        {s.addOverride}
      </button>
    </fieldset>
  );
};
