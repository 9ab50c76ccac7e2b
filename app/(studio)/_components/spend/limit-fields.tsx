import { Field } from "@/app/_components/action-form";
import { Input } from "@/app/_components/ui/input";
import { usdFieldValue } from "@/lib/spend/budget-form-schemas";

/**
 * The "alert at / hard limit" pair of USD fields (softUsd, hardUsd) of a monthly limit: a project's budget in its
 * settings and the team's limit in Settings › Spend limits parse them the same way (lib/spend/budget-form-schemas.ts).
 */
export function LimitFields(props: {
  idPrefix: string;
  softMicros: number | null | undefined;
  hardMicros: number | null | undefined;
  placeholders: { soft: string; hard: string };
  /** What an empty hard limit means here. */
  hardEmptyHint: string;
}) {
  const soft = `${props.idPrefix}-soft`;
  const hard = `${props.idPrefix}-hard`;
  return (
    <>
      <Field id={soft} name="softUsd" label="Alert at (USD)" hint="Empty: no alert.">
        <Input id={soft} name="softUsd" inputMode="decimal" placeholder={props.placeholders.soft} defaultValue={usdFieldValue(props.softMicros)} />
      </Field>
      <Field id={hard} name="hardUsd" label="Hard limit (USD)" hint={props.hardEmptyHint}>
        <Input id={hard} name="hardUsd" inputMode="decimal" placeholder={props.placeholders.hard} defaultValue={usdFieldValue(props.hardMicros)} />
      </Field>
    </>
  );
}
