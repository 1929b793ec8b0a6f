/**
 * Uppgifter: the reminders and breached deadlines given to the signed-in caseworker, or to a
 * unit's shared inbox; open ones first, the soonest due first, each marked done with one button.
 * The hotline's on-call staff see only the avhoppartelefon's inbox (the API allows them no other).
 */
import { useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import type { Task } from "../../api/types";
import type { Capabilities } from "../../auth/roles";
import { Page } from "../../components/page";
import { Loading, OutcomeNotice, ProblemNotice } from "../../components/problem";
import { Select } from "../../components/select";
import { formatDate, formatDateTime } from "../../format";
import { useAction, useLoad } from "../../hooks";
import { t } from "../../i18n";
import { navigate } from "../../router";

type TaskUnit = Task["unit"];
const TASK_UNITS: readonly TaskUnit[] = [
  "mottag-barn",
  "mottag-vuxen",
  "utredning-unga-vuxna",
  "ekonomiskt-bistand",
  "avhoppartelefonen",
];
const HOTLINE_INBOX: TaskUnit = "avhoppartelefonen";

/** Intake's managing staff mark any task done; the on-call staff a task in the hotline's inbox. */
const mayComplete = (capabilities: Capabilities, task: Task): boolean =>
  capabilities.intakeManage || (capabilities.hotline && task.unit === HOTLINE_INBOX);

/** A deadline's Swedish name; one the console does not know yet, as the API names it. */
const deadlineName = (deadline: string): string =>
  (t.referral.deadline as Record<string, string | undefined>)[deadline] ??
  t.tasks.otherDeadline[deadline] ??
  deadline;

const about = (task: Task): string =>
  task.referralId
    ? t.tasks.referral(task.referralId)
    : task.noticeId
      ? t.tasks.notice(task.noticeId)
      : t.tasks.triage;

const TaskRow = ({
  task,
  capabilities,
  onDone,
}: {
  task: Task;
  capabilities: Capabilities;
  onDone: () => void;
}) => {
  const c = t.tasks;
  const { outcome, run } = useAction();
  const markDone = async () => {
    const done = await run(() =>
      unwrap(api.POST("/v1/tasks/{id}/done", { params: { path: { id: task.id } } })),
    );
    if (done) onDone();
  };
  return (
    <tr>
      <th scope="row" data-label={c.task}>
        {c.type[task.type]}
        {task.deadline ? <div class="muted">{c.deadline(deadlineName(task.deadline))}</div> : null}
      </th>
      <td data-label={c.due}>{task.dueAt ? formatDate(task.dueAt) : "–"}</td>
      <td data-label={c.about}>
        {task.referralId && capabilities.intake ? (
          <a href={`#/arenden/${encodeURIComponent(task.referralId)}`}>{about(task)}</a>
        ) : task.triageId && !task.referralId && !task.noticeId && capabilities.hotline ? (
          <a href={`#/jour/triage/${encodeURIComponent(task.triageId)}`}>{about(task)}</a>
        ) : (
          about(task)
        )}
      </td>
      <td data-label={c.forWhom}>
        {c.unitName[task.unit]}: {task.assignee ?? c.inbox}
      </td>
      <td data-label={c.action}>
        {task.status === "done" ? (
          c.doneAt(task.doneAt ? formatDateTime(task.doneAt) : "", task.doneBy ?? "")
        ) : mayComplete(capabilities, task) ? (
          <button type="button" onClick={markDone} disabled={outcome.state === "pending"}>
            {c.markDone}
          </button>
        ) : null}
        <OutcomeNotice outcome={outcome} />
      </td>
    </tr>
  );
};

const TaskTable = ({
  tasks,
  capabilities,
  onDone,
}: {
  tasks: readonly Task[];
  capabilities: Capabilities;
  onDone: () => void;
}) => {
  const c = t.tasks;
  return (
    <table class="stack">
      <thead>
        <tr>
          <th scope="col">{c.task}</th>
          <th scope="col">{c.due}</th>
          <th scope="col">{c.about}</th>
          <th scope="col">{c.forWhom}</th>
          <th scope="col">{c.action}</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <TaskRow key={task.id} task={task} capabilities={capabilities} onDone={onDone} />
        ))}
      </tbody>
    </table>
  );
};

/** Mine, or a unit's: applied when asked, like the other lists' filters. */
const WhoseForm = ({ unit }: { unit: TaskUnit | undefined }) => {
  const [draft, setDraft] = useState<TaskUnit | undefined>(unit);
  const submit = (event: Event) => {
    event.preventDefault();
    navigate("/uppgifter", draft ? new URLSearchParams({ unit: draft }) : undefined);
  };
  return (
    <form class="filters" onSubmit={submit}>
      <Select
        id="tasks-unit"
        label={t.tasks.whose}
        value={draft}
        options={TASK_UNITS}
        labelOf={(u) => `${t.tasks.unitTasks}: ${t.tasks.unitName[u]}`}
        empty={t.tasks.mine}
        onChange={setDraft}
      />
      <button type="submit" class="primary">
        {t.tasks.apply}
      </button>
    </form>
  );
};

export const TasksPage = ({
  query,
  capabilities,
}: {
  query: URLSearchParams;
  capabilities: Capabilities;
}) => {
  // The on-call staff have no tasks of their own and no other unit: the hotline's inbox it is.
  const unit = capabilities.intake ? TASK_UNITS.find((u) => u === query.get("unit")) : HOTLINE_INBOX;
  const [message, setMessage] = useState("");
  const { loaded, reload } = useLoad(
    (signal) =>
      unwrap(
        api.GET("/v1/tasks", {
          params: { query: unit ? { unit, limit: 100 } : { assignee: "me", limit: 100 } },
          signal,
        }),
      ),
    unit ?? "me",
  );
  const onDone = () => {
    setMessage(t.tasks.markedDone);
    reload();
  };
  const items = loaded.state === "ready" ? loaded.data.items : [];
  const open = items.filter((task) => task.status === "open");
  const done = items.filter((task) => task.status === "done");
  return (
    <Page title={t.tasks.title} lead={t.tasks.lead}>
      {capabilities.intake ? <WhoseForm key={unit ?? "me"} unit={unit} /> : null}
      <h2>{unit ? `${t.tasks.unitTasks}: ${t.tasks.unitName[unit]}` : t.tasks.mine}</h2>
      <p role="status">{message}</p>
      {loaded.state === "loading" ? <Loading /> : null}
      {loaded.state === "failed" ? <ProblemNotice problem={loaded.problem} onRetry={reload} /> : null}
      {loaded.state === "ready" ? (
        <>
          <h3>{t.tasks.open}</h3>
          {open.length ? (
            <TaskTable tasks={open} capabilities={capabilities} onDone={onDone} />
          ) : (
            <p class="notice notice-info">{t.tasks.none}</p>
          )}
          <h3>{t.tasks.done}</h3>
          {done.length ? (
            <TaskTable tasks={done} capabilities={capabilities} onDone={onDone} />
          ) : (
            <p class="notice notice-info">{t.tasks.noneDone}</p>
          )}
        </>
      ) : null}
    </Page>
  );
};
