import type { ProviderModule } from "../core/types";
import { fal } from "./fal/routes";
import { kling } from "./kling/routes";
import { runware } from "./runware/routes";
import { segmind } from "./segmind/routes";
import { wavespeed } from "./wavespeed/routes";

export const PROVIDER_MODULES: ProviderModule[] = [kling, wavespeed, runware, segmind, fal];
