import type { MetricsSink, MetricUnitName } from "./publish-metric";

/**
 * The metrics client every function uses: it writes CloudWatch's embedded metric format (EMF), one
 * JSON line per publication, exactly as Powertools' Metrics wrote it before (namespace, the
 * `service` default dimension beside the added ones, the values as top-level keys), so the alarms
 * (infra/constructs/fault-alarms.ts) and the tests read the same lines. Powertools' Metrics cost
 * each bundle about 18 KiB and its load time for what these few lines do (npm run bench -- cold).
 *
 * Written straight to stdout, as Powertools did with its own Console: Lambda's patched `console`
 * would wrap the line into a log record, and CloudWatch would not read it as EMF.
 */
export class EmfMetrics implements MetricsSink {
  private dimensions: Record<string, string> = {};
  private values = new Map<string, { unit: MetricUnitName; value: number }>();

  constructor(
    private readonly namespace: string,
    private readonly serviceName: string,
    private readonly write: (line: string) => void = (line) => {
      process.stdout.write(`${line}\n`);
    },
  ) {}

  addDimension(name: string, value: string): void {
    this.dimensions[name] = value;
  }

  addMetric(name: string, unit: MetricUnitName, value: number): void {
    this.values.set(name, { unit, value });
  }

  /** One EMF line of what was added since the last publication (nothing if no metric was), then clears. */
  publishStoredMetrics(): void {
    const dimensions = { service: this.serviceName, ...this.dimensions };
    const values = [...this.values];
    this.dimensions = {};
    this.values.clear();
    if (values.length === 0 || process.env.POWERTOOLS_METRICS_DISABLED === "true") return;
    const line = {
      _aws: {
        Timestamp: Date.now(),
        CloudWatchMetrics: [
          {
            Namespace: this.namespace,
            Dimensions: [Object.keys(dimensions)],
            Metrics: values.map(([name, { unit }]) => ({ Name: name, Unit: unit })),
          },
        ],
      },
      ...dimensions,
      ...Object.fromEntries(values.map(([name, { value }]) => [name, value])),
    };
    this.write(JSON.stringify(line));
  }
}
