import { formatUsd } from "@/lib/spend/format-usd";

// One wording for a spend alert wherever it is shown (studio notification, banner, webhook), so they never disagree.

export type AlertFacts = {
  limitKind: string;
  threshold: number;
  limitMicros: bigint;
  spentMicros: bigint;
  projectId: string | null;
  projectName: string | null;
  memberName: string | null;
  /** The member of a member cap is the one reading: "your monthly cap". */
  memberIsReader?: boolean;
};

const whose = (f: AlertFacts) => (f.memberIsReader ? "your" : `${f.memberName ?? "a member"}'s`);

const LIMIT_LABEL: Record<string, (f: AlertFacts) => string> = {
  project_budget: (f) => `the monthly budget of ${f.projectName ?? "a project"}`,
  project_soft_limit: (f) => `the soft limit of ${f.projectName ?? "a project"}`,
  team_limit: () => "the team's monthly limit",
  team_soft_limit: () => "the team's soft limit",
  member_cap: (f) => `${whose(f)} monthly cap`,
  member_project_cap: (f) => `${whose(f)} monthly cap in ${f.projectName ?? "a project"}`,
};

export function limitLabel(f: AlertFacts) {
  return (LIMIT_LABEL[f.limitKind] ?? (() => "a spend limit"))(f);
}

export function describeSpendAlert(f: AlertFacts) {
  const label = limitLabel(f);
  const title = `${f.threshold}% of ${label} reached`;
  const text = `${formatUsd(f.spentMicros)} of ${formatUsd(f.limitMicros)} (${f.threshold}%) of ${label} is used this month.`;
  const consequence =
    f.threshold >= 100 && !f.limitKind.endsWith("soft_limit")
      ? "Generations that would go past it are refused until next month or a higher limit."
      : "";
  // Project limits open that project's spend page; the others the team's.
  const href = f.projectId && f.limitKind.startsWith("project") ? `/projects/${f.projectId}/spend` : "/spend";
  return { title, text, consequence, href };
}
