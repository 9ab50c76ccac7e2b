"use client";

import { startTransition, useActionState } from "react";
import { switchTeamAction } from "./team-actions";
import type { ActionState } from "./run-action";

/** The header's team picker: choosing a team switches at once (the button is there for keyboard and no-JS use). */
export function TeamSwitcher({ teams, currentId }: { teams: { id: string; name: string; role: string }[]; currentId: string }) {
  const [state, dispatch, pending] = useActionState<ActionState, FormData>(switchTeamAction, {});
  return (
    <form action={dispatch} className="team-switcher" title={state.error?.message}>
      <label htmlFor="team-switcher" className="sr-only">Team</label>
      <select
        id="team-switcher"
        name="teamId"
        defaultValue={currentId}
        disabled={pending}
        onChange={(event) => {
          const form = new FormData(event.currentTarget.form ?? undefined);
          startTransition(() => dispatch(form));
        }}
      >
        {teams.map((t) => (
          <option key={t.id} value={t.id}>{t.name} · {t.role}</option>
        ))}
      </select>
      <noscript><button className="btn" type="submit">Switch</button></noscript>
    </form>
  );
}
