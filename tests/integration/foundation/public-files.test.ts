import { describe, expect, it, inject } from "vitest";

// public/ serves the icons, robots.txt and the web manifest without a session, and every page links them.
describe("public files", () => {
  const appUrl = () => inject("appUrl");

  it("asks crawlers to stay out", async () => {
    const res = await fetch(`${appUrl()}/robots.txt`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/);
  });

  it("serves a web manifest whose icons all exist", async () => {
    const res = await fetch(`${appUrl()}/manifest.webmanifest`);
    expect(res.status).toBe(200);
    const manifest = (await res.json()) as { name: string; start_url: string; icons: Array<{ src: string; type: string; sizes: string }> };
    expect(manifest).toMatchObject({ name: "Asset Studio", start_url: "/" });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    for (const icon of manifest.icons) {
      const file = await fetch(`${appUrl()}${icon.src}`);
      expect(file.status, icon.src).toBe(200);
      expect(file.headers.get("content-type"), icon.src).toContain(icon.type);
    }
  });

  it("links the manifest and icons from every page, signed in or not", async () => {
    const html = await (await fetch(`${appUrl()}/sign-in`)).text();
    const links = [...html.matchAll(/<link [^>]*>/g)].map((m) => m[0]);
    const hrefOf = (rel: string) => links.find((l) => l.includes(`rel="${rel}"`))?.match(/href="([^"]+)"/)?.[1];
    expect(hrefOf("manifest")).toBe("/manifest.webmanifest");
    for (const rel of ["icon", "apple-touch-icon"]) {
      const href = hrefOf(rel);
      expect(href, rel).toBeTruthy();
      expect((await fetch(`${appUrl()}${href!.replace(/&amp;/g, "&")}`)).status, rel).toBe(200);
    }
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
  });
});
