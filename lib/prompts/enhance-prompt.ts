// The built-in prompt enhancer: a short prompt becomes a detailed one by adding what it does not yet say about style,
// lighting, lens, composition and detail, chosen from a fixed vocabulary by what the subject looks like (a product,
// a person, a place, food, or anything else). No randomness and no model: the same input always gives the same
// output, so a suggestion can be shown as a diff, reviewed and edited, and enhancing twice changes nothing more.
// References (@image1, @element1) and template variables ({product}) are left exactly where they are.

export type EnhanceCategory = "subject" | "style" | "lighting" | "lens" | "composition";
export type Enhancement = { text: string; additions: { category: EnhanceCategory; phrase: string }[] };

type Scene = "product" | "portrait" | "landscape" | "food" | "general";

const SCENE_WORDS: [Scene, RegExp][] = [
  ["product", /\b(product|bottle|shoes?|sneakers?|trainers?|watch|phone|packag\w*|perfume|jar|handbag|cosmetic\w*|lipstick|headphones?|chair|lamp|mug|cup)\b|\{product\}/i],
  ["food", /\b(food|dish|meal|cake|burger|pizza|coffee|salad|dessert|bread|pasta|sushi|cocktail|drink|fruit)\b/i],
  ["portrait", /\b(portrait|woman|man|person|people|girl|boy|child|model|face|athlete|character|chef|worker|couple|family)\b/i],
  ["landscape", /\b(landscape|mountain|beach|forest|city|street|skyline|lake|ocean|sea|desert|valley|field|village|sunset|sunrise|river|island)\b/i],
];

const NON_PHOTO_STYLE = /\b(illustration|illustrated|painting|painted|watercolou?r|oil paint\w*|anime|manga|cartoon|vector|3d render|render(ed)?|pixel art|sketch|drawing|comic|flat design|isometric|low[- ]poly)\b/i;

const PRESENT: Record<Exclude<EnhanceCategory, "subject">, RegExp> = {
  style: /\b(photo\w*|illustration|illustrated|painting|painted|watercolou?r|anime|manga|cartoon|vector|render(ed)?|3d|sketch|drawing|comic|cinematic|editorial|minimalis\w*|surreal\w*|vintage|retro|style|aesthetic|pixel art|isometric|low[- ]poly)\b/i,
  lighting: /\b(light\w*|lit|sun\w*|golden hour|blue hour|backlit|neon|shadows?|softbox|glow\w*|dusk|dawn|night|moonlight|candle\w*|overcast|rim light|chiaroscuro)\b/i,
  lens: /\b(\d+\s?mm|lens|macro|wide[- ]angle|telephoto|fisheye|bokeh|depth of field|aperture|f\/\d+(\.\d+)?|tilt[- ]shift)\b/i,
  composition: /\b(composition|composed|centered|centred|rule of thirds|close[- ]up|wide shot|medium shot|full[- ]body|overhead|top[- ]down|flat[- ]lay|bird'?s[- ]eye|symmetr\w*|framing|framed|negative space|low angle|high angle|portrait orientation|headshot)\b/i,
};
const DETAILED = /\b(detailed|detail|sharp|crisp|high[- ]resolution|4k|8k|hyper[- ]?real\w*|photoreal\w*)\b/i;

const VOCABULARY: Record<Scene, Record<Exclude<EnhanceCategory, "subject">, string>> = {
  product: {
    style: "clean commercial product photography",
    lighting: "soft diffused studio lighting with gentle reflections",
    lens: "100mm macro lens, shallow depth of field",
    composition: "centered composition with generous negative space",
  },
  portrait: {
    style: "editorial portrait photography",
    lighting: "soft natural window light with a subtle rim light",
    lens: "85mm lens at f/1.8, creamy bokeh",
    composition: "head-and-shoulders framing on the rule of thirds",
  },
  landscape: {
    style: "cinematic landscape photography",
    lighting: "warm golden-hour light with long shadows",
    lens: "24mm wide-angle lens, deep depth of field",
    composition: "rule-of-thirds composition with a strong foreground",
  },
  food: {
    style: "appetizing food photography",
    lighting: "soft side light with natural highlights",
    lens: "50mm lens, shallow depth of field",
    composition: "overhead flat-lay composition",
  },
  general: {
    style: "high-end editorial photography",
    lighting: "soft natural light",
    lens: "50mm lens, natural perspective",
    composition: "balanced rule-of-thirds composition",
  },
};

const MAX_PROMPT_CHARS = 2500;

function sceneOf(prompt: string): Scene {
  return SCENE_WORDS.find(([, words]) => words.test(prompt))?.[0] ?? "general";
}

export function enhancePrompt(prompt: string): Enhancement {
  const base = prompt.replace(/\s+/g, " ").trim().replace(/[\s,.;:]+$/, "");
  if (!base) return { text: "", additions: [] };
  const scene = sceneOf(base);
  const illustrated = NON_PHOTO_STYLE.test(base);
  const words = VOCABULARY[scene];
  const additions: Enhancement["additions"] = [];
  if (!DETAILED.test(base)) additions.push({ category: "subject", phrase: "highly detailed subject in sharp focus" });
  for (const category of ["style", "lighting", "lens", "composition"] as const) {
    if (PRESENT[category].test(base)) continue;
    // A lens means nothing to a painting or a vector drawing.
    if (category === "lens" && illustrated) continue;
    additions.push({ category, phrase: words[category] });
  }
  if (additions.length === 0) return { text: base, additions };
  const text = `${base}, ${additions.map((a) => a.phrase).join(", ")}`;
  // Providers take at most 2,500 characters: a prompt that long already says enough.
  if (text.length > MAX_PROMPT_CHARS) return { text: base, additions: [] };
  return { text, additions };
}
