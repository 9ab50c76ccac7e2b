// Tailwind CSS 4 runs as a PostCSS plugin; everything else about the theme lives in app/globals.css (@theme).
export default { plugins: { "@tailwindcss/postcss": {} } };
