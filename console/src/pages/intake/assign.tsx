import { useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { problemsFor } from "../../api/problem";
import { RadioGroup } from "../../components/fields";
import { Loading, OutcomeNotice, ProblemNotice } from "../../components/problem";
import { useAction, useLoad } from "../../hooks";
import { t } from "../../i18n";
import { isFull, suggestedCaseworker } from "../../intake/caseload";
import type { ActionProps } from "./referral-actions";

const AUTOMATIC = "auto";

/** Assign a caseworker: each one's caseload against capacity, and whom the system would pick. */
export const AssignForm = ({ referral, onDone }: ActionProps) => {
  const { loaded, reload } = useLoad(
    (signal) =>
      unwrap(api.GET("/v1/units/{unit}/caseworkers", { params: { path: { unit: referral.unit } }, signal })),
    referral.unit,
  );
  const [choice, setChoice] = useState<string>(AUTOMATIC);
  const { outcome, run } = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const done = await run(() =>
      unwrap(
        api.POST("/v1/referrals/{id}/assign", {
          params: { path: { id: referral.id } },
          body: choice === AUTOMATIC ? {} : { caseworkerId: choice },
        }),
      ),
    );
    if (done) {
      reload();
      onDone();
    }
  };
  const problem = outcome.state === "failed" ? outcome.problem : undefined;
  return (
    <form noValidate onSubmit={submit} class="card" aria-labelledby="assign-title">
      <h3 id="assign-title">{t.assign.title}</h3>
      {referral.assignee ? <p>{t.assign.current(referral.assignee)}</p> : null}
      {loaded.state === "loading" ? <Loading /> : null}
      {loaded.state === "failed" ? <ProblemNotice problem={loaded.problem} onRetry={reload} /> : null}
      {loaded.state === "ready" ? (
        loaded.data.items.length === 0 ? (
          <p>{t.assign.noCaseworkers}</p>
        ) : (
          <>
            <RadioGroup
              name="assignee"
              legend={t.assign.choose}
              value={choice}
              onChange={setChoice}
              problems={problemsFor(problem, "caseworkerId")}
              options={[
                [
                  AUTOMATIC,
                  (() => {
                    const suggested = suggestedCaseworker(loaded.data.items);
                    return suggested ? t.assign.automatic(suggested.name) : t.assign.automaticNobody;
                  })(),
                ],
                ...loaded.data.items.map(
                  (c) =>
                    [
                      c.caseworkerId,
                      <>
                        {t.assign.option(c.name, t.caseworkers.load(c.caseload, c.capacity))}
                        {isFull(c) ? <span class="badge tone-urgent"> {t.caseworkers.full}</span> : null}
                      </>,
                    ] as const,
                ),
              ]}
            />
            <OutcomeNotice outcome={outcome} />
            <button type="submit" class="primary" disabled={outcome.state === "pending"}>
              {t.assign.submit}
            </button>
          </>
        )
      ) : null}
    </form>
  );
};
