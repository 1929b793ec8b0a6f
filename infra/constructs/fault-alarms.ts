import { Duration } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import type { ITopic } from "aws-cdk-lib/aws-sns";
import { Construct } from "constructs";
import type { ServiceName } from "../../shared/resources";
import {
  FAULT_NAMESPACE,
  OUTBOX_OLDEST_AGE_METRIC,
  OUTBOX_SWEEP_FAILED_METRIC,
  SERVICE_DIMENSION,
  SWEEP_ITEM_FAILED_METRIC,
  UNHANDLED_ERROR_METRIC,
} from "../../shared/runtime/fault-metrics";
import type { HttpRoute } from "../../shared/service";
import type { ProjectFunction } from "./project-function";

const PERIOD = Duration.minutes(5);

/** How long an event may wait in an outbox before someone looks: the sweep runs every minute. */
export const OUTBOX_AGE_LIMIT = Duration.minutes(10);

/**
 * A service's own metric as its functions write it. Powertools' Metrics always adds its `service`
 * dimension beside the `Service` one the code adds, and CloudWatch tells metrics apart by their
 * whole set of dimensions: an alarm naming only one of them would watch a metric nobody writes.
 */
export const serviceMetric = (name: string, service: ServiceName, statistic: "Sum" | "Maximum"): Metric =>
  new Metric({
    namespace: FAULT_NAMESPACE,
    metricName: name,
    dimensionsMap: { service, [SERVICE_DIMENSION]: service },
    period: PERIOD,
    statistic,
  });

const alarm = (
  scope: Construct,
  id: string,
  topic: ITopic,
  props: { description: string; metric: Metric; threshold: number; evaluationPeriods?: number },
): Alarm => {
  const a = new Alarm(scope, id, {
    alarmDescription: props.description,
    metric: props.metric,
    threshold: props.threshold,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: props.evaluationPeriods ?? 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  const action = new SnsAction(topic);
  a.addAlarmAction(action);
  a.addOkAction(action);
  return a;
};

/**
 * 5xx answers of one route (the stage's detailed metrics): the edge turns an unhandled error into
 * a 500 response, so Lambda's Errors metric never counts it.
 */
export const routeServerErrorsAlarm = (
  scope: Construct,
  id: string,
  props: { apiId: string; stageName: string; route: HttpRoute; topic: ITopic },
): Alarm =>
  alarm(scope, id, props.topic, {
    description: `${props.route.method} ${props.route.path}: answered 5xx. Look for "unhandled error" in its function's log group.`,
    metric: new Metric({
      namespace: "AWS/ApiGateway",
      metricName: "5xx",
      dimensionsMap: {
        ApiId: props.apiId,
        Stage: props.stageName,
        Method: props.route.method,
        Resource: props.route.path,
      },
      period: PERIOD,
      statistic: "Sum",
    }),
    threshold: 0,
  });

/**
 * One service's faults that no Lambda metric shows: errors the edge answered with a 500 (the edge
 * writes the metric into its "unhandled error" log line), due items a deadline sweep could not handle,
 * and an outbox that does not drain.
 */
export class ServiceFaultAlarms extends Construct {
  readonly alarms: readonly Alarm[];

  constructor(
    scope: Construct,
    id: string,
    props: {
      service: ServiceName;
      functions: readonly ProjectFunction[];
      topic: ITopic;
      hasDeadlineSweep: boolean;
      hasOutbox: boolean;
    },
  ) {
    super(scope, id);
    const { service, topic } = props;
    const alarms = [
      alarm(this, "UnhandledErrors", topic, {
        description: `${service}: an error no handler expected (answered 500). See "unhandled error" in the function's log group.`,
        // Written by the edge into the error's own log line, with the logger's `service` field as its only dimension.
        metric: new Metric({
          namespace: FAULT_NAMESPACE,
          metricName: UNHANDLED_ERROR_METRIC,
          dimensionsMap: { service },
          period: PERIOD,
          statistic: "Sum",
        }),
        threshold: 0,
      }),
    ];
    if (props.hasDeadlineSweep) {
      alarms.push(
        alarm(this, "SweepItemFailed", topic, {
          description: `${service}: the deadline sweep could not handle a due item (logged with its key as "deadline sweep failed"). It is tried again every run.`,
          metric: serviceMetric(SWEEP_ITEM_FAILED_METRIC, service, "Sum"),
          threshold: 0,
        }),
      );
    }
    if (props.hasOutbox) {
      alarms.push(
        alarm(this, "OutboxOldestAge", topic, {
          description: `${service}: an event has waited over ${OUTBOX_AGE_LIMIT.toHumanString()} in the outbox; SQS is failing or the outbox sweep is not running.`,
          metric: serviceMetric(OUTBOX_OLDEST_AGE_METRIC, service, "Maximum"),
          threshold: OUTBOX_AGE_LIMIT.toSeconds(),
        }),
        alarm(this, "OutboxSweepFailed", topic, {
          description: `${service}: the outbox sweep could not deliver events in three runs of five minutes in a row ("event left in outbox" in its log).`,
          metric: serviceMetric(OUTBOX_SWEEP_FAILED_METRIC, service, "Sum"),
          threshold: 0,
          evaluationPeriods: 3,
        }),
      );
    }
    this.alarms = alarms;
  }
}
