"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { requestIp } from "@/lib/auth/client-ip";
import { sessionCookie } from "@/lib/auth/session-cookie";

// Next refuses server actions whose Origin doesn't match the Host, so another site can't sign people out.
export async function signOutEverywhereAction() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  await signOutEverywhere({ userId: user.id, ip: await requestIp() });
  // Expire this browser's cookie too; set (not delete) so the Secure attribute a __Secure- cookie needs is kept.
  const cookie = sessionCookie();
  (await cookies()).set(cookie.name, "", { ...cookie.options, maxAge: 0 });
  redirect("/sign-in?signed-out=everywhere");
}
