import type { FieldProblem } from "../api/problem";
import { FieldErrors } from "./problem";

interface SelectProps<T extends string> {
  readonly id: string;
  readonly label: string;
  readonly value: T | undefined;
  readonly options: readonly T[];
  readonly labelOf: (value: T) => string;
  /** The first option's text when the field may be left empty ("Alla"). */
  readonly empty?: string;
  readonly onChange: (value: T | undefined) => void;
  readonly problems?: readonly FieldProblem[];
  readonly required?: boolean;
}

/** A labelled select whose errors are tied to it. */
export const Select = <T extends string>(props: SelectProps<T>) => {
  const problems = props.problems ?? [];
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value ?? ""}
        required={props.required}
        aria-invalid={problems.length > 0 ? true : undefined}
        aria-describedby={problems.length > 0 ? `${props.id}-error` : undefined}
        onChange={(event) => {
          const value = event.currentTarget.value;
          props.onChange(props.options.find((o) => o === value));
        }}
      >
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.labelOf(option)}
          </option>
        ))}
      </select>
      <FieldErrors id={props.id} problems={problems} />
    </div>
  );
};
