import { GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { retryOnLostRace } from "../../shared/app/lost-race";
import { type Caller, requireStaffMunicipality } from "../../shared/domain/caller";
import { HttpProblem } from "../../shared/http/problem";
import { isKommunkod } from "../../shared/municipalities";
import { auditPut, type Context } from "./audit";
import type { ScheduleBody } from "./contract";
import type { HotlineDeps } from "./deps";
import { scheduleKey } from "./keys";
import { parseScheduleRecord, type ScheduleRecord } from "./records";
import { gaps, onCallAt } from "./schedule";
import { retentionExpiry } from "./triage";

const DAY_MS = 86_400_000;

/** Staff act only in their own municipality; the route's municipality must be theirs. */
export const requireOwnMunicipality = (caller: Caller, municipality: string): void => {
  if (!isKommunkod(municipality)) {
    throw new HttpProblem(404, "No such municipality");
  }
  if (requireStaffMunicipality(caller) !== municipality) {
    throw new HttpProblem(403, "The token is not for this municipality");
  }
};

export const toScheduleView = (record: ScheduleRecord) => ({
  municipality: record.municipality,
  timeZone: record.timeZone,
  handoffTime: record.handoffTime,
  rotation: record.rotation,
  overrides: record.overrides,
  manager: record.manager,
  ringSeconds: record.ringSeconds,
  ...(record.fallbackMessage ? { fallbackMessage: record.fallbackMessage } : {}),
  updatedAt: record.updatedAt,
  updatedBy: record.updatedBy,
});

export class Schedules {
  constructor(private readonly deps: HotlineDeps) {}

  async read(municipality: string, consistent = false): Promise<ScheduleRecord | undefined> {
    const out = await this.deps.doc.send(
      new GetCommand({
        TableName: this.deps.tableName,
        Key: scheduleKey(municipality),
        ConsistentRead: consistent,
      }),
    );
    return parseScheduleRecord(out.Item);
  }

  private async readOwn(municipality: string, caller: Caller): Promise<ScheduleRecord> {
    requireOwnMunicipality(caller, municipality);
    const record = await this.read(municipality, true);
    if (!record)
      throw new HttpProblem(404, "This municipality has no on-call schedule", undefined, "no-schedule");
    return record;
  }

  /** The whole schedule is replaced: what the administrator sends is what holds from now on. */
  async put(municipality: string, body: ScheduleBody, context: Context) {
    requireOwnMunicipality(context.caller, municipality);
    const now = this.deps.clock.now();
    const current = await this.read(municipality, true);
    const record: ScheduleRecord = {
      ...scheduleKey(municipality),
      municipality,
      timeZone: body.timeZone,
      handoffTime: body.handoffTime,
      rotation: {
        startDate: body.rotation.startDate,
        shiftDays: body.rotation.shiftDays,
        members: body.rotation.members.map((m) => ({
          id: m.id,
          name: m.name,
          ...(m.phone ? { phone: m.phone } : {}),
        })),
      },
      overrides: body.overrides,
      manager: body.manager,
      ringSeconds: body.ringSeconds,
      ...(body.fallbackMessage ? { fallbackMessage: body.fallbackMessage } : {}),
      updatedAt: now.toISOString(),
      updatedBy: context.caller.subject,
      version: (current?.version ?? -1) + 1,
    };
    await retryOnLostRace(
      "schedule",
      () =>
        this.deps.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.deps.tableName,
                  Item: record,
                  // Two administrators saving at once: the second is told, not silently overwritten.
                  ...(current
                    ? {
                        ConditionExpression: "version = :v",
                        ExpressionAttributeValues: { ":v": current.version },
                      }
                    : { ConditionExpression: "attribute_not_exists(pk)" }),
                },
              },
              auditPut(
                this.deps,
                `SCHEDULE#${municipality}`,
                context,
                "schedule:put",
                now,
                retentionExpiry(now),
              ),
            ],
          }),
        ),
      { attempts: 1 },
    );
    return { created: current === undefined, view: toScheduleView(record) };
  }

  async get(municipality: string, context: Context) {
    return toScheduleView(await this.readOwn(municipality, context.caller));
  }

  async onCall(municipality: string, at: Date | undefined, context: Context) {
    const record = await this.readOwn(municipality, context.caller);
    const instant = at ?? this.deps.clock.now();
    const found = onCallAt(record, instant);
    if (!found) throw new HttpProblem(404, "Nobody is on call at this time", undefined, "nobody-on-call");
    return {
      memberId: found.member.id,
      name: found.member.name,
      from: found.from.toISOString(),
      until: found.until.toISOString(),
      override: found.override,
    };
  }

  async gaps(municipality: string, days: number, context: Context) {
    const record = await this.readOwn(municipality, context.caller);
    const from = this.deps.clock.now();
    const until = new Date(from.getTime() + days * DAY_MS);
    return {
      municipality,
      from: from.toISOString(),
      until: until.toISOString(),
      gaps: gaps(record, from, until).map((g) => ({
        kind: g.kind,
        start: g.start.toISOString(),
        end: g.end.toISOString(),
        ...(g.memberId ? { memberId: g.memberId } : {}),
      })),
      fallbackMessageMissing: record.fallbackMessage === undefined,
    };
  }
}
