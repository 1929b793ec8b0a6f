/** The on-call schedule both hotline benches start from, so a call always reaches someone. */
import { ScheduleAdmin } from "../../services/hotline/app/schedule-admin";
import { scheduleBodySchema } from "../../services/hotline/contract";
import type { HotlineDeps } from "../../services/hotline/deps";
import { HOTLINE_NUMBER, MUNICIPALITY } from "./hotline-webhook-event";

/** A rotation started long ago, two members and a manager: someone is on call at any instant. */
export const ALWAYS_ON_CALL_SCHEDULE = scheduleBodySchema.parse({
  hotlineNumber: HOTLINE_NUMBER,
  timeZone: "Europe/Stockholm",
  handoffTime: "08:00",
  rotation: {
    startDate: "2020-01-01",
    shiftDays: 7,
    members: [
      { id: "anna", name: "Anna", phone: "+46701000001" },
      { id: "bo", name: "Bo", phone: "+46701000002" },
    ],
  },
  manager: { id: "maja", name: "Maja", phone: "+46701000009" },
  ringSeconds: 25,
});

/** Saves the schedule as the municipality's hotline admin would, `who` naming the bench in the audit. */
export const putAlwaysOnCallSchedule = (deps: HotlineDeps, who: string) =>
  new ScheduleAdmin(deps).put(MUNICIPALITY, ALWAYS_ON_CALL_SCHEDULE, {
    caller: { subject: who, scopes: new Set(["hotline:admin"]), municipality: MUNICIPALITY },
    correlationId: who,
  });
