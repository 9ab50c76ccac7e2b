// The only credentials the simulator accepts. The studio imports these as its default provider keys so a fresh
// checkout talks to the simulator without any configuration.
export const KLING_ACCESS_KEY = "sim-kling-access";
export const KLING_SECRET_KEY = "sim-kling-secret";
export const WAVESPEED_API_KEY = "sim-wavespeed-key";
export const WAVESPEED_WEBHOOK_SECRET = "sim-wavespeed-webhook-secret";
export const RUNWARE_API_KEY = "sim-runware-key";
export const SEGMIND_API_KEY = "sim-segmind-key";
export const FAL_KEY_ID = "sim-fal-key-id";
export const FAL_KEY_SECRET = "sim-fal-key-secret";
export const FAL_KEY = `${FAL_KEY_ID}:${FAL_KEY_SECRET}`;
// fal puts an account id in X-Fal-Webhook-User-Id; the simulator has a single account.
export const FAL_USER_ID = "sim-fal-user";
