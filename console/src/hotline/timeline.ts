/**
 * Who is on call over the coming weeks, asked of the API: the on-call route answers who covers an
 * instant and the whole stretch they cover, the gaps route where nobody does and who has no phone.
 * The console only steps from one stretch's end to the next; it knows no rotation rule of its own.
 */

export interface OnCallStretch {
  readonly memberId: string;
  readonly name: string;
  readonly from: string;
  readonly until: string;
  readonly override: boolean;
}

export interface Gap {
  readonly kind: "nobody-on-call" | "no-phone";
  readonly start: string;
  readonly end: string;
  readonly memberId?: string | undefined;
}

export type TimelineRow =
  | {
      readonly kind: "on-call";
      readonly start: string;
      readonly end: string;
      readonly memberId: string;
      readonly name: string;
      readonly override: boolean;
      /** The gaps route lists this member as on call without a phone somewhere in the stretch. */
      readonly noPhone: boolean;
    }
  | { readonly kind: "nobody"; readonly start: string; readonly end: string };

/** Enough for a four-week outlook with daily shifts and many overrides; a guard against a loop. */
const MAX_STEPS = 300;

const overlaps = (gap: Gap, start: number, end: number) =>
  Date.parse(gap.start) < end && start < Date.parse(gap.end);

/**
 * The stretches from `from` until `until`, in order. `onCallAt` answers undefined when nobody is
 * on call at the instant; the nobody-on-call gap covering it tells where that stretch ends.
 */
export const walkTimeline = async (
  from: Date,
  until: Date,
  onCallAt: (at: Date) => Promise<OnCallStretch | undefined>,
  gaps: readonly Gap[],
): Promise<TimelineRow[]> => {
  const rows: TimelineRow[] = [];
  let at = from.getTime();
  for (let step = 0; step < MAX_STEPS && at < until.getTime(); step++) {
    const onCall = await onCallAt(new Date(at));
    let next: number;
    if (onCall) {
      next = Date.parse(onCall.until);
      const start = Date.parse(onCall.from);
      rows.push({
        kind: "on-call",
        start: onCall.from,
        end: onCall.until,
        memberId: onCall.memberId,
        name: onCall.name,
        override: onCall.override,
        noPhone: gaps.some(
          (g) => g.kind === "no-phone" && g.memberId === onCall.memberId && overlaps(g, start, next),
        ),
      });
    } else {
      const gap = gaps.find(
        (g) => g.kind === "nobody-on-call" && Date.parse(g.start) <= at && at < Date.parse(g.end),
      );
      // Beyond what the gaps route looked at: nobody, as far as the outlook goes.
      next = gap ? Date.parse(gap.end) : until.getTime();
      rows.push({ kind: "nobody", start: new Date(at).toISOString(), end: new Date(next).toISOString() });
    }
    if (next <= at) break;
    at = next;
  }
  return rows;
};

/** Hours between two instants: a day's shift across a daylight-saving switch is 23 or 25. */
export const hoursBetween = (start: string, end: string): number =>
  Math.round(((Date.parse(end) - Date.parse(start)) / 3_600_000) * 10) / 10;
