import type { ComponentChildren } from "preact";
import type { FieldProblem } from "../api/problem";
import { FieldErrors } from "./problem";

const describedBy = (id: string, hint: boolean, problems: readonly FieldProblem[]): string | undefined =>
  [hint ? `${id}-hint` : "", problems.length > 0 ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

interface RadioGroupProps<T extends string> {
  readonly name: string;
  readonly legend: string;
  readonly value: T | undefined;
  readonly options: readonly (readonly [T, ComponentChildren])[];
  readonly onChange: (value: T) => void;
  readonly problems?: readonly FieldProblem[];
}

/** A fieldset of radio buttons: the legend is the question, each label an answer. */
export const RadioGroup = <T extends string>(props: RadioGroupProps<T>) => {
  const problems = props.problems ?? [];
  const id = `${props.name}-group`;
  return (
    <fieldset aria-describedby={problems.length > 0 ? `${id}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.options.map(([value, label]) => (
        <label class="choice" key={value}>
          <input
            type="radio"
            name={props.name}
            value={value}
            checked={props.value === value}
            onChange={() => props.onChange(value)}
          />
          {label}
        </label>
      ))}
      <FieldErrors id={id} problems={problems} />
    </fieldset>
  );
};

interface TextProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly hint?: string;
  readonly problems?: readonly FieldProblem[];
  readonly multiline?: boolean;
  readonly required?: boolean;
  readonly maxLength?: number;
  readonly inputMode?: "numeric" | "text";
  readonly autoComplete?: string;
  /** A text field by default; a date or time gets the browser's own picker. */
  readonly type?: "text" | "tel" | "url" | "date" | "time" | "datetime-local";
}

/** A labelled text field or text area, its hint and errors tied to it. */
export const TextField = (props: TextProps) => {
  const problems = props.problems ?? [];
  const common = {
    id: props.id,
    value: props.value,
    required: props.required,
    maxLength: props.maxLength,
    "aria-invalid": problems.length > 0 ? true : undefined,
    "aria-describedby": describedBy(props.id, props.hint !== undefined, problems),
    onInput: (event: Event) => props.onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.multiline ? (
        <textarea {...common} />
      ) : (
        <input
          {...common}
          // Preact's types split inputs by type; each of ours takes every attribute given here.
          type={(props.type ?? "text") as "text"}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete ?? "off"}
        />
      )}
      <FieldErrors id={props.id} problems={problems} />
    </div>
  );
};
