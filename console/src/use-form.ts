/**
 * The shape every write form shares: its own check first (a fault shown at its field the way the
 * API's 400 would be, nothing sent), then one write at a time, the API's problem beside the form,
 * and what follows a success.
 */
import { type FieldProblem, problemsFor } from "./api/problem";
import { useAction } from "./hooks";

export interface FormFault {
  readonly ok: false;
  readonly fields: readonly FieldProblem[];
}
export type FormCheck<B> = { readonly ok: true; readonly body: B } | FormFault;

/** These fields are required and missing, in the API's words. */
export const missingFields = (paths: readonly string[]): FormFault => ({
  ok: false,
  fields: paths.map((path) => ({ path, message: "is required" })),
});

/** The body, unless a required field is missing: each path given (not false) is named as required. */
export const requireFields = <B>(missing: readonly (string | false)[], body: () => B): FormCheck<B> => {
  const paths = missing.filter((path): path is string => path !== false);
  return paths.length > 0 ? missingFields(paths) : { ok: true, body: body() };
};

interface FormOptions<B, T extends object> {
  readonly check: () => FormCheck<B>;
  /** The write, answering the API's data. */
  readonly write: (body: B) => Promise<T>;
  readonly onDone: (result: T, body: B) => void;
}

export const useForm = <B, T extends object>({ check, write, onDone }: FormOptions<B, T>) => {
  const { outcome, run, reject, reset } = useAction();
  const problem = outcome.state === "failed" ? outcome.problem : undefined;
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const checked = check();
    if (!checked.ok) return reject(checked.fields);
    const result = await run(() => write(checked.body));
    if (result !== undefined) onDone(result, checked.body);
  };
  return {
    outcome,
    pending: outcome.state === "pending",
    /** The errors of one field, by the API's path. */
    problems: (path: string) => problemsFor(problem, path),
    submit,
    reset,
  };
};
