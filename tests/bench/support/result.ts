// What each benchmark hands back to run.ts: table rows (a figure, the baseline measured in the same run, their ratio
// and the goal) plus details for test-results/bench.json.

export type Row = {
  metric: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number };
  /** value / baseline (or the inverse where stated in the metric name). */
  ratio?: number;
  goal?: string;
  met?: boolean;
};

export type BenchResult = {
  id: string;
  title: string;
  rows: Row[];
  notes: string[];
  details: Record<string, unknown>;
  seconds: number;
};

export type BenchLog = (line: string) => void;
