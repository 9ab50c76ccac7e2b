// The studio's client calls to the REST API with the session cookie. Errors come back as the API's JSON
// `{ error: { message } }`; this turns them into one thrown Error whose message can be shown as is.
export async function callApi<T>(path: string, init: { method: string; body?: unknown } = { method: "GET" }): Promise<T> {
  const response = await fetch(path, {
    method: init.method,
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const data = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new Error(data?.error?.message ?? `The request failed (${response.status}).`);
  return data as T;
}
