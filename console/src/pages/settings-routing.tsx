/** The routing overrides as a list the administrator grows and trims, each checked as the API checks it. */
import type { FieldProblem } from "../api/problem";
import { TextField } from "../components/fields";
import { FieldErrors } from "../components/problem";
import { Select } from "../components/select";
import { t } from "../i18n";
import { emptyRule, type RuleDraft } from "../settings/draft";
import { LIMITS, REFERRAL_KINDS, UNITS } from "../settings/rules";
import { ageHint, meaningOf } from "../settings/words";

interface RoutingProps {
  readonly rules: readonly RuleDraft[];
  readonly onChange: (rules: readonly RuleDraft[]) => void;
  /** The errors of one field, by the API's path. */
  readonly problems: (path: string) => readonly FieldProblem[];
}

export const RoutingFieldset = ({ rules, onChange, problems }: RoutingProps) => {
  const r = t.settings.routing;
  const listProblems = problems("routing");
  const describedBy = ["routing-hint", listProblems.length > 0 ? "routing-error" : ""].filter(Boolean);
  const replace = (index: number, rule: RuleDraft) =>
    onChange(rules.map((old, i) => (i === index ? rule : old)));
  return (
    <fieldset aria-describedby={describedBy.join(" ")}>
      <legend>{r.label}</legend>
      <p class="hint" id="routing-hint">
        {`${meaningOf("routing")} ${t.settings.standard(r.none)} ${r.max(LIMITS.routingRules)}`}
      </p>
      <FieldErrors id="routing" problems={listProblems} />
      {rules.map((rule, i) => {
        const path = `routing.${i}`;
        const edit = (change: Partial<RuleDraft>) => replace(i, { ...rule, ...change });
        const kindProblems = problems(`${path}.kinds`);
        return (
          <fieldset key={rule.key} class="row-group">
            <legend>{r.rule(i + 1)}</legend>
            <Select
              id={`rule-${rule.key}-unit`}
              label={r.unit}
              value={rule.unit === "" ? undefined : rule.unit}
              options={UNITS}
              labelOf={(unit) => t.referral.unit[unit]}
              empty={r.chooseUnit}
              onChange={(unit) => edit({ unit: unit ?? "" })}
              required
              problems={problems(`${path}.unit`)}
            />
            <fieldset
              aria-describedby={[
                `rule-${rule.key}-kinds-hint`,
                kindProblems.length > 0 ? `rule-${rule.key}-kinds-error` : "",
              ]
                .filter(Boolean)
                .join(" ")}
            >
              <legend>{r.kinds}</legend>
              <p class="hint" id={`rule-${rule.key}-kinds-hint`}>
                {r.kindsHint}
              </p>
              {REFERRAL_KINDS.map((kind) => (
                <label class="choice" key={kind}>
                  <input
                    type="checkbox"
                    checked={rule.kinds.includes(kind)}
                    onChange={(event) =>
                      edit({
                        kinds: event.currentTarget.checked
                          ? REFERRAL_KINDS.filter((k) => k === kind || rule.kinds.includes(k))
                          : rule.kinds.filter((k) => k !== kind),
                      })
                    }
                  />
                  {t.referral.kind[kind]}
                </label>
              ))}
              <FieldErrors id={`rule-${rule.key}-kinds`} problems={kindProblems} />
            </fieldset>
            <TextField
              id={`rule-${rule.key}-minAge`}
              label={r.minAge}
              hint={ageHint()}
              inputMode="numeric"
              value={rule.minAge}
              onInput={(minAge) => edit({ minAge })}
              problems={problems(`${path}.minAge`)}
            />
            <TextField
              id={`rule-${rule.key}-maxAge`}
              label={r.maxAge}
              inputMode="numeric"
              value={rule.maxAge}
              onInput={(maxAge) => edit({ maxAge })}
              problems={problems(`${path}.maxAge`)}
            />
            <div class="row-actions">
              <button
                type="button"
                onClick={() => {
                  onChange(rules.filter((_, j) => j !== i));
                  // The button goes with its row: focus stays in the list, on the way to add another.
                  requestAnimationFrame(() => document.getElementById("routing-add")?.focus());
                }}
              >
                {r.remove(i + 1)}
              </button>
            </div>
          </fieldset>
        );
      })}
      {rules.length < LIMITS.routingRules ? (
        <button type="button" id="routing-add" onClick={() => onChange([...rules, emptyRule()])}>
          {r.add}
        </button>
      ) : null}
    </fieldset>
  );
};
