import { Duration } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import type { ITopic } from "aws-cdk-lib/aws-sns";
import { Construct } from "constructs";
import type { ServiceName } from "../../shared/resources";
import { DEADLINE_BREACHED_METRIC } from "../config";
import type { ServiceQueue } from "../stateful-stack";
import { serviceMetric } from "./fault-alarms";

const PERIOD = Duration.minutes(5);

/** How old the oldest message of a queue whose consumer runs may get before someone looks. */
export const OLDEST_MESSAGE_AGE_LIMIT = Duration.minutes(15);

/**
 * A queue without a deployed consumer keeps its backlog, but only for its retention period: this
 * much before the oldest message would expire, the alarm says the events are about to be lost.
 */
export const UNCONSUMED_EXPIRY_MARGIN = Duration.days(2);

const notify = (alarm: Alarm, topic: ITopic): Alarm => {
  const action = new SnsAction(topic);
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
  return alarm;
};

/** Any message in a dead-letter queue is an event a consumer gave up on: someone must redrive it. */
export class QueueAlarms extends Construct {
  readonly deadLetters: Alarm;
  readonly oldestMessage: Alarm;

  constructor(
    scope: Construct,
    id: string,
    props: { queue: ServiceQueue; consumerDeployed: boolean; topic: ITopic },
  ) {
    super(scope, id);
    const { queue, definition, deadLetterQueue } = props.queue;

    this.deadLetters = notify(
      new Alarm(this, "DeadLetters", {
        alarmDescription: `${definition.service}: messages in the dead-letter queue. Find the cause in the consumer's logs, fix, then redrive (SQS console: Start DLQ redrive).`,
        metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: PERIOD,
          statistic: "Maximum",
        }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      props.topic,
    );

    const limit = props.consumerDeployed
      ? OLDEST_MESSAGE_AGE_LIMIT
      : Duration.seconds(
          Math.max(
            Duration.days(definition.retentionDays).toSeconds() - UNCONSUMED_EXPIRY_MARGIN.toSeconds(),
            OLDEST_MESSAGE_AGE_LIMIT.toSeconds(),
          ),
        );
    this.oldestMessage = notify(
      new Alarm(this, "OldestMessage", {
        alarmDescription: props.consumerDeployed
          ? `${definition.service}: the oldest message has waited over ${limit.toHumanString()}; the consumer is failing or falling behind.`
          : `${definition.service}: no consumer is deployed and the oldest message expires within ${UNCONSUMED_EXPIRY_MARGIN.toHumanString()}; deploy the consumer or the events are lost.`,
        metric: queue.metricApproximateAgeOfOldestMessage({ period: PERIOD, statistic: "Maximum" }),
        threshold: limit.toSeconds(),
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      props.topic,
    );
  }
}

/** A function's unhandled errors: a bad request is a 4xx, so every error here is a fault. */
export const functionErrorsAlarm = (
  scope: Construct,
  id: string,
  fn: IFunction,
  topic: ITopic,
  name: string,
): Alarm =>
  notify(
    new Alarm(scope, id, {
      alarmDescription: `${name}: the function failed (unhandled error or timeout). See its log group.`,
      metric: fn.metricErrors({ period: PERIOD, statistic: "Sum" }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }),
    topic,
  );

/** A legal or agreed deadline passed: the service emits the metric (EMF) with its name as dimension. */
export const deadlineBreachedAlarm = (
  scope: Construct,
  id: string,
  service: ServiceName,
  topic: ITopic,
): Alarm =>
  notify(
    new Alarm(scope, id, {
      alarmDescription: `${service}: a deadline was breached. The deadline.breached event names the case.`,
      // Both dimensions the functions write (fault-alarms.ts serviceMetric says why).
      metric: serviceMetric(DEADLINE_BREACHED_METRIC.metricName, service, "Sum"),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }),
    topic,
  );
