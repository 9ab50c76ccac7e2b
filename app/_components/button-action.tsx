import type { ReactNode } from "react";
import { ActionForm, SubmitButton, type Confirm } from "@/app/_components/action-form";

type ActionFormProps = Parameters<typeof ActionForm>[0];

/**
 * One button that posts fixed fields to a server action — the shape every row action shares (revoke a key, remove a
 * member, delete a template, mark read). The fields are the ids the action checks access for; nothing is typed, so
 * success is confirmed with a toast unless `showMessage` says otherwise.
 */
export function ButtonAction(props: {
  action: ActionFormProps["action"];
  fields: Record<string, string>;
  "aria-label": string;
  children: ReactNode;
  pendingLabel: string;
  confirm?: Confirm;
  variant?: Parameters<typeof SubmitButton>[0]["variant"];
  size?: "default" | "sm";
  showMessage?: boolean;
  className?: string;
}) {
  return (
    <ActionForm action={props.action} aria-label={props["aria-label"]} showMessage={props.showMessage ?? false}
      confirm={props.confirm} className={props.className}>
      {Object.entries(props.fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <SubmitButton variant={props.variant ?? "secondary"} size={props.size ?? "sm"} pendingLabel={props.pendingLabel}>{props.children}</SubmitButton>
    </ActionForm>
  );
}
