"use client";

import { useEffect, useId, useState } from "react";

import { useQueryStates } from "nuqs";
import { CheckCheck, Rows2, Rows3, Rows4, Search, SlidersHorizontal, Trash2, X, Images } from "lucide-react";
import { cn } from "@/app/_components/cn";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { Label } from "@/app/_components/ui/label";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/app/_components/ui/sheet";
import { activeFilterCount, galleryParsers, PROVIDERS, APPROVALS, type GalleryFilters } from "./gallery-filters";

export type FilterOptions = {
  models: { value: string; label: string }[];
  providers: { value: string; label: string }[];
  aspectRatios: string[];
  resolutions: string[];
  members: { value: string; label: string }[];
};

const DENSITY = [
  { value: "compact", label: "Compact", icon: Rows4 },
  { value: "comfortable", label: "Comfortable", icon: Rows3 },
  { value: "large", label: "Large", icon: Rows2 },
] as const;

const APPROVAL_LABELS: Record<(typeof APPROVALS)[number], string> = { none: "Not reviewed", pending: "Pending", approved: "Approved", rejected: "Rejected" };

export function GalleryToolbar({ options, onSelectAll, canSelectAll }: { options: FilterOptions; onSelectAll: () => void; canSelectAll: boolean }) {
  const [filters, setFilters] = useQueryStates(galleryParsers);
  const [text, setText] = useState(filters.q);
  const searchId = useId();
  const sortId = useId();

  // Typing waits for a pause before it becomes a URL (and a request); back/forward brings the URL's words back.
  // Only when the URL says something else: a pause after "red " must not eat the space the next word needs.
  useEffect(() => setText((typed) => (typed.trim() === filters.q.trim() ? typed : filters.q)), [filters.q]);
  useEffect(() => {
    if (text.trim() === filters.q.trim()) return;
    const timer = setTimeout(() => void setFilters({ q: text.trim() || null }), 300);
    return () => clearTimeout(timer);
  }, [text, filters.q, setFilters]);

  const count = activeFilterCount(filters as GalleryFilters);
  const trash = filters.view === "trash";
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <nav aria-label="Gallery views" className="flex rounded-lg border border-border bg-card p-0.5">
          <ViewLink active={!trash} onClick={() => void setFilters({ view: null })} icon={<Images aria-hidden />}>Gallery</ViewLink>
          <ViewLink active={trash} onClick={() => void setFilters({ view: "trash" })} icon={<Trash2 aria-hidden />}>Trash</ViewLink>
        </nav>
        <div className="relative min-w-[12rem] flex-1">
          <Label htmlFor={searchId} className="sr-only">Search prompts</Label>
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input id={searchId} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Search prompts…" className="pl-8" />
        </div>
        <div className="flex items-center gap-2">
          <Label htmlFor={sortId} className="sr-only">Sort</Label>
          <NativeSelect id={sortId} value={filters.sort} onChange={(e) => void setFilters({ sort: e.target.value === "newest" ? null : (e.target.value as GalleryFilters["sort"]) })}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
            <option value="rating">Highest rated</option>
          </NativeSelect>
          <div role="group" aria-label="Density" className="hidden rounded-lg border border-border bg-card p-0.5 sm:flex">
            {DENSITY.map(({ value, label, icon: Icon }) => (
              <button key={value} type="button" aria-pressed={filters.density === value} aria-label={label} title={label}
                onClick={() => void setFilters({ density: value === "comfortable" ? null : value })}
                className={cn("flex size-8 items-center justify-center rounded-md text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring [&_svg]:size-4",
                  filters.density === value && "bg-secondary text-foreground")}>
                <Icon aria-hidden />
              </button>
            ))}
          </div>
          <FilterSheet options={options} count={count} />
          <Button type="button" variant="ghost" size="sm" onClick={onSelectAll} disabled={!canSelectAll} title="Select every image loaded in this view">
            <CheckCheck aria-hidden /> <span className="hidden md:inline">Select all</span><span className="sr-only md:hidden">Select all</span>
          </Button>
        </div>
      </div>
      <ActiveFilters options={options} />
    </div>
  );
}

function ViewLink({ active, onClick, icon, children }: { active: boolean; onClick: () => void; icon: React.ReactNode; children: string }) {
  return (
    <button type="button" aria-pressed={active} onClick={onClick}
      className={cn("flex h-8 items-center gap-1.5 rounded-md px-2.5 text-[13px] font-medium text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring [&_svg]:size-4",
        active && "bg-secondary text-foreground")}>
      {icon}{children}
    </button>
  );
}

function FilterSheet({ options, count }: { options: FilterOptions; count: number }) {
  const [filters, setFilters] = useQueryStates(galleryParsers);
  const id = useId();
  const select = (name: string, label: string, value: string | null, list: { value: string; label: string }[], set: (v: string | null) => void) => (
    <div className="grid gap-1.5">
      <Label htmlFor={`${id}-${name}`}>{label}</Label>
      <NativeSelect id={`${id}-${name}`} value={value ?? ""} onChange={(e) => set(e.target.value || null)}>
        <option value="">Any</option>
        {list.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </NativeSelect>
    </div>
  );
  return (
    <Sheet>
      <SheetTrigger asChild>
        <Button type="button" variant="secondary" size="sm">
          <SlidersHorizontal aria-hidden /> Filters
          {count > 0 ? <span className="ml-0.5 rounded-full bg-primary px-1.5 text-[11px] text-primary-foreground tabular-nums">{count}</span> : null}
        </Button>
      </SheetTrigger>
      <SheetContent className="overflow-y-auto">
        <SheetTitle>Filters</SheetTitle>
        <SheetDescription>Narrow the gallery. Filters are kept in the address, so a filtered view can be shared.</SheetDescription>
        <div className="mt-4 grid gap-4">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-[var(--color-primary)]" checked={filters.fav === true} onChange={(e) => void setFilters({ fav: e.target.checked ? true : null })} />
            Favourites only
          </label>
          {select("model", "Model", filters.model, options.models, (v) => void setFilters({ model: v }))}
          {select("provider", "Provider", filters.provider, options.providers.filter((p) => (PROVIDERS as readonly string[]).includes(p.value)),
            (v) => void setFilters({ provider: v as GalleryFilters["provider"] }))}
          {select("ratio", "Aspect ratio", filters.ratio, options.aspectRatios.map((r) => ({ value: r, label: r })), (v) => void setFilters({ ratio: v }))}
          {select("res", "Resolution", filters.res, options.resolutions.map((r) => ({ value: r, label: r })), (v) => void setFilters({ res: v }))}
          {select("member", "Made by", filters.member, options.members, (v) => void setFilters({ member: v }))}
          {select("approval", "Approval", filters.approval, APPROVALS.map((a) => ({ value: a, label: APPROVAL_LABELS[a] })),
            (v) => void setFilters({ approval: v as GalleryFilters["approval"] }))}
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-tag`}>Tag</Label>
            <Input id={`${id}-tag`} defaultValue={filters.tag ?? ""} key={filters.tag ?? ""} placeholder="e.g. hero"
              onBlur={(e) => void setFilters({ tag: e.target.value.trim() || null })}
              onKeyDown={(e) => e.key === "Enter" && void setFilters({ tag: e.currentTarget.value.trim() || null })} />
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-from`}>From</Label>
              <Input id={`${id}-from`} type="date" value={filters.from ?? ""} onChange={(e) => void setFilters({ from: e.target.value || null })} />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-to`}>To</Label>
              <Input id={`${id}-to`} type="date" value={filters.to ?? ""} onChange={(e) => void setFilters({ to: e.target.value || null })} />
            </div>
          </div>
          <Button type="button" variant="outline" onClick={() => void setFilters(CLEARED)} disabled={count === 0}>Clear filters</Button>
        </div>
      </SheetContent>
    </Sheet>
  );
}

export const CLEARED = { model: null, provider: null, ratio: null, res: null, member: null, fav: null, tag: null, approval: null, from: null, to: null, q: null };

/** The filters in force as removable chips, so a narrowed view never looks like a missing image. */
function ActiveFilters({ options }: { options: FilterOptions }) {
  const [f, setFilters] = useQueryStates(galleryParsers);
  const label = (list: { value: string; label: string }[], v: string) => list.find((o) => o.value === v)?.label ?? v;
  const chips: { key: keyof typeof CLEARED; text: string }[] = [];
  if (f.q) chips.push({ key: "q", text: `“${f.q}”` });
  if (f.fav) chips.push({ key: "fav", text: "Favourites" });
  if (f.model) chips.push({ key: "model", text: label(options.models, f.model) });
  if (f.provider) chips.push({ key: "provider", text: label(options.providers, f.provider) });
  if (f.ratio) chips.push({ key: "ratio", text: f.ratio });
  if (f.res) chips.push({ key: "res", text: f.res });
  if (f.member) chips.push({ key: "member", text: `By ${label(options.members, f.member)}` });
  if (f.approval) chips.push({ key: "approval", text: APPROVAL_LABELS[f.approval] });
  if (f.tag) chips.push({ key: "tag", text: `#${f.tag}` });
  if (f.from) chips.push({ key: "from", text: `From ${f.from}` });
  if (f.to) chips.push({ key: "to", text: `To ${f.to}` });
  if (chips.length === 0) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap items-center gap-1.5">
      {chips.map((chip) => (
        <li key={chip.key}>
          <button type="button" onClick={() => void setFilters({ [chip.key]: null })} aria-label={`Remove filter ${chip.text}`}
            className="flex h-7 items-center gap-1 rounded-full border border-border bg-card pr-1.5 pl-2.5 text-xs hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring">
            {chip.text}<X aria-hidden className="size-3.5 text-muted-foreground" />
          </button>
        </li>
      ))}
      {chips.length > 1 ? (
        <li><Button type="button" variant="link" size="sm" className="text-xs" onClick={() => void setFilters(CLEARED)}>Clear all</Button></li>
      ) : null}
    </ul>
  );
}

