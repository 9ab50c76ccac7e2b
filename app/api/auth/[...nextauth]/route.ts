// GET|POST /api/auth/* - Auth.js endpoints (magic links, OIDC callbacks, sign-out)
import { handlers } from "@/lib/auth/auth";

export const { GET, POST } = handlers;
