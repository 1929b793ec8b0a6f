/**
 * A task's mail goes out from intake's queue: a send the mail service refuses fails that message
 * alone (SQS retries it, then dead-letters it), and the task stays; a redelivered reminder makes
 * no second task. Real DynamoDB Local and the real consumer; only the mailer is the test's.
 */
import { describe, expect, it } from "vitest";
import type { TaskMail } from "../../../services/intake/domain/task-mail";
import { createHandler as createConsumer } from "../../../services/intake/handlers/consumer";
import { listTasks } from "../../../services/intake/store/tasks";
import { releasePlanReminder } from "../../../shared/events/catalogue/release-notices";
import { taskOpened } from "../../../shared/events/catalogue/tasks";
import { newEvent } from "../../../shared/events/outbox";
import { PERSON } from "../../support/identities";
import { intakeFixture } from "../../support/intake";
import { noticeReceived, sqsBatch } from "../../support/intake-events";
import { lambdaContext } from "../../support/lambda";

const config = {
  from: "uppgifter@kalmar.invalid",
  consoleUrl: "https://konsol.kalmar.invalid",
  directory: { "0880": { inbox: "{unit}@kalmar.invalid" } },
};

describe("the task's mail from the queue", () => {
  it("fails the message when the send fails, keeps the task, and sends once the mail service takes it", async () => {
    const f = await intakeFixture(new Date("2026-12-01T07:00:00Z"));
    expect((await f.consume([noticeReceived("KV-2026-000950", PERSON)])).batchItemFailures).toEqual([]);
    const reminder = newEvent(releasePlanReminder, {
      source: "release-notices",
      municipality: "0880",
      correlationId: "test-mail",
      occurredAt: new Date("2026-12-01T07:00:00Z"),
      data: { noticeId: "KV-2026-000950", daysBeforeRelease: 60, planDueDate: "2027-04-15" },
    });
    expect((await f.consume([reminder, reminder])).batchItemFailures).toEqual([]);
    const listed = await listTasks(f.deps, "0880", {}, { limit: 10 });
    if (!listed.ok) throw new Error("listing failed");
    expect(listed.items).toHaveLength(1);
    const task = listed.items[0];
    if (!task) throw new Error("no task");

    const opened = newEvent(taskOpened, {
      source: "intake",
      municipality: "0880",
      correlationId: "test-mail",
      occurredAt: new Date("2026-12-01T07:00:01Z"),
      data: { taskId: task.id, type: task.type, unit: task.unit },
    });
    const refusing = createConsumer({
      ...f.deps,
      taskMail: { config, mailer: { send: () => Promise.reject(new Error("MessageRejected")) } },
    });
    const failed = await refusing(sqsBatch([opened]), lambdaContext("intake-consumer"));
    expect(failed.batchItemFailures).toHaveLength(1);
    const still = await listTasks(f.deps, "0880", { status: "open" }, { limit: 10 });
    expect(still.ok && still.items.map((t) => t.id)).toEqual([task.id]);

    const sent: TaskMail[] = [];
    const accepting = createConsumer({
      ...f.deps,
      taskMail: { config, mailer: { send: async (mail) => void sent.push(mail) } },
    });
    expect((await accepting(sqsBatch([opened]), lambdaContext("intake-consumer"))).batchItemFailures).toEqual(
      [],
    );
    expect(sent.map((m) => m.to)).toEqual(["mottag-vuxen@kalmar.invalid"]);
    // Handled now: the same delivery again sends nothing more.
    await accepting(sqsBatch([opened]), lambdaContext("intake-consumer"));
    expect(sent).toHaveLength(1);
  });
});
